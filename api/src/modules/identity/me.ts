import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from './identity';
import { toRole, toWorkspace } from './identity.mappers';
import { LanguageCode, type Me } from './identity.types';
import { Membership } from './membership.entity';
import { User } from './user.entity';

/** The signed-in user as the dashboard needs it: profile, active workspace, role, permissions. */
export async function loadMe(em: EntityManager, identity: Identity): Promise<Me> {
  const user = await em.findOneOrFail(User, identity.userId);
  const memberships = await em.find(
    Membership,
    { user: identity.userId },
    { filters: { workspace: false }, populate: ['workspace', 'role'], orderBy: { createdAt: 'asc' } },
  );
  const active = memberships.find((membership) => membership.workspace.id === identity.workspaceId);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    language: user.language === 'en' ? LanguageCode.EN : LanguageCode.ID,
    isPlatformAdmin: user.isPlatformAdmin,
    mustChangePassword: user.mustChangePassword,
    twoFactorEnabled: Boolean(user.totpEnabledAt),
    workspace: active ? toWorkspace(active.workspace) : undefined,
    role: active ? toRole(active.role) : undefined,
    permissions: [...identity.permissions],
    workspaces: memberships.map((membership) => ({
      workspace: toWorkspace(membership.workspace),
      role: toRole(membership.role),
    })),
  };
}
