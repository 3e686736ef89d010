import { AppError } from '../../core/app-error';
import type { Permission } from './permissions';

/**
 * The privilege ceiling, in one place: nobody hands out what they do not hold. Every path
 * that grants permissions (assigning a role, adding a member, creating or editing a role,
 * creating a token) and every path that changes a member goes through these checks, with
 * the caller's *current* authority (read under the workspace lock, see MembersService).
 */
export interface Authority {
  /** Effective permissions: a token's are its own cut to its creator's current role. */
  permissions: ReadonlySet<Permission>;
  /** Only a person signed in with a session whose current role is Owner; a token never is. */
  isOwner: boolean;
}

export interface Grantee {
  roleKey: string;
  permissions: readonly Permission[];
}

export function beyondAuthority(authority: Authority, permissions: readonly Permission[]): Permission[] {
  return [...new Set(permissions)].filter((permission) => !authority.permissions.has(permission));
}

/** Granting a set of permissions (a role's, a token's): only a subset of the caller's own. */
export function assertWithinAuthority(
  authority: Authority,
  permissions: readonly Permission[],
  messageKey = 'members.beyondOwnPermissions',
): void {
  const beyond = beyondAuthority(authority, permissions);
  if (beyond.length > 0) {
    throw new AppError('FORBIDDEN', messageKey, { permissions: beyond.join(', ') }, { permissions: messageKey });
  }
}

/** Giving someone a role: Owner only from an Owner, any other only within the caller's permissions. */
export function assertMayAssign(authority: Authority, role: Grantee): void {
  if (role.roleKey === 'owner' && !authority.isOwner) throw new AppError('FORBIDDEN', 'members.onlyOwnerGrantsOwner');
  assertWithinAuthority(authority, role.permissions);
}

/** Changing or removing a member: an Owner only by an Owner, nobody whose permissions exceed the caller's. */
export function assertMayManage(authority: Authority, member: Grantee): void {
  if (member.roleKey === 'owner' && !authority.isOwner)
    throw new AppError('FORBIDDEN', 'members.onlyOwnerManagesOwner');
  if (beyondAuthority(authority, member.permissions).length > 0) throw new AppError('FORBIDDEN', 'members.aboveYou');
}
