import type { PreparedStatements } from '../../db/prepared-statements';
import { AccessService, DEFAULT_SESSION_LIFETIME, type SessionLifetime } from './access.service';
import { AdminSeedService } from './admin-seed.service';
import { AuditService } from './audit.service';
import { AuthService } from './auth.service';
import { MembersService } from './members.service';
import { PlatformService } from './platform.service';
import { SecretBox } from './secrets';
import { TokensService } from './tokens.service';
import { TwoFactorService } from './two-factor.service';

export interface IdentityOptions {
  encryptionKey: string;
  /** The prepared statements every authenticated request runs. */
  statements: PreparedStatements;
  sessionLifetime?: SessionLifetime;
}

/** The identity services, wired once per process. */
export function createIdentityServices({
  encryptionKey,
  statements,
  sessionLifetime = DEFAULT_SESSION_LIFETIME,
}: IdentityOptions) {
  const secrets = new SecretBox(encryptionKey);
  const audit = new AuditService();
  const access = new AccessService(audit, statements, sessionLifetime);
  const auth = new AuthService(secrets, audit, sessionLifetime);
  return {
    audit,
    access,
    auth,
    twoFactor: new TwoFactorService(secrets, audit, auth),
    members: new MembersService(audit),
    tokens: new TokensService(audit),
    adminSeed: new AdminSeedService(audit),
    platform: new PlatformService(audit),
  };
}

export type IdentityServices = ReturnType<typeof createIdentityServices>;
