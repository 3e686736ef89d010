import { isUtf8 } from 'node:buffer';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock';
import { newId } from '../../core/ids';
import type { Logger } from '../../core/logger';
import { execute, query } from '../../db/sql';
import { inTransaction } from '../../db/transaction';
import { type ContactsService, erasureFence, SUPPRESSION_SOURCES, SuppressionKind } from '../contacts';
import { Permission } from '../identity';
import { NotificationType, type NotificationsService } from '../notifications';
import type { ErasedMessageIds } from './erased-message-ids';
import { subjectsOf, type WebhookSubjects } from './webhook-subjects';
import { DELETE_WEBHOOKS_BY_ID } from './erased-message-ids.sql';
import { type InboundMessageBody, inboundFacts } from './inbound-media';
import { messagingLimitOf } from './meta-graph';
import { type ButtonReplyMessage, buttonReplyOf, optOutButtonTexts, pressesOptOut } from './opt-out-button';
import type { ReplyForwardingService } from './reply-forwarding.service';
import {
  CHANNEL_BY_PHONE_NUMBER,
  CLAIM_WEBHOOK,
  MARKETING_TEMPLATE_COMPONENTS,
  MARK_CHANNELS_REINSTATED_BY_WABA,
  MARK_WEBHOOK_APPLIED,
  MARK_WEBHOOK_FAILED,
  PAUSE_CHANNELS_BY_WABA,
  PENDING_WEBHOOKS,
  SET_PORTFOLIO_LIMIT_BY_WABA,
  SET_TEMPLATE_STATUS_BY_META_ID,
  SET_QUALITY,
  SET_THROUGHPUT,
  STORE_REPLY,
  CLAIM_WEBHOOK_BATCH,
  type ChannelRouteRow,
  type StoredWebhookRow,
  MARK_WEBHOOKS_APPLIED,
  STORE_WEBHOOKS,
  TOUCH_CHANNEL_WEBHOOK,
  TOUCH_WABA_CHANNELS_WEBHOOK,
  UPDATE_TEMPLATE_CATEGORY_BY_META_ID,
  UPSERT_MESSAGE_STATUSES,
} from './webhook.sql';

interface StatusRow {
  wamid: string;
  workspaceId: string;
  phoneNumberId: string;
  callbackData: string | null;
  recipientId: string | null;
  status: string;
  rank: number;
  at: Date;
  pricing: string | null;
  errors: string | null;
  /** When it reached the phone: set on delivered and read, kept through a later failed. */
  deliveredAt: Date | null;
}

/**
 * What one transaction of bodies has learnt so far: the channel of each phone number, and the
 * statuses, reduced per wamid as applying them one by one would (the highest rank wins, the
 * first of equal ranks; pricing, errors and callback data kept from the others), so they are
 * written by one upsert.
 */
class BatchState {
  readonly routes = new Map<string, ChannelRouteRow | undefined>();
  readonly statuses = new Map<string, StatusRow>();
  /** WABAs whose channels' webhook time this batch has touched already. */
  readonly touchedWabas = new Set<string>();
  /** The stored body being applied, and the bodies that reported each wamid (to drop those of erased messages). */
  body = '';
  readonly bodiesOf = new Map<string, Set<string>>();
  /** Who each applied body names (the subject index, recorded with the batch). */
  readonly subjects: [id: string, subjects: Set<string>][] = [];

  addStatus(row: StatusRow): void {
    const bodies = this.bodiesOf.get(row.wamid) ?? new Set<string>();
    bodies.add(this.body);
    this.bodiesOf.set(row.wamid, bodies);
    const known = this.statuses.get(row.wamid);
    if (!known) {
      this.statuses.set(row.wamid, row);
      return;
    }
    const [winner, other] = row.rank > known.rank ? [row, known] : [known, row];
    this.statuses.set(row.wamid, {
      ...winner,
      pricing: winner.pricing ?? other.pricing,
      errors: winner.errors ?? other.errors,
      callbackData: known.callbackData ?? row.callbackData,
      deliveredAt: earliest(known.deliveredAt, row.deliveredAt),
    });
  }
}

/** Bodies applied per transaction; inserts sharing one commit at most; inserts in flight at once. */
const APPLY_BATCH = 500;
const MAX_STORE_BATCH = 500;
const MAX_STORES_IN_FLIGHT = 2;

/** `channel.last_webhook_at` is kept to this resolution (see TOUCH_CHANNEL_WEBHOOK). */
export const WEBHOOK_TIME_RESOLUTION_MS = 10_000;

/**
 * Forward order of statuses: a status of a lower or equal rank never replaces one recorded.
 * Meta may report `failed` after `delivered` (GATEWAYS.md 1.5), so failed ranks above delivered;
 * read stays last (the person saw it). Whether a failed message was delivered first is kept apart
 * (`delivered_at`), since the charge policy depends on it.
 */
export const STATUS_RANK: Record<string, number> = { sent: 1, delivered: 2, failed: 3, read: 4 };

const REACHES_PHONE = new Set(['delivered', 'read']);

const earliest = (a: Date | null, b: Date | null): Date | null => (a && b ? (a <= b ? a : b) : (a ?? b));

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
interface InboundMessage extends ButtonReplyMessage, Omit<InboundMessageBody, 'interactive' | 'button' | 'type'> {
  from?: string;
  id?: string;
  timestamp?: string;
  interactive?: ButtonReplyMessage['interactive'] & { list_reply?: { title?: string } };
  user_id?: string;
}

/**
 * What an `account_update` does to the WABA's channels (GATEWAYS.md 1.5: pause on a restriction
 * or a disable). `DISABLED_UPDATE` carries `ban_info.waba_ban_state`: DISABLE, SCHEDULE_FOR_DISABLE
 * (a warning: sending may go on until then) or REINSTATE. Violations, pricing tiers and the rest
 * change nothing here.
 */
export function accountUpdateEffect(value: Record<string, unknown>): 'PAUSE' | 'REINSTATED' | 'NONE' {
  const event = String(value.event ?? '');
  if (event === 'ACCOUNT_RESTRICTION' || event === 'ACCOUNT_DELETED' || event === 'ACCOUNT_OFFBOARDED') return 'PAUSE';
  if (event !== 'DISABLED_UPDATE') return 'NONE';
  const state = String((value.ban_info as { waba_ban_state?: string } | undefined)?.waba_ban_state ?? 'DISABLE');
  if (state === 'REINSTATE') return 'REINSTATED';
  return state === 'SCHEDULE_FOR_DISABLE' ? 'NONE' : 'PAUSE';
}

/** The reason a paused channel shows: Meta's event, and the kind of restriction when there is one. */
function accountUpdateReason(value: Record<string, unknown>): string {
  const restrictions = (value.restriction_info as { restriction_type?: string }[] | undefined) ?? [];
  const kinds = restrictions.map((item) => item.restriction_type).filter(Boolean);
  return [String(value.event), ...kinds].join(':');
}

/** Meta's template statuses (the `status` of `GET /{waba-id}/message_templates`): an event of that name sets it. */
const TEMPLATE_STATUSES = new Set([
  'APPROVED',
  'IN_APPEAL',
  'PENDING',
  'REJECTED',
  'PENDING_DELETION',
  'DELETED',
  'DISABLED',
  'PAUSED',
  'LIMIT_EXCEEDED',
  'ARCHIVED',
]);

/**
 * The template's status after a `message_template_status_update`, or null when the event says nothing of it. The
 * event names what happened, which is not always a status (GATEWAYS.md 1.5): REINSTATED (an appeal won) makes the
 * template APPROVED again; FLAGGED, LOCKED and UNLOCKED leave it sendable as it was; UNARCHIVED does not say what it
 * returns to, so the local copy keeps ARCHIVED (not sendable) until the next sync reads Meta's status.
 */
export function templateStatusAfter(event: unknown): string | null {
  const name = typeof event === 'string' ? event.toUpperCase() : '';
  if (name === 'REINSTATED') return 'APPROVED';
  return TEMPLATE_STATUSES.has(name) ? name : null;
}

const SECONDS = (timestamp: string | number | undefined, fallback: Date) =>
  timestamp !== undefined && Number.isFinite(Number(timestamp)) ? new Date(Number(timestamp) * 1000) : fallback;

/**
 * Meta's webhook: a verified body is stored (one insert, before the 200) and applied after,
 * by the request right away and by the `channels.apply-webhooks` job for bodies a crash left
 * behind. Applying is idempotent: statuses move forward only, replies are unique by wamid.
 */
/**
 * The webhook fields `applyChange` applies: the ones an operator subscribes the app to in Meta's app dashboard
 * (ops/DEPLOY-DEBIAN12.md lists them; deploy-guide.test.ts checks it). A field not subscribed never arrives.
 */
export const WEBHOOK_FIELDS = [
  'messages',
  'user_preferences',
  'business_capability_update',
  'message_template_status_update',
  'template_category_update',
  'account_update',
  'phone_number_quality_update',
] as const;

export class WebhookService {
  constructor(
    private readonly contacts: ContactsService,
    private readonly forwarding: ReplyForwardingService,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly notifications: NotificationsService,
    private readonly erasedMessageIds: ErasedMessageIds,
    private readonly subjects: WebhookSubjects,
  ) {}

  private readonly unstored: { id: string; body: Buffer; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private storing = 0;
  private applying = false;
  private applyAgain = false;

  /**
   * Stores a verified body; resolves once its row is committed (the route answers 200 only then).
   * Group commit: bodies arriving while earlier inserts are in flight share the next insert, so
   * thousands of POSTs a second cost a few hundred commits, and none answers before it is stored.
   */
  store(em: EntityManager, rawBody: Buffer): Promise<string> {
    const id = newId();
    return new Promise<string>((resolve, reject) => {
      // Stored as text: bytes that are not UTF-8 become U+FFFD, as a JavaScript string would have them.
      const body = isUtf8(rawBody) ? rawBody : Buffer.from(rawBody.toString('utf8'));
      this.unstored.push({ id, body, resolve: () => resolve(id), reject });
      this.flushStores(em);
    });
  }

  private flushStores(em: EntityManager): void {
    if (this.storing >= MAX_STORES_IN_FLIGHT || this.unstored.length === 0) return;
    const batch = this.unstored.splice(0, MAX_STORE_BATCH);
    this.storing += 1;
    const starts: number[] = [];
    let next = 1;
    for (const item of batch) {
      starts.push(next);
      next += item.body.length;
    }
    execute(em, STORE_WEBHOOKS, [
      batch.map((item) => item.id),
      Buffer.concat(batch.map((item) => item.body)),
      starts,
      batch.map((item) => item.body.length),
      this.clock.now(),
    ])
      .then(
        () => batch.forEach((item) => item.resolve()),
        (error: unknown) => batch.forEach((item) => item.reject(error)),
      )
      .finally(() => {
        this.storing -= 1;
        this.flushStores(em);
      });
  }

  /**
   * Applies what is stored and not applied yet, in batches, in the background: one loop per
   * process, started by each store and running until nothing is left. A batch that fails is
   * applied body by body, so one bad body is set aside (with its error, for the job) and the
   * rest go through.
   */
  applySoon(em: () => EntityManager): void {
    this.applyAgain = true;
    if (this.applying) return;
    this.applying = true;
    void (async () => {
      try {
        while (this.applyAgain) {
          this.applyAgain = false;
          // A full batch: more may be waiting.
          while ((await this.applyBatch(em())) === APPLY_BATCH);
        }
      } catch (error) {
        this.logger.error({ err: error }, 'applying stored Meta webhooks stopped; the job picks them up');
      } finally {
        this.applying = false;
      }
    })();
  }

  private async applyBatch(em: EntityManager): Promise<number> {
    let ids: string[] = [];
    try {
      return await inTransaction(em, { lockTimeoutMs: 5_000 }, async (tx) => {
        await erasureFence.shared(tx);
        const rows = await query(tx, CLAIM_WEBHOOK_BATCH, [APPLY_BATCH]);
        ids = rows.map((row) => row.id);
        const batch = new BatchState();
        for (const row of rows) await this.applyBody(tx, row, batch);
        await this.subjects.record(tx, batch.subjects);
        await this.flushStatuses(tx, batch);
        if (ids.length > 0) await execute(tx, MARK_WEBHOOKS_APPLIED, [ids]);
        return rows.length;
      });
    } catch (error) {
      if (ids.length === 0) throw error;
      this.logger.warn({ err: error, bodies: ids.length }, 'a batch of Meta webhooks failed; applying one by one');
      for (const id of ids) await this.apply(em, id);
      return ids.length;
    }
  }

  private async applyBody(tx: EntityManager, stored: StoredWebhookRow, batch: BatchState): Promise<void> {
    batch.body = stored.id;
    const body = JSON.parse(stored.body) as { entry?: Entry[] };
    batch.subjects.push([stored.id, subjectsOf(body)]);
    for (const entry of body.entry ?? []) {
      for (const change of entry.changes ?? []) await this.applyChange(tx, entry.id ?? '', change, batch);
    }
  }

  /** Applies one stored body once (a concurrent applier skips it); false when already applied. */
  async apply(em: EntityManager, id: string): Promise<boolean> {
    try {
      return await inTransaction(em, { lockTimeoutMs: 5_000 }, async (tx) => {
        await erasureFence.shared(tx);
        const [row] = await query(tx, CLAIM_WEBHOOK, [id]);
        if (!row) return false;
        const batch = new BatchState();
        await this.applyBody(tx, row, batch);
        await this.subjects.record(tx, batch.subjects);
        await this.flushStatuses(tx, batch);
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

  private async applyChange(tx: EntityManager, wabaId: string, change: Change, batch: BatchState): Promise<void> {
    const value = change.value ?? {};
    // Messages and user_preferences name their number (route() touches it); the rest speak for the WABA.
    if (change.field !== 'messages' && change.field !== 'user_preferences') await this.touchWaba(tx, wabaId, batch);
    switch (change.field) {
      case 'messages':
        return this.applyMessages(tx, value, batch);
      case 'user_preferences':
        return this.applyPreferences(tx, value, batch);
      case 'business_capability_update': {
        const limit = Number(value.max_daily_conversations_per_business);
        if (Number.isInteger(limit) && (limit === -1 || limit > 0)) await this.setMessagingLimit(tx, wabaId, limit);
        return;
      }
      case 'message_template_status_update': {
        const status = templateStatusAfter(value.event);
        if (status) await this.setTemplateStatus(tx, wabaId, value, status);
        return;
      }
      case 'template_category_update':
        if (typeof value.new_category === 'string' && value.new_category) {
          await execute(tx, UPDATE_TEMPLATE_CATEGORY_BY_META_ID, [
            wabaId,
            String(value.message_template_id),
            value.new_category,
          ]);
        }
        return;
      case 'account_update': {
        const effect = accountUpdateEffect(value);
        if (effect === 'PAUSE') await execute(tx, PAUSE_CHANNELS_BY_WABA, [wabaId, accountUpdateReason(value)]);
        // Meta lifted it: the channels stay paused until someone checks one (checkChannel resumes it).
        if (effect === 'REINSTATED') await execute(tx, MARK_CHANNELS_REINSTATED_BY_WABA, [wabaId]);
        return;
      }
      case 'phone_number_quality_update':
        return this.applyQualityUpdate(tx, wabaId, value);
      default:
        this.logger.info({ field: change.field, wabaId }, 'Meta webhook field not handled');
    }
  }

  /**
   * A number's quality event: the messaging-limit tier it carries (`max_daily_conversations_per_business`, the
   * portfolio's limit, as Meta now reports it) goes the way of business_capability_update's, `NOT_SET` changing
   * nothing; THROUGHPUT_UPGRADE raises the number to 1,000 msg/s (not a coexistence number); FLAGGED and UNFLAGGED (older payloads: Meta has
   * since removed the Flagged state) move its quality. DOWNGRADE and UPGRADE change the tier through the one they
   * carry.
   */
  private async applyQualityUpdate(tx: EntityManager, wabaId: string, value: Record<string, unknown>): Promise<void> {
    const tier = value.max_daily_conversations_per_business;
    const limit = typeof tier === 'string' ? messagingLimitOf(tier) : null;
    if (limit !== null) await this.setMessagingLimit(tx, wabaId, limit);
    const digits = String(value.display_phone_number ?? '').replace(/\D/g, '');
    if (!digits) return;
    if (value.event === 'THROUGHPUT_UPGRADE') await execute(tx, SET_THROUGHPUT, [wabaId, digits, 1000]);
    const quality = value.event === 'FLAGGED' ? 'RED' : value.event === 'UNFLAGGED' ? 'UNKNOWN' : null;
    if (quality) await execute(tx, SET_QUALITY, [wabaId, digits, quality]);
  }

  /**
   * A new messaging limit for the portfolio of the WABA's channels, told to the members who may send in every
   * workspace with a channel on it, when it changed (a duplicate delivery changes nothing and tells no one).
   */
  private async setMessagingLimit(tx: EntityManager, wabaId: string, limit: number): Promise<void> {
    for (const row of await query(tx, SET_PORTFOLIO_LIMIT_BY_WABA, [wabaId, limit])) {
      await this.notifications.notify(
        tx,
        row.workspace_id,
        NotificationType.MESSAGING_LIMIT_CHANGED,
        { limit: row.messaging_limit },
        { permission: Permission.CAMPAIGNS_SEND },
      );
    }
  }

  /**
   * Meta's verdict on a template, applied to each workspace's copy; a rejection or a pause it changed is told to
   * the members who edit templates there. The status moves only when it differs, so Meta's duplicate deliveries of
   * one event tell nothing more.
   */
  /** `status` is what the event leaves the template at (templateStatusAfter): notified only when it changed. */
  private async setTemplateStatus(
    tx: EntityManager,
    wabaId: string,
    value: Record<string, unknown>,
    status: string,
  ): Promise<void> {
    const changed = await query(tx, SET_TEMPLATE_STATUS_BY_META_ID, [
      wabaId,
      String(value.message_template_id),
      status,
    ]);
    const type =
      status === 'REJECTED'
        ? NotificationType.TEMPLATE_REJECTED
        : status === 'PAUSED'
          ? NotificationType.TEMPLATE_PAUSED
          : null;
    if (!type) return;
    for (const row of changed) {
      const template = `${row.name} (${row.language})`;
      await this.notifications.notify(
        tx,
        row.workspace_id,
        type,
        type === NotificationType.TEMPLATE_REJECTED
          ? { template, reason: typeof value.reason === 'string' && value.reason ? value.reason.slice(0, 40) : 'NONE' }
          : { template },
        { permission: Permission.TEMPLATES_WRITE },
      );
    }
  }

  /** Every channel of the WABA heard from Meta: once per batch, coalesced like a number's. */
  private async touchWaba(tx: EntityManager, wabaId: string, batch: BatchState): Promise<void> {
    if (!wabaId || batch.touchedWabas.has(wabaId)) return;
    batch.touchedWabas.add(wabaId);
    await execute(tx, TOUCH_WABA_CHANNELS_WEBHOOK, [wabaId, this.clock.now(), WEBHOOK_TIME_RESOLUTION_MS]);
  }

  /**
   * Writes the batch's statuses. Meta keeps reporting messages of contacts erased since: such a status is applied
   * to the erased id, without the number, and the bodies that reported it go (applied, they are needed no more).
   */
  private async flushStatuses(tx: EntityManager, batch: BatchState): Promise<void> {
    const erased = await this.erasedMessageIds.recognise(tx, [...batch.statuses.keys()]);
    const rows = [...batch.statuses.values()].map((row) => {
      const erasedId = erased.get(row.wamid);
      return erasedId ? { ...row, wamid: erasedId, recipientId: null } : row;
    });
    if (rows.length === 0) return;
    await execute(tx, UPSERT_MESSAGE_STATUSES, [
      rows.map((row) => row.wamid),
      rows.map((row) => row.workspaceId),
      rows.map((row) => row.phoneNumberId),
      rows.map((row) => row.callbackData),
      rows.map((row) => row.recipientId),
      rows.map((row) => row.status),
      rows.map((row) => row.rank),
      rows.map((row) => row.at),
      rows.map((row) => row.pricing),
      rows.map((row) => row.errors),
      rows.map((row) => row.deliveredAt),
      this.clock.now(),
    ]);
    if (erased.size === 0) return;
    const bodies = [...erased.keys()].flatMap((wamid) => [...(batch.bodiesOf.get(wamid) ?? [])]);
    await execute(tx, DELETE_WEBHOOKS_BY_ID, [[...new Set(bodies)]]);
  }

  /** The channel a change is for, looked up (and its webhook time touched) once per batch. */
  private async route(tx: EntityManager, value: Record<string, unknown>, batch: BatchState) {
    const phoneNumberId = String((value.metadata as { phone_number_id?: string } | undefined)?.phone_number_id ?? '');
    if (!phoneNumberId) return { phoneNumberId, channel: undefined };
    if (!batch.routes.has(phoneNumberId)) {
      const [found] = await query(tx, CHANNEL_BY_PHONE_NUMBER, [phoneNumberId]);
      if (found) await execute(tx, TOUCH_CHANNEL_WEBHOOK, [found.id, this.clock.now(), WEBHOOK_TIME_RESOLUTION_MS]);
      batch.routes.set(phoneNumberId, found);
    }
    return { phoneNumberId, channel: batch.routes.get(phoneNumberId) };
  }

  private async applyMessages(tx: EntityManager, value: Record<string, unknown>, batch: BatchState): Promise<void> {
    const { phoneNumberId, channel } = await this.route(tx, value, batch);
    if (!channel) {
      this.logger.warn({ phoneNumberId }, 'Meta webhook for a phone number no channel has');
      return;
    }
    const now = this.clock.now();
    for (const status of (value.statuses as StatusUpdate[] | undefined) ?? []) {
      const rank = STATUS_RANK[status.status ?? ''];
      // A signed body is Meta's, but its shape is still checked: an id that is no string would fail the whole batch.
      if (typeof status.id !== 'string' || !status.id || !rank) continue;
      batch.addStatus({
        wamid: status.id,
        workspaceId: channel.workspace_id,
        phoneNumberId,
        callbackData: status.biz_opaque_callback_data ?? null,
        recipientId: status.recipient_id ?? null,
        status: status.status!,
        rank,
        at: SECONDS(status.timestamp, now),
        pricing: status.pricing === undefined ? null : JSON.stringify(status.pricing),
        errors: status.errors === undefined ? null : JSON.stringify(status.errors),
        deliveredAt: REACHES_PHONE.has(status.status!) ? SECONDS(status.timestamp, now) : null,
      });
    }
    const profiles = (value.contacts as { wa_id?: string; user_id?: string }[] | undefined) ?? [];
    // The opt-out buttons of the WABA's marketing templates, read once per body and only when a button was pressed.
    let optOutTexts: string[] | undefined;
    for (const message of (value.messages as InboundMessage[] | undefined) ?? []) {
      if (!message.id) continue;
      // A profile is the sender's only when it names the sender: another profile's ids would merge two people.
      const profile = message.from
        ? profiles.find((candidate) => candidate.wa_id === message.from)
        : profiles.length === 1
          ? profiles[0]
          : undefined;
      const contact = await this.contacts.inboundContact(tx, channel.workspace_id, {
        phone: message.from ?? null,
        waId: profile?.wa_id ?? message.from ?? null,
        userId: profile?.user_id ?? message.user_id ?? null,
      });
      if (!contact) continue;
      const facts = inboundFacts(message);
      const text = facts.text;
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
        facts.mediaId,
        facts.mimeType,
        facts.fileName,
        facts.location === null ? null : JSON.stringify(facts.location),
      ]);
      // A redelivered message was handled (and forwarded) the first time.
      if (stored.rowCount === 0) continue;
      await this.forwarding.queue(tx, channel.workspace_id, replyId);
      if (buttonReplyOf(message).length > 0) {
        optOutTexts ??= await this.optOutButtons(tx, channel.workspace_id, channel.waba_id);
        if (pressesOptOut(message, optOutTexts)) {
          await this.contacts.suppress(
            tx,
            channel.workspace_id,
            [contact.id],
            SuppressionKind.MARKETING,
            SUPPRESSION_SOURCES.BUTTON,
            null,
          );
          continue;
        }
      }
      if (text) await this.contacts.handleReply(tx, channel.workspace_id, contact.id, text);
    }
  }

  private async optOutButtons(tx: EntityManager, workspaceId: string, wabaId: string): Promise<string[]> {
    const templates = await query(tx, MARKETING_TEMPLATE_COMPONENTS, [workspaceId, wabaId]);
    return templates.flatMap((template) => optOutButtonTexts(template.components));
  }

  private async applyPreferences(tx: EntityManager, value: Record<string, unknown>, batch: BatchState): Promise<void> {
    const { channel } = await this.route(tx, value, batch);
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
