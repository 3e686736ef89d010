import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { newId } from '../../core/ids';
import type { Logger } from '../../core/logger';
import { execute, query } from '../../db/sql';
import type { AuditService, Identity, RequestMeta } from '../identity';
import {
  DELIVERY_HEADER,
  forwardSignature,
  type ForwardPoster,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from './forward-http';
import { replyFacts } from './inbound-media';
import { checkForwardUrl, ForwardTargetError, parseForwardUrl } from './forward-target';
import {
  CLAIM_DUE_FORWARDS,
  type DueForwardRow,
  MARK_FORWARD_FAILED,
  MARK_FORWARDED,
  QUEUE_FORWARD,
  READ_FORWARDING,
  SAVE_FORWARDING,
} from './replies.sql';
import type { TokenBox } from './token-box';

export interface ReplyForwardingView {
  url: string;
  enabled: boolean;
  updatedAt: Date;
}

/** Retry delays after each failed attempt (30 s, 2 min, 8 min, 32 min, ~2 h, then 6 h): about a day in all. */
export const FORWARD_RETRY_DELAYS_MS = [30_000, 120_000, 480_000, 1_920_000, 7_680_000, 21_600_000, 21_600_000];
/** After this many attempts a reply is no longer forwarded (it stays on the contact). */
export const FORWARD_MAX_ATTEMPTS = FORWARD_RETRY_DELAYS_MS.length + 1;
const LEASE_MS = 120_000;
const TIMEOUT_MS = 10_000;

/**
 * Forwards inbound replies to a workspace's own webhook: a signed POST per reply, delivered by
 * the `channels.forward-replies` job from an outbox filled when the reply is stored, retried
 * with backoff. The signing secret is shown once, when it is made, and kept sealed.
 */
export class ReplyForwardingService {
  constructor(
    private readonly tokens: TokenBox,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly isProduction: boolean,
    private readonly post: ForwardPoster,
  ) {}

  async settings(em: EntityManager, workspaceId: string): Promise<ReplyForwardingView | null> {
    const [row] = await query(em, READ_FORWARDING, [workspaceId]);
    // Raw statements return timestamps as text; the GraphQL Date scalar needs a Date.
    return row ? { url: row.url, enabled: row.enabled, updatedAt: new Date(row.updated_at) } : null;
  }

  /**
   * Sets the URL and whether to forward. A secret is made the first time (or when asked to
   * rotate) and returned only then.
   */
  async set(
    em: EntityManager,
    actor: Identity & { workspaceId: string },
    meta: RequestMeta,
    input: { url: string; enabled: boolean; rotateSecret: boolean },
  ): Promise<{ forwarding: ReplyForwardingView; secret: string | null }> {
    const url = await checkForwardUrl(input.url.trim(), this.isProduction).catch((error: unknown) => {
      if (error instanceof ForwardTargetError) {
        const key = `channels.forwarding.${error.problem}`;
        throw new AppError('BAD_USER_INPUT', key, {}, { url: key });
      }
      throw error;
    });
    const [current] = await query(em, READ_FORWARDING, [actor.workspaceId]);
    const secret = !current || input.rotateSecret ? `whsec_${randomBytes(32).toString('base64url')}` : null;
    const sealed = secret ? this.tokens.seal(secret) : current!.secret_sealed;
    const now = this.clock.now();
    await execute(em, SAVE_FORWARDING, [actor.workspaceId, url.toString(), input.enabled, sealed, now]);
    await this.audit.recordBy(em, actor, meta, {
      action: 'replyForwarding.changed',
      target: actor.workspaceId,
      details: { url: url.origin, enabled: input.enabled, secretRotated: !!secret },
    });
    return { forwarding: { url: url.toString(), enabled: input.enabled, updatedAt: now }, secret };
  }

  /** Called in the transaction that stored a reply: queued when the workspace forwards replies. */
  async queue(tx: EntityManager, workspaceId: string, replyId: string): Promise<void> {
    await execute(tx, QUEUE_FORWARD, [workspaceId, newId(), replyId, this.clock.now()]);
  }

  /** Delivers what is due (the job calls this); answers how many were delivered. */
  async deliverDue(em: EntityManager, limit = 50): Promise<number> {
    const now = this.clock.now();
    const due = await query(em, CLAIM_DUE_FORWARDS, [now, limit, new Date(now.getTime() + LEASE_MS)]);
    let delivered = 0;
    for (const row of due) {
      if (await this.deliver(em, row)) delivered += 1;
    }
    return delivered;
  }

  private async deliver(em: EntityManager, row: DueForwardRow): Promise<boolean> {
    const outcome = row.enabled ? await this.attempt(row) : { ok: false as const, error: 'forwarding turned off' };
    const now = this.clock.now();
    if (outcome.ok) {
      await execute(em, MARK_FORWARDED, [row.id, now]);
      return true;
    }
    const delay = FORWARD_RETRY_DELAYS_MS[row.attempts - 1];
    const giveUp = !row.enabled || delay === undefined;
    this.logger.warn(
      { forwardId: row.id, workspaceId: row.workspace_id, attempt: row.attempts, giveUp, error: outcome.error },
      'forwarding a reply to the workspace webhook failed',
    );
    await execute(em, MARK_FORWARD_FAILED, [
      row.id,
      new Date(now.getTime() + (delay ?? 0)),
      giveUp ? now : null,
      outcome.error,
    ]);
    return false;
  }

  private async attempt(row: DueForwardRow) {
    let url: URL;
    try {
      url = parseForwardUrl(row.url, this.isProduction);
    } catch (error) {
      return { ok: false as const, error: (error as Error).message };
    }
    const body = JSON.stringify({
      object: 'bizone.reply',
      reply: {
        id: row.reply_id,
        wamid: row.wamid,
        contactId: row.contact_id,
        phone: row.phone,
        channelId: row.channel_id,
        type: row.type,
        text: row.text,
        ...replyFacts(row),
        receivedAt: new Date(row.received_at).toISOString(),
      },
    });
    const timestamp = String(Math.floor(this.clock.now().getTime() / 1000));
    const secret = this.tokens.open(row.secret_sealed);
    return this.post({
      url,
      body,
      headers: {
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: forwardSignature(secret, timestamp, body),
        [DELIVERY_HEADER]: row.id,
      },
      isProduction: this.isProduction,
      timeoutMs: TIMEOUT_MS,
    });
  }
}
