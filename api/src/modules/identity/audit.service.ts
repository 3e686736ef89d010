import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import { isUuid } from '../../core/ids';
import type { AuditAction } from './audit-actions';
import { AuditLog } from './audit-log.entity';
import type { Identity, RequestMeta } from './identity';

export interface AuditEvent {
  action: AuditAction;
  workspaceId?: string | null;
  actorId?: string | null;
  actorTokenId?: string | null;
  target?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditPageRequest {
  workspaceId: string;
  cursor?: string;
  limit: number;
}

/** The security audit log: append-only, one row per event. */
export class AuditService {
  async record(em: EntityManager, event: AuditEvent): Promise<void> {
    // A fork of its own: an audit entry must be written even when the caller's unit of work fails.
    const fork = em.fork();
    fork.create(AuditLog, {
      action: event.action,
      workspace: event.workspaceId ?? null,
      actor: event.actorId ?? null,
      actorToken: event.actorTokenId ?? null,
      target: event.target?.slice(0, 200) ?? null,
      ip: event.ip?.slice(0, 64) ?? null,
      details: event.details ?? null,
    });
    await fork.flush();
  }

  /** An event done by the caller (a member, or a script with a token) in its active workspace. */
  recordBy(
    em: EntityManager,
    actor: Identity,
    meta: RequestMeta,
    event: Pick<AuditEvent, 'action' | 'target' | 'details'>,
  ): Promise<void> {
    return this.record(em, {
      ...event,
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      actorTokenId: actor.tokenId,
      ip: meta.ip,
    });
  }

  /** Newest first, keyset-paged by (created_at, id): `audit_log_workspace_id_created_at_index`. */
  async page(em: EntityManager, { workspaceId, cursor, limit }: AuditPageRequest) {
    const after = cursor ? decodeCursor(cursor) : undefined;
    if (cursor && !after)
      throw new AppError('BAD_USER_INPUT', 'errors.validation', {}, { cursor: 'validation.cursor' });
    const items = await em.find(
      AuditLog,
      {
        workspace: workspaceId,
        ...(after
          ? { $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, id: { $lt: after.id } }] }
          : {}),
      },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: limit + 1, populate: ['actor', 'actorToken'] },
    );
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page,
      nextCursor: items.length > limit && last ? encodeCursor(last.createdAt, last.id) : undefined,
    };
  }
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } | undefined {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  return id && isUuid(id) && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : undefined;
}
