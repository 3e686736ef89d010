import type { ApiToken } from './api-token.entity';
import type { AuditLog } from './audit-log.entity';
import type { Invitation } from './invitation.entity';
import type * as View from './identity.types';
import type { Membership } from './membership.entity';
import type { Permission } from './permissions';
import type { Role } from './role.entity';
import type { Session } from './session.entity';
import type { User } from './user.entity';
import type { Workspace } from './workspace.entity';

/** Entities to GraphQL views: only the fields a client may see ever leave the module. */

export const toWorkspace = (workspace: Workspace): View.Workspace => ({
  id: workspace.id,
  name: workspace.name,
  slug: workspace.slug,
  timeZone: workspace.timeZone,
  createdAt: workspace.createdAt,
});

export const toRole = (role: Role, memberCount = 0): View.Role => ({
  id: role.id,
  key: role.key,
  name: role.name,
  builtIn: role.builtIn,
  permissions: role.permissions as Permission[],
  memberCount,
});

export const toMemberUser = (user: User): View.MemberUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  twoFactorEnabled: Boolean(user.totpEnabledAt),
});

export const toMember = (membership: Membership): View.Member => ({
  id: membership.id,
  user: toMemberUser(membership.user),
  role: toRole(membership.role),
  joinedAt: membership.createdAt,
});

export const toSession = (session: Session, currentId?: string): View.Session => ({
  id: session.id,
  createdAt: session.createdAt,
  lastSeenAt: session.lastSeenAt,
  expiresAt: session.expiresAt,
  ip: session.ip,
  userAgent: session.userAgent,
  current: session.id === currentId,
});

export const toApiToken = (token: ApiToken): View.ApiTokenView => ({
  id: token.id,
  name: token.name,
  prefix: token.prefix,
  permissions: token.permissions as Permission[],
  createdAt: token.createdAt,
  lastUsedAt: token.lastUsedAt,
  revokedAt: token.revokedAt,
  createdBy: token.createdBy ? toMemberUser(token.createdBy) : undefined,
});

export const toAuditEntry = (entry: AuditLog): View.AuditEntry => ({
  id: entry.id,
  action: entry.action,
  actor: entry.actor ? toMemberUser(entry.actor) : undefined,
  actorTokenName: entry.actorToken?.name ?? null,
  ip: entry.ip,
  target: entry.target,
  details: entry.details ? JSON.stringify(entry.details) : null,
  createdAt: entry.createdAt,
});

export const toInvitation = (invitation: Invitation, status: View.InvitationStatus): View.Invitation => ({
  id: invitation.id,
  email: invitation.email,
  role: {
    id: invitation.role.id,
    key: invitation.role.key,
    name: invitation.role.name,
    builtIn: invitation.role.builtIn,
  },
  status,
  invitedBy: toMemberUser(invitation.invitedBy),
  createdAt: invitation.createdAt,
  expiresAt: invitation.expiresAt,
});
