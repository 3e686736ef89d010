import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../core/app-error';
import { query } from '../../db/sql';
import type { AuditService } from './audit.service';
import { normalizeEmail } from './auth.service';
import type { RequestMeta, WorkspaceIdentity } from './identity';
import { MEMBER_COUNTS_BY_ROLE, MEMBER_USER_IDS } from './identity.sql';
import { Membership } from './membership.entity';
import { hashPassword } from './passwords';
import { ALL_PERMISSIONS, type Permission } from './permissions';
import { Role } from './role.entity';
import { User } from './user.entity';
import { Workspace } from './workspace.entity';

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

  async addMember(
    em: EntityManager,
    actor: WorkspaceIdentity,
    input: { email: string; name: string; roleId: string },
    meta: RequestMeta,
  ): Promise<{ member: Membership; temporaryPassword?: string }> {
    const workspaceId = actor.workspaceId;
    const role = await this.assignableRole(em, actor, input.roleId);
    const email = normalizeEmail(input.email);
    let user = await em.findOne(User, { email });
    let temporaryPassword: string | undefined;
    if (!user) {
      // A new account with a one-time password the inviter hands over; it must be changed at first login.
      temporaryPassword = randomBytes(12).toString('base64url');
      user = em.create(User, {
        email,
        name: input.name.trim(),
        passwordHash: await hashPassword(temporaryPassword),
        mustChangePassword: true,
      });
    }
    if (await em.count(Membership, { user, workspace: workspaceId })) {
      throw new AppError('CONFLICT', 'members.alreadyMember', {}, { email: 'members.alreadyMember' });
    }
    const member = em.create(Membership, { user, role, workspace: em.getReference(Workspace, workspaceId) });
    await em.flush();
    await this.audit.recordBy(em, actor, meta, {
      action: 'member.added',
      target: email,
      details: { role: role.key },
    });
    return { member, temporaryPassword };
  }

  async changeRole(em: EntityManager, actor: WorkspaceIdentity, memberId: string, roleId: string, meta: RequestMeta) {
    const member = await em.findOne(Membership, memberId, { populate: ['user', 'role'] });
    if (!member) throw new AppError('NOT_FOUND', 'errors.notFound');
    const role = await this.assignableRole(em, actor, roleId);
    await this.assertMayManage(em, actor, member);
    if (member.role.key === 'owner' && role.key !== 'owner') await this.assertNotLastOwner(em);
    const previous = member.role.key;
    member.role = role;
    await em.flush();
    await this.audit.recordBy(em, actor, meta, {
      action: 'member.roleChanged',
      target: member.user.email,
      details: { from: previous, to: role.key },
    });
    return member;
  }

  async remove(em: EntityManager, actor: WorkspaceIdentity, memberId: string, meta: RequestMeta): Promise<void> {
    const member = await em.findOne(Membership, memberId, { populate: ['user', 'role'] });
    if (!member) throw new AppError('NOT_FOUND', 'errors.notFound');
    await this.assertMayManage(em, actor, member);
    if (member.role.key === 'owner') await this.assertNotLastOwner(em);
    await em.removeAndFlush(member);
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
    const workspaceId = actor.workspaceId;
    const cleanName = this.roleName(name);
    const key = `custom-${randomBytes(4).toString('hex')}`;
    const role = em.create(Role, {
      workspace: workspaceId,
      key,
      name: cleanName,
      builtIn: false,
      permissions: this.cleanPermissions(permissions),
    });
    await em.flush();
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
    const role = await this.customRole(em, actor, roleId);
    const before = role.permissions;
    role.name = this.roleName(name);
    role.permissions = this.cleanPermissions(permissions);
    await em.flush();
    await this.audit.recordBy(em, actor, meta, {
      action: 'role.updated',
      target: role.name,
      details: { before, after: role.permissions },
    });
    return role;
  }

  async deleteRole(em: EntityManager, actor: WorkspaceIdentity, roleId: string, meta: RequestMeta): Promise<void> {
    const role = await this.customRole(em, actor, roleId);
    if (await em.count(Membership, { role })) throw new AppError('CONFLICT', 'roles.inUse');
    await em.removeAndFlush(role);
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

  /** A role of this workspace (or built-in); only an Owner may hand out the Owner role. */
  private async assignableRole(em: EntityManager, actor: WorkspaceIdentity, roleId: string): Promise<Role> {
    const role = await em.findOne(Role, { id: roleId, $or: [{ workspace: null }, { workspace: actor.workspaceId }] });
    if (!role) throw new AppError('BAD_USER_INPUT', 'roles.unknown', {}, { roleId: 'roles.unknown' });
    if (role.key === 'owner' && !(await this.isOwner(em, actor)))
      throw new AppError('FORBIDDEN', 'members.onlyOwnerGrantsOwner');
    return role;
  }

  private async assertMayManage(em: EntityManager, actor: WorkspaceIdentity, member: Membership): Promise<void> {
    if (member.role.key === 'owner' && !(await this.isOwner(em, actor)))
      throw new AppError('FORBIDDEN', 'members.onlyOwnerManagesOwner');
  }

  private async isOwner(em: EntityManager, actor: WorkspaceIdentity): Promise<boolean> {
    const own = await em.findOne(Membership, { user: actor.userId }, { populate: ['role'] });
    return own?.role.key === 'owner';
  }

  /** A workspace always keeps an Owner. */
  private async assertNotLastOwner(em: EntityManager): Promise<void> {
    const owners = await em.count(Membership, { role: { key: 'owner', workspace: null } });
    if (owners <= 1) throw new AppError('CONFLICT', 'members.lastOwner');
  }
}
