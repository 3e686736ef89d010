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
import { Migration20261201120000OneTimeLinks } from './migrations/20261201-120000-one-time-links';
import { Migration20261201130000InvitationRoleCascade } from './migrations/20261201-130000-invitation-role-cascade';
import { Invitation } from './invitation.entity';
import { InvitationsService } from './invitations.service';
import { PasswordResetLink } from './password-reset-link.entity';
import { PasswordResetsService } from './password-resets.service';
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
  /** Where the dashboard is reached: one-time links point there. */
  publicUrl: string;
  sessionLifetime?: SessionLifetime;
}

/** The identity services, wired once per process. */
export function createIdentityServices({
  encryptionKey,
  clock,
  publicUrl,
  sessionLifetime = DEFAULT_SESSION_LIFETIME,
}: IdentityOptions) {
  const secrets = new SecretBox(encryptionKey);
  const audit = new AuditService();
  const access = new AccessService(audit, clock, sessionLifetime);
  const auth = new AuthService(secrets, audit, sessionLifetime, clock);
  const invitations = new InvitationsService(audit, auth, clock, publicUrl);
  return {
    audit,
    access,
    auth,
    twoFactor: new TwoFactorService(secrets, audit, auth, clock),
    members: new MembersService(audit),
    tokens: new TokensService(audit),
    adminSeed: new AdminSeedService(audit),
    invitations,
    passwordResets: new PasswordResetsService(audit, auth, clock, publicUrl),
    platform: new PlatformService(audit, invitations),
    workspaceSettings: new WorkspaceSettingsService(audit),
  };
}

export type IdentityServices = ReturnType<typeof createIdentityServices>;

export const identityModule = defineModule({
  name: 'identity',
  entities: [Workspace, User, Role, Membership, Session, ApiToken, AuditLog, Invitation, PasswordResetLink],
  migrations: [
    { name: 'Migration20261124120000Identity', class: Migration20261124120000Identity },
    { name: 'Migration20261201100000WorkspaceTimeZone', class: Migration20261201100000WorkspaceTimeZone },
    { name: 'Migration20261201120000OneTimeLinks', class: Migration20261201120000OneTimeLinks },
    { name: 'Migration20261201130000InvitationRoleCascade', class: Migration20261201130000InvitationRoleCascade },
  ],
  statements: Object.values(identitySql),
  resolvers: [...identityResolvers],
  services: ({ config, clock }) =>
    createIdentityServices({ encryptionKey: config.secrets.encryptionKey, clock, publicUrl: config.publicUrl }),
});
