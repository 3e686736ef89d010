import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import type { AuditAction, AuditService, Identity, RequestMeta } from '../identity';
import { execute, query } from '../../db/sql';
import { inTransaction, sqlState } from '../../db/transaction';
import { Channel } from './channel.entity';
import { channelToken } from './channel-token';
import { MARK_CHANNEL_SENT, TEMPLATE_SUMMARY, UPSERT_PORTFOLIO } from './channels.sql';
import { GraphError, type MetaGraph, type PhoneNumberFacts } from './meta-graph';
import { NO_MESSAGING_USAGE, type MessagingLimitUsage } from './messaging-usage';
import { BusinessPortfolio } from './portfolio.entity';
import { MessageTemplate } from './template.entity';
import { unsupportedReason } from './template-support';
import type { TokenBox } from './token-box';
import { RATE_LIMIT_CODES, type WabaBudget } from './waba-budget';
import { webhookSilent } from './webhook-silence';

export interface ConnectChannelInput {
  name: string;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
}

/** Who asked, for the audit log (a resolver passes it; a script or a test may not). */
export interface ChangedBy {
  actor: Identity;
  meta: RequestMeta;
}

export interface UpdateChannelInput {
  name?: string | null;
  accessToken?: string | null;
}

/** A channel as the API shows it: never the token. */
export interface ChannelView {
  id: string;
  name: string;
  phoneNumberId: string;
  wabaId: string;
  portfolioId: string | null;
  displayNumber: string | null;
  throughput: number;
  quality: string | null;
  status: string;
  statusReason: string | null;
  subscribed: boolean;
  checkedAt: Date | null;
  lastWebhookAt: Date | null;
  /** Recipients per rolling 24 h for the whole portfolio; -1 unlimited; null before the first check. */
  messagingLimit: number | null;
  /** Unique recipients the portfolio reached in the rolling 24 h (every number, every workspace); null without a portfolio. */
  messagingLimitUsed: number | null;
  /** What is left of the limit today (never below 0); null when unlimited or unknown. */
  messagingLimitRemaining: number | null;
  /** Sent in the last 10 minutes and no webhook since: Meta's webhooks are probably not reaching the portal. */
  webhookSilent: boolean;
  createdAt: Date;
}

export interface TemplatePage {
  items: MessageTemplate[];
  hasNextPage: boolean;
  totalCount: number;
  lastSyncedAt: Date | null;
}

const DEFAULT_THROUGHPUT = 80;
const UPGRADED_THROUGHPUT = 1000;
const COEXISTENCE_THROUGHPUT = 20;
/** Meta counts the messaging limit over a rolling 24 h (GATEWAYS.md 1.3). */
const MESSAGING_WINDOW_MS = 24 * 60 * 60_000;
/** `channel.last_sent_at` is kept to this resolution: a send loop does not rewrite the row per message. */
export const SEND_TIME_RESOLUTION_MS = 10_000;

/** Meta's throughput facts of a number -> messages per second it may send. */
export function throughputOf(facts: PhoneNumberFacts): number {
  if (facts.is_on_biz_app) return COEXISTENCE_THROUGHPUT;
  return facts.throughput?.level === 'HIGH' ? UPGRADED_THROUGHPUT : DEFAULT_THROUGHPUT;
}

export class ChannelsService {
  constructor(
    private readonly graph: MetaGraph,
    private readonly tokens: TokenBox,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly appId: string,
    private readonly audit: AuditService,
    private readonly budget: WabaBudget,
  ) {}

  private messagingUsage: MessagingLimitUsage = NO_MESSAGING_USAGE;

  /**
   * The module that sends (campaigns) tells how many recipients each portfolio reached today: it owns that count
   * (`portfolio_recipient`), and channels, which it requires, may not read its tables. Without one, the use is 0.
   */
  useMessagingLimitUsage(usage: MessagingLimitUsage): void {
    this.messagingUsage = usage;
  }

  private async record(
    em: EntityManager,
    by: ChangedBy | undefined,
    action: AuditAction,
    channel: { id: string; displayNumber?: string | null; phoneNumberId: string },
    details: Record<string, unknown> = {},
  ): Promise<void> {
    if (!by) return;
    await this.audit.recordBy(em, by.actor, by.meta, {
      action,
      target: channel.id,
      details: { number: channel.displayNumber ?? channel.phoneNumberId, ...details },
    });
  }

  /**
   * For the dispatcher: the channel sent at `at` (call it after Meta accepted a send, as often as
   * you like: the row is written at most once per SEND_TIME_RESOLUTION_MS). It drives the
   * "no webhook" warning (`webhookSilent`).
   */
  async markSent(em: EntityManager, channelId: string, at: Date): Promise<void> {
    await execute(em, MARK_CHANNEL_SENT, [channelId, at, SEND_TIME_RESOLUTION_MS]);
  }

  async list(em: EntityManager, workspaceId: string): Promise<ChannelView[]> {
    const channels = await em.find(Channel, { workspace: workspaceId }, { orderBy: { createdAt: 'asc' } });
    return this.views(em, channels);
  }

  /**
   * Verifies the token against the number and the WABA, subscribes the installation's app to
   * the WABA, learns the portfolio and stores the channel with its token sealed. Nothing is
   * stored when Meta refuses any of it.
   */
  async connect(
    em: EntityManager,
    workspaceId: string,
    input: ConnectChannelInput,
    by?: ChangedBy,
  ): Promise<ChannelView> {
    const taken = await em.findOne(
      Channel,
      { phoneNumberId: input.phoneNumberId },
      { filters: { workspace: false }, fields: ['id'] },
    );
    if (taken) throw phoneNumberTaken();
    const facts = await this.meta(() => this.graph.phoneNumber(input.accessToken, input.phoneNumberId));
    // A token may reach several WABAs: a number stored under another WABA than its own would take that WABA's
    // templates, limit and events. Checked before anything at Meta changes (the subscription below).
    const numbers = await this.meta(() => this.graph.phoneNumberIds(input.accessToken, input.wabaId));
    if (!numbers.includes(input.phoneNumberId)) throw numberNotInWaba();
    const portfolio = await this.meta(() => this.graph.portfolioOf(input.accessToken, input.wabaId));
    await this.meta(() => this.graph.subscribe(input.accessToken, input.wabaId));
    const subscribed = (await this.meta(() => this.graph.subscribedAppIds(input.accessToken, input.wabaId))).includes(
      this.appId,
    );
    const channel = await inTransaction(em, { lockTimeoutMs: 5_000 }, async (tx) => {
      await execute(tx, UPSERT_PORTFOLIO, [portfolio.id, portfolio.messagingLimit]);
      const created = tx.create(Channel, {
        workspace: workspaceId,
        name: input.name.trim(),
        phoneNumberId: input.phoneNumberId,
        wabaId: input.wabaId,
        portfolioId: portfolio.id,
        displayNumber: facts.display_phone_number ?? null,
        accessTokenSealed: this.tokens.seal(input.accessToken),
        tokenKeyId: this.tokens.keyId,
        throughput: throughputOf(facts),
        coexistence: facts.is_on_biz_app === true,
        quality: facts.quality_rating ?? null,
        subscribed,
        checkedAt: this.clock.now(),
      });
      try {
        await tx.flush();
      } catch (error) {
        // Another workspace connected the same number at the same moment.
        if (sqlState(error) === '23505') throw phoneNumberTaken();
        throw error;
      }
      return created;
    });
    await this.record(em, by, 'channel.connected', channel, { wabaId: channel.wabaId });
    return (await this.views(em, [channel]))[0]!;
  }

  async update(
    em: EntityManager,
    workspaceId: string,
    id: string,
    input: UpdateChannelInput,
    by?: ChangedBy,
  ): Promise<ChannelView> {
    const channel = await this.owned(em, workspaceId, id);
    const formerName = channel.name;
    if (input.accessToken) {
      // A new token must work for this number before it replaces the old one.
      const facts = await this.meta(() => this.graph.phoneNumber(input.accessToken!, channel.phoneNumberId));
      channel.accessTokenSealed = this.tokens.seal(input.accessToken);
      channel.tokenKeyId = this.tokens.keyId;
      channel.throughput = throughputOf(facts);
      channel.coexistence = facts.is_on_biz_app === true;
      channel.quality = facts.quality_rating ?? channel.quality ?? null;
    }
    if (input.name) channel.name = input.name.trim();
    await em.flush();
    if (input.accessToken) await this.record(em, by, 'channel.tokenReplaced', channel);
    if (channel.name !== formerName) {
      await this.record(em, by, 'channel.renamed', channel, { from: formerName, to: channel.name });
    }
    return (await this.views(em, [channel]))[0]!;
  }

  /** The channel check: the token, the number, the app's subscription to the WABA and the portfolio. */
  async check(em: EntityManager, workspaceId: string, id: string, by?: ChangedBy): Promise<ChannelView> {
    const channel = await this.owned(em, workspaceId, id);
    const token = channelToken(this.tokens, channel.accessTokenSealed);
    const facts = await this.meta(() => this.graph.phoneNumber(token, channel.phoneNumberId));
    const apps = await this.meta(() => this.graph.subscribedAppIds(token, channel.wabaId));
    const portfolio = await this.meta(() => this.graph.portfolioOf(token, channel.wabaId));
    await execute(em, UPSERT_PORTFOLIO, [portfolio.id, portfolio.messagingLimit]);
    channel.portfolioId = portfolio.id;
    channel.displayNumber = facts.display_phone_number ?? channel.displayNumber ?? null;
    channel.throughput = throughputOf(facts);
    channel.coexistence = facts.is_on_biz_app === true;
    channel.quality = facts.quality_rating ?? null;
    channel.subscribed = apps.includes(this.appId);
    channel.checkedAt = this.clock.now();
    // Meta answered for the number after reinstating the account: a person asked, so sending resumes.
    const resumed = channel.status === 'PAUSED' && channel.statusReason === 'REINSTATED';
    if (resumed) {
      channel.status = 'CONNECTED';
      channel.statusReason = null;
    }
    await em.flush();
    await this.record(em, by, 'channel.checked', channel, { subscribed: channel.subscribed, resumed });
    return (await this.views(em, [channel]))[0]!;
  }

  /**
   * Forgets the channel and its token (templates of its WABA stay while another channel of
   * the workspace uses that WABA). The app stays subscribed at Meta: other numbers of the WABA
   * may still be connected, possibly by another workspace.
   */
  async disconnect(em: EntityManager, workspaceId: string, id: string, by?: ChangedBy): Promise<boolean> {
    const channel = await this.owned(em, workspaceId, id);
    await inTransaction(em, { lockTimeoutMs: 5_000 }, async (tx) => {
      const others = await tx.count(Channel, { workspace: workspaceId, wabaId: channel.wabaId, id: { $ne: id } });
      if (others === 0) await tx.nativeDelete(MessageTemplate, { workspace: workspaceId, wabaId: channel.wabaId });
      await tx.nativeDelete(Channel, { id, workspace: workspaceId });
    });
    await this.record(em, by, 'channel.disconnected', channel);
    return true;
  }

  /**
   * A page of the local templates, by name, language and id (`message_template_workspace_name_index`),
   * keyset-paged after the template `after`; with how many there are and when they were last synced.
   */
  async templates(
    em: EntityManager,
    workspaceId: string,
    channelId: string | null | undefined,
    { first, after }: { first: number; after?: string | null },
  ): Promise<TemplatePage> {
    const scope: Record<string, unknown> = { workspace: workspaceId };
    if (channelId) scope.wabaId = (await this.owned(em, workspaceId, channelId)).wabaId;
    let where: Record<string, unknown> = scope;
    if (after) {
      const from = await em.findOne(MessageTemplate, { ...scope, id: after }, { fields: ['name', 'language', 'id'] });
      // A cursor of another channel, another workspace or a template gone since: start again.
      if (!from) throw new AppError('BAD_USER_INPUT', 'errors.validation', {}, { after: 'validation.cursor' });
      where = {
        ...scope,
        $or: [
          { name: { $gt: from.name } },
          { name: from.name, language: { $gt: from.language } },
          { name: from.name, language: from.language, id: { $gt: from.id } },
        ],
      };
    }
    const rows = await em.find(MessageTemplate, where, {
      orderBy: { name: 'asc', language: 'asc', id: 'asc' },
      limit: first + 1,
    });
    const [summary] = await query(em, TEMPLATE_SUMMARY, [workspaceId, (scope.wabaId as string | undefined) ?? null]);
    return {
      items: rows.slice(0, first),
      hasNextPage: rows.length > first,
      totalCount: summary?.total ?? 0,
      lastSyncedAt: summary?.synced_at ? new Date(summary.synced_at) : null,
    };
  }

  /**
   * Replaces the local copy of the channel's WABA templates with Meta's list (every page):
   * changed ones updated, new ones added, ones Meta no longer lists removed. The whole list is read
   * before anything is written, so a listing that stops early (the budget, Meta's rate limit, a
   * paging loop) fails the sync and changes and removes nothing.
   */
  async syncTemplates(em: EntityManager, workspaceId: string, channelId: string, by?: ChangedBy): Promise<number> {
    const channel = await this.owned(em, workspaceId, channelId);
    const token = channelToken(this.tokens, channel.accessTokenSealed);
    // Each page is one call of the WABA's hourly management budget; Meta's rate-limit answer blocks the WABA a while.
    const remote = await this.meta(async () => {
      try {
        return await this.graph.templates(token, channel.wabaId, () => this.budget.take(em, channel.wabaId));
      } catch (error) {
        if (error instanceof GraphError && error.code !== null && RATE_LIMIT_CODES.has(error.code)) {
          await this.budget.backOff(em, channel.wabaId);
        }
        throw error;
      }
    });
    const now = this.clock.now();
    await inTransaction(em, { lockTimeoutMs: 10_000 }, async (tx) => {
      const local = await tx.find(MessageTemplate, { workspace: workspaceId, wabaId: channel.wabaId });
      const byKey = new Map(local.map((template) => [`${template.name}\u0000${template.language}`, template]));
      for (const template of remote) {
        const key = `${template.name}\u0000${template.language}`;
        const components = template.components ?? [];
        const fields = {
          metaId: template.id,
          category: template.category,
          parameterFormat: template.parameter_format ?? 'POSITIONAL',
          components,
          status: template.status,
          quality: template.quality_score?.score ?? null,
          unsupported: unsupportedReason(components),
          syncedAt: now,
        };
        const existing = byKey.get(key);
        if (existing) {
          tx.assign(existing, fields);
          byKey.delete(key);
        } else {
          tx.create(MessageTemplate, {
            workspace: workspaceId,
            wabaId: channel.wabaId,
            name: template.name,
            language: template.language,
            ...fields,
          });
        }
      }
      for (const gone of byKey.values()) tx.remove(gone);
      await tx.flush();
    });
    await this.record(em, by, 'templates.synced', channel, { count: remote.length });
    return remote.length;
  }

  private async owned(em: EntityManager, workspaceId: string, id: string): Promise<Channel> {
    const channel = await em.findOne(Channel, { id, workspace: workspaceId });
    if (!channel) throw new AppError('NOT_FOUND', 'errors.notFound');
    return channel;
  }

  private async views(em: EntityManager, channels: Channel[]): Promise<ChannelView[]> {
    const ids = [...new Set(channels.map((channel) => channel.portfolioId).filter((id): id is string => !!id))];
    const portfolios = ids.length > 0 ? await em.find(BusinessPortfolio, { id: { $in: ids } }) : [];
    const limits = new Map(portfolios.map((portfolio) => [portfolio.id, portfolio.messagingLimit]));
    const now = this.clock.now().getTime();
    const used =
      ids.length > 0
        ? await this.messagingUsage(em, ids, new Date(now - MESSAGING_WINDOW_MS))
        : new Map<string, number>();
    return channels.map((channel) => ({
      id: channel.id,
      name: channel.name,
      phoneNumberId: channel.phoneNumberId,
      wabaId: channel.wabaId,
      portfolioId: channel.portfolioId ?? null,
      displayNumber: channel.displayNumber ?? null,
      throughput: channel.throughput,
      quality: channel.quality ?? null,
      status: channel.status,
      statusReason: channel.statusReason ?? null,
      subscribed: channel.subscribed,
      checkedAt: channel.checkedAt ?? null,
      lastWebhookAt: channel.lastWebhookAt ?? null,
      ...messagingUse(
        channel.portfolioId ? (limits.get(channel.portfolioId) ?? null) : null,
        channel.portfolioId ? (used.get(channel.portfolioId) ?? 0) : null,
      ),
      webhookSilent: webhookSilent(channel, now),
      createdAt: channel.createdAt,
    }));
  }

  /** A Graph API call whose refusal reaches the user translated; Meta's own words go to the log only. */
  private async meta<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      this.logger.warn(
        { code: error.code, subcode: error.subcode, status: error.httpStatus, err: error.message },
        'Graph API refused a channel call',
      );
      if (error.isAuthProblem)
        throw new AppError('BAD_USER_INPUT', 'channels.tokenRefused', {}, { accessToken: 'channels.tokenRefused' });
      if (error.code === 100) throw new AppError('BAD_USER_INPUT', 'channels.unknownAtMeta');
      if (error.code !== null && RATE_LIMIT_CODES.has(error.code)) {
        throw new AppError('RATE_LIMITED', 'channels.metaRateLimited');
      }
      throw new AppError('SERVICE_UNAVAILABLE', 'channels.metaUnavailable');
    }
  }
}

/** The limit (-1: unlimited) and today's use of it, as the channel page shows them. */
function messagingUse(limit: number | null, used: number | null) {
  return {
    messagingLimit: limit,
    messagingLimitUsed: used,
    messagingLimitRemaining: limit === null || limit < 0 || used === null ? null : Math.max(0, limit - used),
  };
}

function numberNotInWaba(): AppError {
  return new AppError('BAD_USER_INPUT', 'channels.numberNotInWaba', {}, { phoneNumberId: 'channels.numberNotInWaba' });
}

function phoneNumberTaken(): AppError {
  return new AppError('CONFLICT', 'channels.phoneNumberTaken', {}, { phoneNumberId: 'channels.phoneNumberTaken' });
}
