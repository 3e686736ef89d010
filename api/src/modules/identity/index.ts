/** The identity module's public face: other modules and the platform import from here only. */
export { identityModule, createIdentityServices, type IdentityServices } from './identity.module';
export { Workspace } from './workspace.entity';
export { User } from './user.entity';
export { Role } from './role.entity';
export { Membership } from './membership.entity';
export { Session } from './session.entity';
export { ApiToken } from './api-token.entity';
export { AuditLog } from './audit-log.entity';
export { Permission, ALL_PERMISSIONS, BUILT_IN_ROLES, type BuiltInRoleKey } from './permissions';
export type { Identity, RequestMeta, WorkspaceIdentity } from './identity';
export { AccessService } from './access.service';
export { MembersService } from './members.service';
export { AdminSeedService, SEED_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD } from './admin-seed.service';
export { AuditService } from './audit.service';
export { LOGIN_POLICY } from './auth.service';
export { WorkspaceTimeZone, DEFAULT_TIME_ZONE } from './time-zones';
export { AUDIT_ACTIONS, type AuditAction } from './audit-actions';
