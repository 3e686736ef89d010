import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../core/app-error';
import { query } from '../../db/sql';
import type { AuditService } from './audit.service';
import type { RequestMeta, WorkspaceIdentity } from './identity';
import { COUNT_OWNERS, MEMBER_COUNTS_BY_ROLE, MEMBER_USER_IDS } from './identity.sql';
import { roleInWorkspace, withAuthority } from './authority';
import { assertMayAssign, assertMayManage, assertWithinAuthority } from './access-policy';
import { Invitation } from './invitation.entity';
import { Membership } from './membership.entity';
import { ALL_PERMISSIONS, type Permission } from './permissions';
import { Role } from './role.entity';

/** Members of a workspace and the roles they hold, including custom roles. */
export class MembersService {
  constructor(private readonly audit: AuditService) {}

  members(em: EntityManager) {
    // `em` carries the caller's workspace filter: only this workspace's memberships.
    return em.find(Membership, {}, { populate: ['user', 'role'], orderBy: { createdAt: 'asc' } });
  }

  /** Who in a workspace holds a permission (or every member): whom a notification reaches. */
  async memberUserIds(em: EntityManager, workspaceId: string, permission?: Permission): Promise<string[]> {
    return (await query(em, MEMBER_USER_IDS, [workspaceId, permission ?? null])).map((row) => row.user_id);
  }

  async roles(em: EntityManager, workspaceId: string) {
    const roles = await em.find(
      Role,
      { $or: [{ workspace: null }, { workspace: workspaceId }] },
      { orderBy: { builtIn: 'desc', createdAt: 'asc' } },
    );
    const counts = await query(em, MEMBER_COUNTS_BY_ROLE, [workspaceId]);
    const countByRole = new Map(counts.map((row) => [row.role_id, Number(row.count)]));
    return roles.map((role) => ({ role, memberCount: countByRole.get(role.id) ?? 0 }));
  }

  async changeRole(em: EntityManager, actor: WorkspaceIdentity, memberId: string, roleId: string, meta: RequestMeta) {
    const { member, previous } = await withAuthority(em, actor, async (tx, authority) => {
      const member = await tx.findOne(Membership, memberId, { populate: ['user', 'role'] });
      if (!member) throw new AppError('NOT_FOUND', 'errors.notFound');
      const role = await roleInWorkspace(tx, actor.workspaceId, roleId);
      assertMayManage(authority, { roleKey: member.role.key, permissions: member.role.permissions });
      assertMayAssign(authority, { roleKey: role.key, permissions: role.permissions });
      if (member.role.key === 'owner' && role.key !== 'owner') await this.assertNotLastOwner(tx, actor.workspaceId);
      const previous = member.role.key;
      member.role = role;
      await tx.flush();
      return { member, previous };
    });
    await this.audit.recordBy(em, actor, meta, {
      action: 'member.roleChanged',
      target: member.user.email,
      details: { from: previous, to: member.role.key },
    });
    return member;
  }

  async remove(em: EntityManager, actor: WorkspaceIdentity, memberId: string, meta: RequestMeta): Promise<void> {
    const member = await withAuthority(em, actor, async (tx, authority) => {
      const member = await tx.findOne(Membership, memberId, { populate: ['user', 'role'] });
      if (!member) throw new AppError('NOT_FOUND', 'errors.notFound');
      assertMayManage(authority, { roleKey: member.role.key, permissions: member.role.permissions });
      if (member.role.key === 'owner') await this.assertNotLastOwner(tx, actor.workspaceId);
      await tx.removeAndFlush(member);
      return member;
    });
    await this.audit.recordBy(em, actor, meta, {
      action: 'member.removed',
      target: member.user.email,
    });
  }

  async createRole(
    em: EntityManager,
    actor: WorkspaceIdentity,
    name: string,
    permissions: Permission[],
    meta: RequestMeta,
  ) {
    const cleanName = this.roleName(name);
    const role = await withAuthority(em, actor, async (tx, authority) => {
      assertWithinAuthority(authority, permissions);
      const role = tx.create(Role, {
        workspace: actor.workspaceId,
        key: `custom-${randomBytes(4).toString('hex')}`,
        name: cleanName,
        builtIn: false,
        permissions: this.cleanPermissions(permissions),
      });
      await tx.flush();
      return role;
    });
    await this.audit.recordBy(em, actor, meta, {
      action: 'role.created',
      target: cleanName,
      details: { permissions: role.permissions },
    });
    return role;
  }

  async updateRole(
    em: EntityManager,
    actor: WorkspaceIdentity,
    roleId: string,
    name: string,
    permissions: Permission[],
    meta: RequestMeta,
  ) {
    const cleanName = this.roleName(name);
    const { role, before } = await withAuthority(em, actor, async (tx, authority) => {
      const role = await this.customRole(tx, actor, roleId);
      // Neither a role above the caller, nor one raised above it.
      assertWithinAuthority(authority, [...role.permissions, ...permissions]);
      const before = role.permissions;
      role.name = cleanName;
      role.permissions = this.cleanPermissions(permissions);
      await tx.flush();
      return { role, before };
    });
    await this.audit.recordBy(em, actor, meta, {
      action: 'role.updated',
      target: role.name,
      details: { before, after: role.permissions },
    });
    return role;
  }

  async deleteRole(em: EntityManager, actor: WorkspaceIdentity, roleId: string, meta: RequestMeta): Promise<void> {
    const role = await withAuthority(em, actor, async (tx, authority) => {
      const role = await this.customRole(tx, actor, roleId);
      assertWithinAuthority(authority, role.permissions);
      if (await tx.count(Membership, { role })) throw new AppError('CONFLICT', 'roles.inUse');
      // An open invitation still offers it (withAuthority holds the lock invitations are made under).
      if (await tx.count(Invitation, { role, acceptedAt: null, revokedAt: null })) {
        throw new AppError('CONFLICT', 'roles.offeredByInvitation');
      }
      await tx.removeAndFlush(role);
      return role;
    });
    await this.audit.recordBy(em, actor, meta, {
      action: 'role.deleted',
      target: role.name,
    });
  }

  private roleName(name: string): string {
    const clean = name.trim();
    if (clean.length < 2 || clean.length > 60)
      throw new AppError('BAD_USER_INPUT', 'roles.nameLength', {}, { name: 'roles.nameLength' });
    return clean;
  }

  private cleanPermissions(permissions: Permission[]): Permission[] {
    return ALL_PERMISSIONS.filter((permission) => permissions.includes(permission));
  }

  private async customRole(em: EntityManager, actor: WorkspaceIdentity, roleId: string): Promise<Role> {
    const role = await em.findOne(Role, { id: roleId, workspace: actor.workspaceId });
    if (!role) {
      const builtIn = await em.count(Role, { id: roleId, workspace: null });
      throw builtIn ? new AppError('FORBIDDEN', 'roles.builtInReadOnly') : new AppError('NOT_FOUND', 'errors.notFound');
    }
    return role;
  }

  /** A workspace always keeps an Owner: counted under the workspace lock (withAuthority). */
  private async assertNotLastOwner(tx: EntityManager, workspaceId: string): Promise<void> {
    const [row] = await query(tx, COUNT_OWNERS, [workspaceId]);
    if ((row?.count ?? 0) <= 1) throw new AppError('CONFLICT', 'members.lastOwner');
  }
}
