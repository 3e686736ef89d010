import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock';
import { query } from '../../db/sql';
import type { Identity } from './identity';
import {
  RESOLVE_API_TOKEN,
  RESOLVE_SESSION,
  RESOLVE_SESSION_BY_ID,
  TOUCH_API_TOKEN,
  TOUCH_SESSION,
  type SessionRow,
} from './identity.sql';
import { isPermission, type Permission } from './permissions';
import { hashToken, tokenKind } from './secrets';
import type { AuditService } from './audit.service';

export interface SessionLifetime {
  idleSeconds: number;
  absoluteSeconds: number;
}

export const DEFAULT_SESSION_LIFETIME: SessionLifetime = { idleSeconds: 7 * 86_400, absoluteSeconds: 30 * 86_400 };

function permissionSet(values: Iterable<string>): Set<Permission> {
  return new Set([...values].filter(isPermission));
}

/**
 * Turns a bearer credential into an Identity: one indexed query per request, no cache, so a
 * revoked session or token stops working on the very next request.
 */
export class AccessService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly lifetime: SessionLifetime = DEFAULT_SESSION_LIFETIME,
  ) {}

  async resolve(em: EntityManager, credential: string, ip?: string): Promise<Identity | undefined> {
    const kind = tokenKind(credential);
    if (kind === 'bzs') return this.resolveSession(em, credential);
    if (kind === 'bzt') return this.resolveToken(em, credential, ip);
    return undefined;
  }

  async resolveSessionById(em: EntityManager, sessionId: string): Promise<Identity | undefined> {
    const [row] = await query(em, RESOLVE_SESSION_BY_ID, [sessionId, this.clock.now()]);
    return row ? this.sessionIdentity(row) : undefined;
  }

  private async resolveSession(em: EntityManager, token: string): Promise<Identity | undefined> {
    const now = this.clock.now();
    const [row] = await query(em, RESOLVE_SESSION, [hashToken(token), now]);
    if (!row) return undefined;
    if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
      await query(em, TOUCH_SESSION, [this.lifetime.idleSeconds, this.lifetime.absoluteSeconds, row.session_id, now]);
    }
    return this.sessionIdentity(row);
  }

  private sessionIdentity(row: SessionRow): Identity {
    return {
      kind: 'session',
      userId: row.user_id,
      sessionId: row.session_id,
      workspaceId: row.workspace_id && row.permissions ? row.workspace_id : undefined,
      permissions: permissionSet(row.permissions ?? []),
      isPlatformAdmin: row.is_platform_admin,
      mustChangePassword: row.must_change_password,
    };
  }

  private async resolveToken(em: EntityManager, token: string, ip?: string): Promise<Identity | undefined> {
    const [row] = await query(em, RESOLVE_API_TOKEN, [hashToken(token)]);
    if (!row) return undefined;
    const [touched] = await query(em, TOUCH_API_TOKEN, [row.token_id, this.clock.now()]);
    if (touched?.first_today) {
      await this.audit.record(em, {
        action: 'token.used',
        workspaceId: row.workspace_id,
        actorId: row.user_id,
        actorTokenId: row.token_id,
        target: row.token_name,
        ip,
      });
    }
    const allowedByRole = new Set(row.role_permissions);
    return {
      kind: 'token',
      userId: row.user_id,
      tokenId: row.token_id,
      tokenName: row.token_name,
      workspaceId: row.workspace_id,
      permissions: permissionSet(row.token_permissions.filter((permission) => allowedByRole.has(permission))),
      // A script acts inside its workspace only, never with platform powers.
      isPlatformAdmin: false,
      mustChangePassword: false,
    };
  }
}
