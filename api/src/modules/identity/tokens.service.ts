import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import { ApiToken } from './api-token.entity';
import { assertWithinAuthority } from './access-policy';
import type { AuditService } from './audit.service';
import type { RequestMeta, WorkspaceIdentity } from './identity';
import type { Permission } from './permissions';
import { hashToken, newToken } from './secrets';
import { User } from './user.entity';
import { Workspace } from './workspace.entity';

/** API tokens for scripts: a name, a workspace and a subset of the creator's permissions. */
export class TokensService {
  constructor(private readonly audit: AuditService) {}

  list(em: EntityManager) {
    return em.find(ApiToken, {}, { populate: ['createdBy'], orderBy: { createdAt: 'desc' } });
  }

  async create(
    em: EntityManager,
    actor: WorkspaceIdentity,
    name: string,
    permissions: Permission[],
    meta: RequestMeta,
  ) {
    const cleanName = name.trim();
    if (cleanName.length < 2 || cleanName.length > 80) {
      throw new AppError('BAD_USER_INPUT', 'tokens.nameLength', {}, { name: 'tokens.nameLength' });
    }
    // The ceiling every grant goes through: a token gets a subset of what its creator holds now.
    assertWithinAuthority(
      { permissions: actor.permissions, isOwner: false },
      permissions,
      'tokens.beyondOwnPermissions',
    );
    if (permissions.length === 0)
      throw new AppError('BAD_USER_INPUT', 'tokens.noPermissions', {}, { permissions: 'tokens.noPermissions' });
    const token = newToken('bzt');
    const apiToken = em.create(ApiToken, {
      workspace: em.getReference(Workspace, actor.workspaceId),
      createdBy: em.getReference(User, actor.userId),
      name: cleanName,
      prefix: token.slice(0, 12),
      tokenHash: hashToken(token),
      permissions: [...new Set(permissions)],
    });
    await em.flush();
    await em.populate(apiToken, ['createdBy']);
    await this.audit.recordBy(em, actor, meta, {
      action: 'token.created',
      target: cleanName,
      details: { permissions: apiToken.permissions },
    });
    return { token, apiToken };
  }

  async revoke(em: EntityManager, actor: WorkspaceIdentity, id: string, meta: RequestMeta) {
    const apiToken = await em.findOne(ApiToken, id, { populate: ['createdBy'] });
    if (!apiToken) throw new AppError('NOT_FOUND', 'errors.notFound');
    if (!apiToken.revokedAt) {
      apiToken.revokedAt = new Date();
      await em.flush();
      await this.audit.recordBy(em, actor, meta, {
        action: 'token.revoked',
        target: apiToken.name,
      });
    }
    return apiToken;
  }
}
