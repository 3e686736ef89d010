import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import { query } from '../../db/sql';
import { inTransaction } from '../../db/transaction';
import type { Authority } from './access-policy';
import type { WorkspaceIdentity } from './identity';
import { CURRENT_ROLE, LOCK_WORKSPACE } from './identity.sql';
import type { Permission } from './permissions';
import { Role } from './role.entity';

/**
 * Runs a change to who holds what (or may come to hold it) under the workspace's membership
 * lock, with the caller's authority read inside it: two concurrent changes cannot both pass a
 * guard the other one breaks (the last Owner, a ceiling that was just lowered). Members,
 * roles, invitations and reset links all go through here.
 */
export function withAuthority<T>(
  em: EntityManager,
  actor: WorkspaceIdentity,
  work: (tx: EntityManager, authority: Authority) => Promise<T>,
): Promise<T> {
  return inTransaction(em, {}, async (tx) => {
    await query(tx, LOCK_WORKSPACE, [actor.workspaceId]);
    const [current] = await query(tx, CURRENT_ROLE, [actor.workspaceId, actor.userId]);
    if (!current) throw new AppError('FORBIDDEN', 'auth.forbidden');
    const held = new Set(current.permissions);
    const authority: Authority = {
      // A token keeps only what its creator still holds; a session holds its role's permissions.
      permissions: new Set([...actor.permissions].filter((permission) => held.has(permission))),
      isOwner: actor.kind === 'session' && current.key === 'owner',
    };
    return work(tx, authority);
  });
}

/** The current authority of a member who acted earlier (an inviter), read under LOCK_WORKSPACE. */
export async function memberAuthority(tx: EntityManager, workspaceId: string, userId: string): Promise<Authority> {
  const [current] = await query(tx, CURRENT_ROLE, [workspaceId, userId]);
  return {
    permissions: new Set((current?.permissions ?? []) as Permission[]),
    isOwner: current?.key === 'owner',
  };
}

/** A role of this workspace, or a built-in one. */
export async function roleInWorkspace(em: EntityManager, workspaceId: string, roleId: string): Promise<Role> {
  const role = await em.findOne(Role, { id: roleId, $or: [{ workspace: null }, { workspace: workspaceId }] });
  if (!role) throw new AppError('BAD_USER_INPUT', 'roles.unknown', {}, { roleId: 'roles.unknown' });
  return role;
}
