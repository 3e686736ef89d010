import type { Clock } from '../../core/clock';
import { defineModule } from '../manifest';
import { AccessService, DEFAULT_SESSION_LIFETIME, type SessionLifetime } from './access.service';
import { AdminSeedService } from './admin-seed.service';
import { ApiToken } from './api-token.entity';
import { AuditLog } from './audit-log.entity';
import { AuditService } from './audit.service';
import { AuthService } from './auth.service';
import { Migration20261124120000Identity } from './migrations/20261124-120000-identity';
import { Migration20261201100000WorkspaceTimeZone } from './migrations/20261201-100000-workspace-time-zone';
import * as identitySql from './identity.sql';
import { identityResolvers } from './identity.resolvers';
import { MembersService } from './members.service';
import { Membership } from './membership.entity';
import { PlatformService } from './platform.service';
import { Role } from './role.entity';
import { SecretBox } from './secrets';
import { Session } from './session.entity';
import { TokensService } from './tokens.service';
import { TwoFactorService } from './two-factor.service';
import { User } from './user.entity';
import { Workspace } from './workspace.entity';
import { WorkspaceSettingsService } from './workspace-settings.service';

export interface IdentityOptions {
  encryptionKey: string;
  clock: Clock;
  sessionLifetime?: SessionLifetime;
}

/** The identity services, wired once per process. */
export function createIdentityServices({
  encryptionKey,
  clock,
  sessionLifetime = DEFAULT_SESSION_LIFETIME,
}: IdentityOptions) {
  const secrets = new SecretBox(encryptionKey);
  const audit = new AuditService();
  const access = new AccessService(audit, clock, sessionLifetime);
  const auth = new AuthService(secrets, audit, sessionLifetime, clock);
  return {
    audit,
    access,
    auth,
    twoFactor: new TwoFactorService(secrets, audit, auth, clock),
    members: new MembersService(audit),
    tokens: new TokensService(audit),
    adminSeed: new AdminSeedService(audit),
    platform: new PlatformService(audit),
    workspaceSettings: new WorkspaceSettingsService(audit),
  };
}

export type IdentityServices = ReturnType<typeof createIdentityServices>;

export const identityModule = defineModule({
  name: 'identity',
  entities: [Workspace, User, Role, Membership, Session, ApiToken, AuditLog],
  migrations: [
    { name: 'Migration20261124120000Identity', class: Migration20261124120000Identity },
    { name: 'Migration20261201100000WorkspaceTimeZone', class: Migration20261201100000WorkspaceTimeZone },
  ],
  statements: Object.values(identitySql),
  resolvers: [...identityResolvers],
  services: ({ config, clock }) => createIdentityServices({ encryptionKey: config.secrets.encryptionKey, clock }),
});
