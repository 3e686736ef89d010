import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock';
import { newId } from '../../core/ids';
import type { Logger } from '../../core/logger';
import { execute, query } from '../../db/sql';
import { inTransaction } from '../../db/transaction';
import type { ContactsService } from '../contacts';
import type { ReplyForwardingService } from './reply-forwarding.service';
import {
  CHANNEL_BY_PHONE_NUMBER,
  CLAIM_WEBHOOK,
  MARK_WEBHOOK_APPLIED,
  MARK_WEBHOOK_FAILED,
  PAUSE_CHANNELS_BY_WABA,
  PENDING_WEBHOOKS,
  SET_PORTFOLIO_LIMIT_BY_WABA,
  SET_THROUGHPUT,
  STORE_REPLY,
  STORE_WEBHOOK,
  UPDATE_TEMPLATE_BY_META_ID,
  UPSERT_MESSAGE_STATUS,
} from './webhook.sql';

/** Forward order of statuses: a status of a lower or equal rank never replaces one recorded. */
export const STATUS_RANK: Record<string, number> = { sent: 1, delivered: 2, failed: 2, read: 3 };

interface Change {
  field?: string;
  value?: Record<string, unknown>;
}
interface Entry {
  id?: string;
  changes?: Change[];
}
interface StatusUpdate {
  id?: string;
  status?: string;
  timestamp?: string;
  recipient_id?: string;
  biz_opaque_callback_data?: string;
  pricing?: unknown;
  errors?: unknown;
}
interface InboundMessage {
  from?: string;
  id?: string;
  timestamp?: string;
  type?: string;
  text?: { body?: string };
  button?: { text?: string; payload?: string };
  interactive?: { button_reply?: { title?: string }; list_reply?: { title?: string } };
  user_id?: string;
}

const SECONDS = (timestamp: string | number | undefined, fallback: Date) =>
  timestamp !== undefined && Number.isFinite(Number(timestamp)) ? new Date(Number(timestamp) * 1000) : fallback;

/**
 * Meta's webhook: a verified body is stored (one insert, before the 200) and applied after,
 * by the request right away and by the `channels.apply-webhooks` job for bodies a crash left
 * behind. Applying is idempotent: statuses move forward only, replies are unique by wamid.
 */
export class WebhookService {
  constructor(
    private readonly contacts: ContactsService,
    private readonly forwarding: ReplyForwardingService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async store(em: EntityManager, rawBody: Buffer): Promise<string> {
    const id = newId();
    await execute(em, STORE_WEBHOOK, [id, rawBody.toString('utf8')]);
    return id;
  }

  /** Applies one stored body once (a concurrent applier skips it); false when already applied. */
  async apply(em: EntityManager, id: string): Promise<boolean> {
    try {
      return await inTransaction(em, { lockTimeoutMs: 5_000 }, async (tx) => {
        const [row] = await query(tx, CLAIM_WEBHOOK, [id]);
        if (!row) return false;
        const body = JSON.parse(row.body) as { entry?: Entry[] };
        for (const entry of body.entry ?? []) {
          for (const change of entry.changes ?? []) await this.applyChange(tx, entry.id ?? '', change);
        }
        await execute(tx, MARK_WEBHOOK_APPLIED, [id]);
        return true;
      });
    } catch (error) {
      this.logger.error({ err: error, webhookId: id }, 'applying a stored Meta webhook failed; the job retries it');
      await execute(em, MARK_WEBHOOK_FAILED, [id, (error as Error).message]).catch(() => undefined);
      return false;
    }
  }

  /** Bodies stored more than `graceMs` ago and not applied (the process died after its 200). */
  async applyPending(em: EntityManager, graceMs = 30_000, limit = 200): Promise<number> {
    const before = new Date(this.clock.now().getTime() - graceMs);
    let applied = 0;
    for (const { id } of await query(em, PENDING_WEBHOOKS, [before, limit])) {
      if (await this.apply(em, id)) applied += 1;
    }
    return applied;
  }

  private async applyChange(tx: EntityManager, wabaId: string, change: Change): Promise<void> {
    const value = change.value ?? {};
    switch (change.field) {
      case 'messages':
        return this.applyMessages(tx, value);
      case 'user_preferences':
        return this.applyPreferences(tx, value);
      case 'business_capability_update': {
        const limit = Number(value.max_daily_conversations_per_business);
        if (Number.isInteger(limit) && (limit === -1 || limit > 0)) {
          await execute(tx, SET_PORTFOLIO_LIMIT_BY_WABA, [wabaId, limit]);
        }
        return;
      }
      case 'message_template_status_update':
        await execute(tx, UPDATE_TEMPLATE_BY_META_ID, [wabaId, String(value.message_template_id), value.event, null]);
        return;
      case 'template_category_update':
        await execute(tx, UPDATE_TEMPLATE_BY_META_ID, [
          wabaId,
          String(value.message_template_id),
          null,
          value.new_category ?? null,
        ]);
        return;
      case 'account_update': {
        const event = String(value.event ?? '');
        if (['ACCOUNT_RESTRICTION', 'DISABLED_UPDATE', 'ACCOUNT_VIOLATION'].includes(event)) {
          await execute(tx, PAUSE_CHANNELS_BY_WABA, [wabaId, event]);
        }
        return;
      }
      case 'phone_number_quality_update': {
        const digits = String(value.display_phone_number ?? '').replace(/\D/g, '');
        if (value.event === 'THROUGHPUT_UPGRADE' && digits) await execute(tx, SET_THROUGHPUT, [wabaId, digits, 1000]);
        return;
      }
      default:
        this.logger.info({ field: change.field, wabaId }, 'Meta webhook field not handled');
    }
  }

  private async route(tx: EntityManager, value: Record<string, unknown>) {
    const phoneNumberId = String((value.metadata as { phone_number_id?: string } | undefined)?.phone_number_id ?? '');
    const [channel] = phoneNumberId ? await query(tx, CHANNEL_BY_PHONE_NUMBER, [phoneNumberId]) : [];
    return { phoneNumberId, channel };
  }

  private async applyMessages(tx: EntityManager, value: Record<string, unknown>): Promise<void> {
    const { phoneNumberId, channel } = await this.route(tx, value);
    if (!channel) {
      this.logger.warn({ phoneNumberId }, 'Meta webhook for a phone number no channel has');
      return;
    }
    const now = this.clock.now();
    for (const status of (value.statuses as StatusUpdate[] | undefined) ?? []) {
      const rank = STATUS_RANK[status.status ?? ''];
      if (!status.id || !rank) continue;
      await execute(tx, UPSERT_MESSAGE_STATUS, [
        status.id,
        channel.workspace_id,
        phoneNumberId,
        status.biz_opaque_callback_data ?? null,
        status.recipient_id ?? null,
        status.status,
        rank,
        SECONDS(status.timestamp, now),
        status.pricing === undefined ? null : JSON.stringify(status.pricing),
        status.errors === undefined ? null : JSON.stringify(status.errors),
      ]);
    }
    const profiles = (value.contacts as { wa_id?: string; user_id?: string }[] | undefined) ?? [];
    for (const message of (value.messages as InboundMessage[] | undefined) ?? []) {
      if (!message.id) continue;
      const profile = profiles.find((candidate) => candidate.wa_id === message.from) ?? profiles[0];
      const contact = await this.contacts.inboundContact(tx, channel.workspace_id, {
        phone: message.from ?? null,
        waId: profile?.wa_id ?? message.from ?? null,
        userId: profile?.user_id ?? message.user_id ?? null,
      });
      if (!contact) continue;
      const text =
        message.text?.body ??
        message.button?.text ??
        message.interactive?.button_reply?.title ??
        message.interactive?.list_reply?.title ??
        null;
      const replyId = newId();
      const stored = await execute(tx, STORE_REPLY, [
        channel.workspace_id,
        replyId,
        contact.id,
        channel.id,
        message.id,
        (message.type ?? 'unknown').slice(0, 20),
        text,
        JSON.stringify(message),
        SECONDS(message.timestamp, now),
      ]);
      // A redelivered message was handled (and forwarded) the first time.
      if (stored.rowCount === 0) continue;
      await this.forwarding.queue(tx, channel.workspace_id, replyId);
      if (text) await this.contacts.handleReply(tx, channel.workspace_id, contact.id, text);
    }
  }

  private async applyPreferences(tx: EntityManager, value: Record<string, unknown>): Promise<void> {
    const { channel } = await this.route(tx, value);
    if (!channel) return;
    for (const preference of (value.user_preferences as { wa_id?: string; user_id?: string; value?: string }[]) ?? []) {
      if (preference.value !== 'stop' && preference.value !== 'resume') continue;
      const contact = await this.contacts.inboundContact(tx, channel.workspace_id, {
        phone: preference.wa_id ?? null,
        waId: preference.wa_id ?? null,
        userId: preference.user_id ?? null,
      });
      if (contact) await this.contacts.applyUserPreference(tx, channel.workspace_id, contact.id, preference.value);
    }
  }
}
