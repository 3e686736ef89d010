import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, isAppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import { rupiah, type Rupiah } from '../../core/money';
import { workspaceEm } from '../../db/base.entity';
import { execute, query } from '../../db/sql';
import { inTransaction } from '../../db/transaction';
import type { JobQueue } from '../../jobs/queue';
import { BusinessPortfolio, Channel, type MessageTemplate } from '../channels';
import { Permission } from '../identity';
import { NotificationType, type NotificationsService } from '../notifications';
import type { BillingService, ReversalHandler, TemplateCategory, WalletService } from '../wallet';
import { estimateStatement, resolveAudience } from './audience';
import { Campaign } from './campaign.entity';
import { CampaignStatus, type PauseReason } from './campaign-types';
import type { CampaignActor, CampaignsService } from './campaigns.service';
import type { CampaignMediaService } from './media/media.service';
import {
  DUE_SCHEDULED,
  IN_FLIGHT,
  LOCK_FOR_REVERSAL,
  PAUSE_FOR_REVERSAL,
  PORTFOLIO_USED,
  RUNNING_ON_STOPPED_CHANNELS,
  SKIP_QUEUED,
  SNAPSHOT_PENDING,
  WITHOUT_CHANNEL,
} from './campaigns.sql';
import type { SnapshotService } from './snapshot.service';

export const DISPATCH_JOB = 'campaigns.dispatch';

export interface Estimate {
  matched: number;
  suppressed: number;
  invalid: number;
  recipients: number;
  category: string;
  price: Rupiah;
  cost: Rupiah;
  available: Rupiah;
  shortfall: Rupiah;
  /** Unique recipients per rolling 24 h for the portfolio; -1 unlimited; null when the channel has no portfolio yet. */
  messagingLimit: number | null;
  /** What the limit leaves in the current 24 h (null: unlimited or unknown). */
  limitRemainingToday: number | null;
  /** Days the campaign spreads over at the limit (1 when it fits today). */
  days: number;
  /** Beyond `maxSpreadDays`: the estimate offers to send only today's share. */
  exceedsSpread: boolean;
}

const DAY_MS = 24 * 3_600_000;

function paused(reason: PauseReason) {
  return { status: CampaignStatus.PAUSED, pauseReason: reason };
}

/**
 * A campaign's launch and life: estimate, start (snapshot, balance check, one hold), schedule,
 * pause, resume, cancel, and the wallet's reversal hook. Money moves only through the
 * WalletService, in the same transaction as the campaign's change.
 */
export class LaunchService implements ReversalHandler {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly wallet: WalletService,
    private readonly billing: BillingService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: { maxSpreadDays: number },
    private readonly media: CampaignMediaService,
    private readonly snapshots: SnapshotService,
  ) {}

  /**
   * An uploaded header file gets Meta's id for the campaign's number before the launch's transaction (the upload is
   * an HTTP call that must not run under the campaign's row lock); the launch then finds it stored and reuses it.
   */
  private async prepareMedia(em: EntityManager, workspaceId: string, id: string): Promise<void> {
    const campaign = await this.campaigns.get(em, workspaceId, id);
    if (campaign.headerMedia?.source !== 'UPLOAD' || !campaign.headerMedia.fileId || !campaign.channelId) return;
    const channel = await em.findOne(Channel, { workspace: workspaceId, id: campaign.channelId });
    if (channel) await this.media.metaMediaId(em, workspaceId, campaign.headerMedia.fileId, channel);
  }

  /** The campaign's uploaded header gets the Meta id its sends carry (one id for the whole campaign and number). */
  private async resolveMedia(tx: EntityManager, workspaceId: string, campaign: Campaign, channel: Channel) {
    const media = campaign.headerMedia;
    if (media?.source !== 'UPLOAD' || !media.fileId) return;
    const metaMediaId = await this.media.metaMediaId(tx, workspaceId, media.fileId, channel);
    if (metaMediaId !== media.metaMediaId) campaign.headerMedia = { ...media, metaMediaId };
  }

  async estimate(em: EntityManager, workspaceId: string, id: string): Promise<Estimate> {
    const campaign = await this.campaigns.get(em, workspaceId, id);
    const { channel, template } = await this.campaigns.channelAndTemplate(em, workspaceId, campaign);
    const marketing = template.category === 'MARKETING';
    const audience = await resolveAudience(em, workspaceId, campaign.audience);
    const { statement, values } = estimateStatement(workspaceId, audience, marketing);
    const [counts] = await query(em, statement, values);
    const price = await this.priceOf(em, workspaceId, template.category);
    const cost = rupiah(price * BigInt(counts!.recipients));
    const wallet = await this.wallet.summary(em, workspaceId);
    const limit = await this.limitOf(em, channel);
    const remaining = await this.remainingToday(em, channel, limit);
    let days = 1;
    if (limit !== null && limit > 0 && remaining !== null && counts!.recipients > remaining) {
      days = 1 + Math.ceil((counts!.recipients - remaining) / limit);
    }
    return {
      ...counts!,
      category: template.category,
      price,
      cost,
      available: wallet.available,
      shortfall: rupiah(cost > wallet.available ? cost - wallet.available : 0n),
      messagingLimit: limit,
      limitRemainingToday: remaining,
      days,
      exceedsSpread: days > this.options.maxSpreadDays,
    };
  }

  /**
   * Launches now: under the campaign's row lock, counts the audience, writes the first chunk of its
   * campaign messages, places one hold of recipients x price (refused with INSUFFICIENT_BALANCE and the
   * shortfall: then nothing of the launch remains), RUNNING. The channel's dispatch loop writes the rest
   * of the snapshot while it sends (snapshot.service.ts).
   */
  async start(
    em: EntityManager,
    workspaceId: string,
    id: string,
    by?: CampaignActor,
    options: { todayOnly?: boolean } = {},
  ): Promise<Campaign> {
    await this.prepareMedia(em, workspaceId, id);
    const campaign = await inTransaction(em, { lockTimeoutMs: 10_000, statementTimeoutMs: 120_000 }, async (tx) => {
      const locked = await this.lock(tx, workspaceId, id);
      if (locked.status !== CampaignStatus.DRAFT && locked.status !== CampaignStatus.SCHEDULED) {
        throw new AppError('CONFLICT', 'campaigns.notStartable', { status: locked.status });
      }
      await this.launch(tx, workspaceId, locked, options.todayOnly ?? false);
      return locked;
    });
    // The wake-up first: the worker claims the first batch while the audit entry is written.
    await this.kick(campaign);
    await this.campaigns.recordChange(em, by, 'campaign.started', campaign, {
      recipients: campaign.total,
      ...(options.todayOnly ? { todayOnly: true } : {}),
    });
    return campaign;
  }

  async schedule(em: EntityManager, workspaceId: string, id: string, at: Date, by?: CampaignActor): Promise<Campaign> {
    if (at.getTime() <= this.clock.now().getTime()) {
      throw new AppError('BAD_USER_INPUT', 'errors.validation', {}, { scheduledAt: 'campaigns.scheduleInPast' });
    }
    const campaign = await inTransaction(em, { lockTimeoutMs: 10_000 }, async (tx) => {
      const locked = await this.lock(tx, workspaceId, id);
      if (locked.status !== CampaignStatus.DRAFT && locked.status !== CampaignStatus.SCHEDULED) {
        throw new AppError('CONFLICT', 'campaigns.notStartable', { status: locked.status });
      }
      const { template } = await this.campaigns.channelAndTemplate(tx, workspaceId, locked);
      this.campaigns.assertMapped(template, locked);
      tx.assign(locked, { status: CampaignStatus.SCHEDULED, scheduledAt: at });
      await tx.flush();
      return locked;
    });
    await this.campaigns.recordChange(em, by, 'campaign.scheduled', campaign);
    return campaign;
  }

  /** A pause keeps the hold: the campaign can resume where it stopped. */
  async pause(em: EntityManager, workspaceId: string, id: string, by?: CampaignActor): Promise<Campaign> {
    const campaign = await inTransaction(em, { lockTimeoutMs: 10_000 }, async (tx) => {
      const locked = await this.lock(tx, workspaceId, id);
      if (locked.status !== CampaignStatus.RUNNING && locked.status !== CampaignStatus.SCHEDULED) {
        throw new AppError('CONFLICT', 'campaigns.notPausable', { status: locked.status });
      }
      await this.stop(tx, workspaceId, locked, 'BY_USER');
      return locked;
    });
    await this.campaigns.recordChange(em, by, 'campaign.paused', campaign);
    return campaign;
  }

  /**
   * Resumes a paused campaign (refused in debt). A campaign never launched (paused while
   * scheduled, or short of funds at its start) launches now; one whose hold a reversal
   * released is held again for what it still has to send.
   */
  async resume(em: EntityManager, workspaceId: string, id: string, by?: CampaignActor): Promise<Campaign> {
    // A campaign resumed after days may carry a Meta media id too old to reuse: uploaded again here.
    await this.prepareMedia(em, workspaceId, id);
    const campaign = await inTransaction(em, { lockTimeoutMs: 10_000, statementTimeoutMs: 120_000 }, async (tx) => {
      const locked = await this.lock(tx, workspaceId, id);
      if (locked.status !== CampaignStatus.PAUSED) {
        throw new AppError('CONFLICT', 'campaigns.notPaused', { status: locked.status });
      }
      await this.wallet.assertCanSend(tx, workspaceId);
      if (!locked.startedAt) {
        // The launch's hold checks the debt again under the wallet's lock.
        await this.launch(tx, workspaceId, locked);
        return locked;
      }
      // Locked (the campaign, then the wallet, as a reversal takes them): a reversal committing while this resume
      // runs is either seen here, its debt refusing the resume, or runs after it and sees the RUNNING row. A resume
      // whose hold still covers it places no hold, so nothing else here would see that reversal.
      await this.wallet.assertCanSend(tx, workspaceId, { lock: true });
      // Resuming on a channel or a template Meta still stops would only pause it again, with no word to the user.
      const { channel, template } = await this.campaigns.channelAndTemplate(tx, workspaceId, locked);
      this.assertSendable(channel, template);
      await this.resolveMedia(tx, workspaceId, locked, channel);
      await this.rehold(tx, workspaceId, locked);
      tx.assign(locked, { status: CampaignStatus.RUNNING, pauseReason: null });
      await tx.flush();
      return locked;
    });
    await this.campaigns.recordChange(em, by, 'campaign.resumed', campaign);
    await this.kick(campaign);
    return campaign;
  }

  /**
   * Cancels: QUEUED messages are SKIPPED and the hold is released but for the share of
   * messages still SENDING or UNKNOWN, which stays held until each is settled.
   */
  async cancel(em: EntityManager, workspaceId: string, id: string, by?: CampaignActor): Promise<Campaign> {
    const cancelled = await inTransaction(em, { lockTimeoutMs: 10_000, statementTimeoutMs: 120_000 }, async (tx) => {
      const campaign = await this.lock(tx, workspaceId, id);
      const open = [CampaignStatus.DRAFT, CampaignStatus.SCHEDULED, CampaignStatus.RUNNING, CampaignStatus.PAUSED];
      if (!open.includes(campaign.status)) {
        throw new AppError('CONFLICT', 'campaigns.notCancellable', { status: campaign.status });
      }
      const now = this.clock.now();
      await execute(tx, SKIP_QUEUED, [workspaceId, campaign.id, now]);
      await this.releaseUnneeded(tx, workspaceId, campaign, `campaign:${campaign.id}:cancel`);
      tx.assign(campaign, { status: CampaignStatus.CANCELLED, completedAt: now });
      await tx.flush();
      return campaign;
    });
    await this.campaigns.recordChange(em, by, 'campaign.cancelled', cancelled);
    return cancelled;
  }

  /**
   * Open campaigns whose channel was disconnected cannot go on: FAILED (CHANNEL_DISCONNECTED), told to
   * their senders; what is still queued is SKIPPED and the hold released but for the share of messages
   * whose outcome is not known yet (as a cancel does).
   */
  async failWithoutChannel(em: EntityManager, limit = 50): Promise<number> {
    let failed = 0;
    for (const orphan of await query(em, WITHOUT_CHANNEL, [limit])) {
      await this.fail(workspaceEm(em, orphan.workspace_id), orphan.workspace_id, orphan.id, 'CHANNEL_DISCONNECTED');
      failed += 1;
    }
    return failed;
  }

  /** Running campaigns of a channel Meta stopped (restricted, disabled) pause (ACCOUNT), told to their senders. */
  async pauseOnStoppedChannels(em: EntityManager, limit = 50): Promise<number> {
    const stopped = await query(em, RUNNING_ON_STOPPED_CHANNELS, [limit]);
    for (const row of stopped)
      await this.pauseWith(workspaceEm(em, row.workspace_id), row.workspace_id, row.id, 'ACCOUNT');
    return stopped.length;
  }

  /** A campaign that cannot go on, with the reason: the end of it, like a cancel, announced to its senders. */
  async fail(em: EntityManager, workspaceId: string, id: string, reason: PauseReason): Promise<void> {
    await inTransaction(em, { lockTimeoutMs: 10_000, statementTimeoutMs: 120_000 }, async (tx) => {
      const campaign = await this.lock(tx, workspaceId, id);
      const open = [CampaignStatus.SCHEDULED, CampaignStatus.RUNNING, CampaignStatus.PAUSED];
      if (!open.includes(campaign.status)) return;
      const now = this.clock.now();
      await execute(tx, SKIP_QUEUED, [workspaceId, campaign.id, now]);
      await this.releaseUnneeded(tx, workspaceId, campaign, `campaign:${campaign.id}:fail`);
      tx.assign(campaign, { status: CampaignStatus.FAILED, failReason: reason, pauseReason: null, completedAt: now });
      await tx.flush();
      await this.campaigns.announceStop(tx, workspaceId, campaign, { status: CampaignStatus.FAILED, reason });
    });
  }

  /** Scheduled campaigns whose time has come; one short of funds is PAUSED (INSUFFICIENT_BALANCE) with a notification. */
  async startDue(em: EntityManager, limit = 50): Promise<number> {
    let started = 0;
    for (const due of await query(em, DUE_SCHEDULED, [this.clock.now(), limit])) {
      const scoped = workspaceEm(em, due.workspace_id);
      try {
        await this.start(scoped, due.workspace_id, due.id);
        started += 1;
      } catch (error) {
        if (!isAppError(error)) throw error;
        const reason: PauseReason =
          error.code === 'INSUFFICIENT_BALANCE'
            ? 'INSUFFICIENT_BALANCE'
            : error.messageKey.startsWith('campaigns.media.')
              ? 'MEDIA'
              : 'TEMPLATE_MISSING';
        await this.pauseWith(scoped, due.workspace_id, due.id, reason);
      }
    }
    return started;
  }

  /** A reversal's first step, before the wallet's lock (see ReversalHandler): the campaigns it will pause. */
  async lockForReversal(tx: EntityManager, workspaceId: string): Promise<void> {
    await query(tx, LOCK_FOR_REVERSAL, [workspaceId]);
  }

  /**
   * A payment was reversed (issue 17 point 5: every reversal, covered or not): every running or scheduled campaign
   * pauses (WALLET_REVERSAL, told to their senders: a payment was taken back, not merely spent) and their holds are
   * released but for what their in-flight messages need; a member resumes each once the balance covers it (refused
   * in debt). Runs under the wallet's lock, so it sees every launch that placed its hold before the reversal; a
   * launch that locks the wallet after it meets the reversal's balance (refused in debt). Every other hold (a
   * finished campaign's share of messages whose outcome is unknown, a member's paused campaign) stays whole.
   */
  async pauseForReversal(tx: EntityManager, workspaceId: string): Promise<Map<string, Rupiah>> {
    const keep = new Map<string, Rupiah>();
    for (const hold of await this.wallet.openHolds(tx, workspaceId)) keep.set(hold.id, rupiah(hold.remaining));
    for (const row of await query(tx, PAUSE_FOR_REVERSAL, [workspaceId, this.clock.now()])) {
      if (row.hold_id) keep.set(row.hold_id, rupiah(row.keep));
      await this.campaigns.announceStop(tx, workspaceId, row, {
        status: CampaignStatus.PAUSED,
        reason: 'WALLET_REVERSAL',
      });
    }
    return keep;
  }

  /** Pauses with a reason and tells the campaign's senders (the engine's pauses: funds, template, account). */
  async pauseWith(em: EntityManager, workspaceId: string, id: string, reason: PauseReason) {
    await inTransaction(em, { lockTimeoutMs: 10_000 }, async (tx) => {
      const campaign = await this.lock(tx, workspaceId, id);
      if (campaign.status !== CampaignStatus.RUNNING && campaign.status !== CampaignStatus.SCHEDULED) return;
      await this.stop(tx, workspaceId, campaign, reason);
    });
  }

  /** Every pause of a locked campaign goes through here: the state and its announcement, together. */
  private async stop(tx: EntityManager, workspaceId: string, campaign: Campaign, reason: PauseReason) {
    tx.assign(campaign, paused(reason));
    await tx.flush();
    await this.campaigns.announceStop(tx, workspaceId, campaign, { status: CampaignStatus.PAUSED, reason });
  }

  /**
   * `todayOnly`: the estimate's offer when the messaging limit would spread the campaign over too many days: only as
   * many recipients as the portfolio's limit leaves in the current 24 h (all of them when it is unlimited or unknown).
   */
  private async launch(tx: EntityManager, workspaceId: string, campaign: Campaign, todayOnly = false): Promise<void> {
    const { channel, template } = await this.campaigns.channelAndTemplate(tx, workspaceId, campaign);
    this.assertSendable(channel, template);
    this.campaigns.assertMapped(template, campaign);
    await this.wallet.assertCanSend(tx, workspaceId);
    await this.resolveMedia(tx, workspaceId, campaign, channel);
    const marketing = template.category === 'MARKETING';
    const now = this.clock.now();
    const share = todayOnly ? await this.remainingToday(tx, channel, await this.limitOf(tx, channel)) : null;
    if (share === 0) throw new AppError('CONFLICT', 'campaigns.nothingLeftToday');
    const audience = await resolveAudience(tx, workspaceId, campaign.audience);
    const { total } = await this.snapshots.begin(tx, workspaceId, campaign.id, audience, marketing, share);
    if (total === 0) throw new AppError('BAD_USER_INPUT', 'campaigns.noRecipients');
    const price = await this.priceOf(tx, workspaceId, template.category);
    let holdId: string | null = null;
    if (price > 0n) {
      const held = await this.wallet.hold(tx, workspaceId, {
        key: `campaign:${campaign.id}:hold`,
        reference: `campaign:${campaign.id}`,
        actor: `campaign:${campaign.id}`,
        amount: rupiah(price * BigInt(total)),
        details: { recipients: total, price: price.toString() },
      });
      holdId = held.holdId;
    }
    tx.assign(campaign, {
      status: CampaignStatus.RUNNING,
      pauseReason: null,
      price,
      holdId,
      total,
      startedAt: now,
      templateCategory: template.category,
    });
    await tx.flush();
    await this.notifications.notify(
      tx,
      workspaceId,
      NotificationType.CAMPAIGN_STARTED,
      { campaignId: campaign.id, name: campaign.name, recipients: total },
      { permission: Permission.CAMPAIGNS_SEND },
    );
  }

  private assertSendable(channel: Channel, template: MessageTemplate): void {
    if (channel.status !== 'CONNECTED') throw new AppError('CONFLICT', 'campaigns.channelNotConnected');
    if (template.status !== 'APPROVED') {
      throw new AppError('CONFLICT', 'campaigns.templateNotApproved', { status: template.status });
    }
    if (template.unsupported) throw new AppError('BAD_USER_INPUT', 'campaigns.templateUnsupported');
  }

  /** After a reversal released its hold: hold again what the remaining and in-flight messages need. */
  private async rehold(tx: EntityManager, workspaceId: string, campaign: Campaign): Promise<void> {
    const price = campaign.price ?? rupiah(0);
    if (price === 0n) return;
    const counts = await this.campaigns.counts(tx, workspaceId, campaign.id);
    const [inFlight] = await query(tx, IN_FLIGHT, [workspaceId, campaign.id]);
    // Recipients the launch counted whose rows the snapshot has not written yet are owed their share too.
    const [unwritten] = await query(tx, SNAPSHOT_PENDING, [workspaceId, campaign.id]);
    const needed = rupiah(price * BigInt(counts.queued + (inFlight?.count ?? 0) + (unwritten?.pending ?? 0)));
    const holds = await this.wallet.openHolds(tx, workspaceId);
    const current = holds.find((hold) => hold.id === campaign.holdId);
    const remaining = rupiah(current?.remaining ?? '0');
    if (remaining >= needed) return;
    if (current) {
      await this.wallet.release(tx, workspaceId, {
        key: `campaign:${campaign.id}:rehold-release:${current.id}`,
        reference: `campaign:${campaign.id}`,
        actor: `campaign:${campaign.id}`,
        holdId: current.id,
      });
    }
    const held = await this.wallet.hold(tx, workspaceId, {
      key: `campaign:${campaign.id}:hold:${this.clock.now().getTime()}`,
      reference: `campaign:${campaign.id}`,
      actor: `campaign:${campaign.id}`,
      amount: needed,
    });
    tx.assign(campaign, { holdId: held.holdId });
  }

  /** Releases what the hold keeps beyond the share of SENDING and UNKNOWN messages. */
  async releaseUnneeded(tx: EntityManager, workspaceId: string, campaign: Campaign, key: string): Promise<void> {
    if (!campaign.holdId) return;
    const hold = (await this.wallet.openHolds(tx, workspaceId)).find((open) => open.id === campaign.holdId);
    if (!hold) return;
    const [inFlight] = await query(tx, IN_FLIGHT, [workspaceId, campaign.id]);
    const keep = (campaign.price ?? 0n) * BigInt(inFlight?.count ?? 0);
    const amount = rupiah(BigInt(hold.remaining) - keep);
    if (amount <= 0n) return;
    await this.wallet.release(tx, workspaceId, {
      key,
      reference: `campaign:${campaign.id}`,
      actor: `campaign:${campaign.id}`,
      holdId: hold.id,
      amount,
    });
  }

  private async lock(tx: EntityManager, workspaceId: string, id: string): Promise<Campaign> {
    await this.campaigns.get(tx, workspaceId, id);
    return tx.findOneOrFail(
      Campaign,
      { workspace: workspaceId, id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }

  private async priceOf(em: EntityManager, workspaceId: string, category: string): Promise<Rupiah> {
    const prices = await this.billing.pricesAt(em, workspaceId, this.clock.now());
    const price = prices.find((entry) => entry.category === (category as TemplateCategory));
    if (!price) throw new AppError('BAD_USER_INPUT', 'campaigns.categoryUnpriced', { category });
    return price.amount;
  }

  /** Unique recipients the portfolio's limit leaves in the current 24 h; null when unlimited or unknown. */
  private async remainingToday(em: EntityManager, channel: Channel, limit: number | null): Promise<number | null> {
    if (limit === null || limit <= 0) return null;
    const [used] = await query(em, PORTFOLIO_USED, [
      channel.portfolioId,
      new Date(this.clock.now().getTime() - DAY_MS),
    ]);
    return Math.max(0, limit - (used?.used ?? 0));
  }

  private async limitOf(em: EntityManager, channel: Channel): Promise<number | null> {
    if (!channel.portfolioId) return null;
    const portfolio = await em.findOne(BusinessPortfolio, { id: channel.portfolioId });
    return portfolio?.messagingLimit ?? null;
  }

  /** Starts the channel's dispatch job (a second one finds the lease taken and returns). */
  private async kick(campaign: Campaign): Promise<void> {
    if (campaign.status !== CampaignStatus.RUNNING || !campaign.channelId) return;
    try {
      await this.jobs.enqueue(DISPATCH_JOB, { channelId: campaign.channelId });
    } catch (error) {
      // The tick job starts it within seconds anyway.
      this.logger.warn({ err: error, campaignId: campaign.id }, 'cannot enqueue the dispatch job');
    }
  }
}
