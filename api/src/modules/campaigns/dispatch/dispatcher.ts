import type { EntityManager } from '@mikro-orm/postgresql';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Clock } from '../../../core/clock';
import { newId } from '../../../core/ids';
import type { Logger } from '../../../core/logger';
import { UnreadableSecretError, type TokenBox } from '../../channels';
import type { PauseReason } from '../campaign-types';
import type { DispatchChannelRow, RunningCampaignRow } from '../campaigns.sql';
import { insideWindow } from '../send-window';
import { componentsBuilder, type TemplateShape } from '../template-parameters';
import type { VariableValue } from '../campaign-types';
import { dispatchChannels, dispatchSends, sendOutcomeLabel } from '../campaign-metrics';
import { actionFor, CircuitBreaker, MARKETING_CAP_CODE, MARKETING_CAP_RETRY_MS } from './error-policy';
import type { Messenger, SendOutcome } from './messenger';
import { QUEUE_START, type Batch, type BatchOutcome, type DispatchStore } from './store';
import { SendPacer } from './send-pacer';
import { leaseTiming, TAKEOVER_MARGIN_MS, type LeaseTiming } from './lease-timing';
import { claimLead, claimSlice, ClaimWindow } from './claim-window';

export interface DispatchOptions {
  leaseTtlMs: number;
  batchSize: number;
  /** Each claim takes this long of the channel's throughput, and the next comes just before it is sent (ClaimWindow). */
  claimSliceMs: number;
  maxInFlight: number;
  /** How often a running loop applies status webhooks and completes campaigns. */
  housekeepingMs: number;
  /** A status row is re-applied for this long after it changed (a status faster than our own outcome write). */
  statusOverlapMs: number;
  /** How long an idle loop waits before looking for work again. */
  idleMs: number;
  /** Stops after this long with nothing to claim (paused, outside the window, at the limit). */
  idleExitMs: number;
  /**
   * A lease held by another that may be taken within this long is a dead holder's (lease-timing.ts): the loop waits
   * for its takeover moment and takes the channel then, instead of the next tick doing it seconds later.
   */
  takeoverWindowMs: number;
}

/** What the loop needs besides the store and the messenger. */
export interface DispatchHooks {
  pause(em: EntityManager, workspaceId: string, campaignId: string, reason: PauseReason): Promise<void>;
  markSent?(em: EntityManager, channelId: string, at: Date): Promise<void>;
  /** Writes the next chunk of a campaign's launch snapshot (snapshot.service.ts). */
  fillSnapshot?(
    em: EntityManager,
    workspaceId: string,
    campaignId: string,
  ): Promise<'more' | 'complete' | 'idle' | 'stopped'>;
}

/** Shared by every channel of the process: code 4 (the app's call rate) slows them all. */
export class AppRate {
  factor = 1;
  private until = 0;

  slowDown(): void {
    this.factor = Math.max(0.1, this.factor * 0.5);
    this.until = performance.now() + 30_000;
  }

  current(): number {
    if (this.factor < 1 && performance.now() > this.until) this.factor = Math.min(1, this.factor * 2);
    return this.factor;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A bounded number of sends in flight. */
class Slots {
  private used = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async take(): Promise<void> {
    if (this.used < this.size) {
      this.used += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.used -= 1;
  }
}

/**
 * One channel's dispatch loop, run by the one worker holding the channel's lease. Claims
 * batches round-robin between the channel's running campaigns, paces them (SendPacer)
 * at the channel's throughput, keeps up to `maxInFlight` requests open, and records each
 * batch's outcomes under its fencing token. It stops sending the moment its last lease renewal
 * is older than the send horizon (lease-timing.ts), before anyone may take the lease, so a paused process cannot
 * send after a takeover.
 */
export class ChannelDispatcher {
  private fence: string | null = null;
  private renewedAt = 0;
  private lost = false;
  private readonly breakers = new Map<string, CircuitBreaker>();
  /** Campaigns being paused (their pause not yet committed): neither claimed nor sent. */
  private readonly pausing = new Set<string>();
  /** Campaigns this loop paused: their messages still in flight here are not sent (cleared when one resumes). */
  private readonly paused = new Set<string>();
  private readonly timing: LeaseTiming;
  /** Per campaign, the last message id claimed: the next claim seeks past it (see CLAIM_BATCH). */
  private readonly cursors = new Map<string, string>();
  /** Per campaign, when messages queued again behind its cursor become due (clock ms): the cursor goes back then. */
  private readonly rescanAt = new Map<string, number>();
  /** Launch snapshots this loop is writing on, by campaign: claims take what each chunk commits. */
  private readonly fillers = new Map<string, Promise<void>>();
  private stopping: () => boolean = () => false;
  /** Sends Meta accepted under this loop's lease: its "lease given up" log line says how many, and how fast. */
  private accepted = 0;

  constructor(
    private readonly em: () => EntityManager,
    private readonly store: DispatchStore,
    private readonly messenger: Messenger,
    private readonly tokens: TokenBox,
    private readonly hooks: DispatchHooks,
    private readonly appRate: AppRate,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: DispatchOptions,
    private readonly holder: string,
  ) {
    this.timing = leaseTiming(options.leaseTtlMs);
  }

  /** Whether this worker may still send: the lease is ours and was renewed recently enough. */
  private leaseFresh(): boolean {
    return !this.lost && this.fence !== null && performance.now() - this.renewedAt < this.timing.sendHorizonMs;
  }

  /** Runs until the channel has nothing to send, the lease is lost, or `stopping()` says so. */
  async run(channelId: string, stopping: () => boolean, touch: () => Promise<void>): Promise<void> {
    this.stopping = stopping;
    const em = this.em();
    const channel = await this.store.channel(em, channelId);
    if (!channel || channel.status !== 'CONNECTED') return;
    const token = this.openToken(channel);
    if (token === null) {
      // Nothing can be sent until a person replaces the token: its campaigns pause with the reason that says so.
      for (const campaign of await this.store.running(em, channel)) {
        await this.hooks.pause(em, channel.workspace_id, campaign.id, 'TOKEN');
      }
      return;
    }
    const holder = `${this.holder}:${newId()}`;
    // Fresh from the moment the acquire was asked, not from its answer, as a renewal is: the lease runs from the
    // database's commit, and a process frozen between that commit and reading the answer must not wake up
    // believing it has a whole TTL left (another worker may hold the channel by then).
    let askedAt = performance.now();
    const first = await this.store.acquire(em, channel, holder, this.options.leaseTtlMs, this.holder);
    // Declined: this worker is busier than another live one, whose heartbeat comes for the channel.
    if (first === 'declined') return;
    this.fence = first;
    while (!this.fence) {
      // Held by another: a dead holder's if its takeover moment is near (a live holder's renewals keep it further
      // off), and then this loop waits for that moment, read on the database's clock, and asks again. The holder
      // stopped sending the gap before it; a renewal that lands meanwhile moves the moment out of the window (the
      // acquire refuses, the next read ends the wait); another waiting loop that took it first does the same.
      const left = await this.store.leaseLeftMs(em, channel.id);
      if (left === null || left > this.options.takeoverWindowMs || stopping()) return;
      await sleep(left + TAKEOVER_MARGIN_MS);
      if (stopping()) return;
      askedAt = performance.now();
      const taken = await this.store.acquire(em, channel, holder, this.options.leaseTtlMs, this.holder);
      if (taken === 'declined') return;
      this.fence = taken;
    }
    const fence = this.fence;
    this.renewedAt = askedAt;
    const log = this.logger.child({ channelId, fence });
    log.info('dispatch lease taken');
    const renewEvery = this.timing.renewEveryMs;
    const renewal = setInterval(() => {
      const started = performance.now();
      this.store
        .renew(this.em(), channelId, fence, this.options.leaseTtlMs)
        .then((held) => {
          if (held) this.renewedAt = started;
          else this.lost = true;
        })
        .catch((error: unknown) => log.warn({ err: error }, 'lease renewal failed'));
      touch().catch(() => undefined);
    }, renewEvery);
    const pacer = new SendPacer(channel.throughput);
    const slots = new Slots(this.options.maxInFlight);
    const claims = new ClaimWindow(claimLead(this.batchSizeFor(channel)));
    const batches = new Set<Promise<void>>();
    // The first pass comes after the first claim, not before it: a loop started for a new campaign sends first.
    let lastHousekeeping = performance.now();
    let statusesSince = new Date(this.clock.now().getTime() - this.options.statusOverlapMs);
    let idleSince: number | null = null;
    let outstanding = 0;
    const housekeeping = async () => {
      const now = this.clock.now();
      const statuses = await this.store.applyStatuses(this.em(), channel, statusesSince);
      // A 131049 failure is queued again for a day later (QUEUE_MARKETING_RETRY), behind the claim's cursor; its
      // `not_before` is a day after the pass's clock, which is no later than now.
      const applied = this.clock.now().getTime();
      for (const row of statuses) {
        if (row.status === 'FAILED' && row.error_code === MARKETING_CAP_CODE) {
          this.queuedBehind(row.campaign_id, applied + MARKETING_CAP_RETRY_MS);
        }
      }
      statusesSince = new Date(now.getTime() - this.options.statusOverlapMs);
      await this.store.expireUnknown(this.em(), channel.workspace_id);
      await this.store.complete(this.em(), channel);
      lastHousekeeping = performance.now();
    };
    // Beside the claims, not between them: a status pass at full rate takes longer than the half slice of sends the
    // pacer has left when the next claim is due (ClaimWindow), and the sends would wait for it.
    let housekeepingRun: Promise<void> | null = null;
    const heldSince = performance.now();
    dispatchChannels.inc();
    try {
      while (!stopping() && this.leaseFresh()) {
        if (!housekeepingRun && performance.now() - lastHousekeeping > this.options.housekeepingMs) {
          housekeepingRun = housekeeping()
            .catch((error: unknown) => log.warn({ err: error }, 'housekeeping failed'))
            .finally(() => {
              lastHousekeeping = performance.now();
              housekeepingRun = null;
            });
        }
        pacer.setRate(channel.throughput * this.appRate.current() * this.channelFactor);
        const batch = await this.claimNext(em, channel, fence);
        if (!batch) {
          if (batches.size > 0) {
            await Promise.race(batches);
            continue;
          }
          const campaigns = await this.store.running(em, channel);
          idleSince ??= performance.now();
          // A snapshot still being written has more to claim soon: the loop waits for it rather than ending.
          const idleTooLong = performance.now() - idleSince > this.options.idleExitMs && this.fillers.size === 0;
          if (campaigns.length === 0 || idleTooLong) break;
          await sleep(this.options.idleMs);
          continue;
        }
        idleSince = null;
        claims.claimed(batch.sending.length);
        const work = this.sendBatch(channel, batch, token, pacer, slots, claims, fence, stopping)
          .catch((error: unknown) => log.error({ err: error, batch: batch.id }, 'batch outcome not recorded'))
          .finally(() => {
            batches.delete(work);
            outstanding -= batch.sending.length;
          });
        batches.add(work);
        // The next claim once fewer than half a slice of the claimed messages are unwritten (ClaimWindow): a claimed
        // message that a crash catches before its request is written ends UNKNOWN, never resent. And no more than
        // claimAhead waiting for their outcomes (sent, not yet answered or recorded).
        outstanding += batch.sending.length;
        while (batches.size > 0) {
          const waitingForAnswers = outstanding > this.claimAhead(channel);
          if (!waitingForAnswers && claims.due()) break;
          // Too many waiting for their answers: only an answered batch helps, so the wait is for one (never for
          // `whenDue()` as well: resolved already, it made this a loop of microtasks that let no answer in).
          await Promise.race(waitingForAnswers ? batches : [...batches, claims.whenDue()]);
        }
      }
      await Promise.all(batches);
      await housekeepingRun;
      await Promise.all(this.fillers.values());
      await housekeeping().catch((error: unknown) => log.warn({ err: error }, 'final housekeeping failed'));
    } finally {
      clearInterval(renewal);
      dispatchChannels.dec();
      if (!this.lost) await this.store.release(this.em(), channelId, fence).catch(() => undefined);
      const seconds = (performance.now() - heldSince) / 1000;
      // The per-channel rate lives here, not in a metric's label (campaign-metrics.ts says why).
      const perSecond = seconds > 0 ? Math.round((this.accepted / seconds) * 10) / 10 : 0;
      log.info(
        { lost: this.lost, accepted: this.accepted, seconds: Math.round(seconds * 10) / 10, perSecond },
        'dispatch lease given up',
      );
    }
  }

  private channelFactor = 1;

  /** The channel's token, or null when this installation cannot open it (a key rotation left it behind). */
  private openToken(channel: DispatchChannelRow): string | null {
    try {
      return this.tokens.open(channel.access_token_sealed);
    } catch (error) {
      if (!(error instanceof UnreadableSecretError)) throw error;
      this.logger.warn(
        { channelId: channel.id, keyId: error.keyId },
        'channel access token cannot be opened (key rotation): its campaigns pause until the token is replaced',
      );
      return null;
    }
  }

  /**
   * How many claimed messages may wait for their outcome: a second of throughput, but never more than four
   * in-flight windows (an unthrottled channel claimed its whole campaign ahead: memory, and UNKNOWN on a crash).
   */
  private claimAhead(channel: DispatchChannelRow): number {
    return Math.max(this.batchSizeFor(channel), Math.min(channel.throughput, 4 * this.options.maxInFlight));
  }

  /** A claim slice (claim-window.ts): `claimSliceMs` of the channel's throughput, within the configured batch size. */
  private batchSizeFor(channel: DispatchChannelRow): number {
    return claimSlice(channel.throughput, this.options.claimSliceMs, this.options.batchSize);
  }
  /** Campaigns whose circuit breaker tripped, or that a code told to pause: paused after their batch is recorded. */
  private readonly stopReasons = new Map<string, PauseReason>();

  /**
   * Each outcome as it arrives: a code that pauses the campaign, or a tripped breaker, stops
   * this campaign's remaining sends at once (they go back to the queue unsent), not only
   * after the batch.
   */
  private observe(campaignId: string, outcome: SendOutcome, attempt: number): void {
    const breaker = this.breakers.get(campaignId) ?? new CircuitBreaker();
    this.breakers.set(campaignId, breaker);
    let stop: PauseReason | null = null;
    if (outcome.kind === 'accepted') {
      breaker.record(null);
      if (outcome.messageStatus === 'paused') stop = 'META_PAUSED';
    } else if (outcome.kind === 'rejected') {
      const action = actionFor(outcome.code, attempt);
      if (action.kind === 'pause') stop = action.reason;
      else if ((action.kind === 'fail' || attempt >= action.maxAttempts) && breaker.record(outcome.code)) {
        stop = 'CIRCUIT_BREAKER';
      }
    }
    if (stop && !this.stopReasons.has(campaignId)) {
      this.stopReasons.set(campaignId, stop);
      this.paused.add(campaignId);
    }
  }

  /**
   * The next campaign's batch, round robin; then the launch snapshots still being written are written on (whatever
   * the campaign's window or state here: their recipients are counted and held already), after the claim so that a
   * new campaign's first batch does not wait behind its next chunk.
   */
  private async claimNext(em: EntityManager, channel: DispatchChannelRow, fence: string): Promise<Batch | null> {
    const campaigns = await this.store.running(em, channel);
    const batch = await this.claimFrom(em, channel, fence, campaigns);
    for (const campaign of campaigns) {
      if (!campaign.snapshot_complete) this.fillSnapshot(channel, campaign.id);
    }
    return batch;
  }

  /** The next campaign's batch, round robin (least recently served first); skips campaigns outside their window. */
  private async claimFrom(
    em: EntityManager,
    channel: DispatchChannelRow,
    fence: string,
    campaigns: RunningCampaignRow[],
  ): Promise<Batch | null> {
    const now = this.clock.now();
    for (const campaign of campaigns) {
      // Tripped or told to pause (its pause is written after its batch): neither claimed nor un-paused here.
      if (this.pausing.has(campaign.id) || this.stopReasons.has(campaign.id)) continue;
      this.paused.delete(campaign.id);
      const window =
        campaign.window_start !== null && campaign.window_end !== null
          ? { start: campaign.window_start, end: campaign.window_end }
          : null;
      if (!insideWindow(window, now, campaign.time_zone)) continue;
      if (campaign.template_status && campaign.template_status !== 'APPROVED') {
        await this.pause(
          em,
          channel,
          campaign,
          campaign.template_status === 'DISABLED' ? 'TEMPLATE_DISABLED' : 'TEMPLATE_PAUSED',
        );
        continue;
      }
      const after = this.cursorFor(campaign.id, now.getTime());
      let batch = await this.store.claim(em, channel, campaign, fence, this.batchSizeFor(channel), after);
      if (batch === null && after !== QUEUE_START) {
        // Nothing past the cursor: once more from the queue's start, for anything queued again behind it.
        this.cursors.delete(campaign.id);
        batch = await this.store.claim(em, channel, campaign, fence, this.batchSizeFor(channel), QUEUE_START);
      }
      if (batch && typeof batch === 'object') this.cursors.set(campaign.id, batch.lastId);
      if (batch === 'lost') {
        this.lost = true;
        return null;
      }
      if (batch === 'limit') return null;
      if (batch && batch.sending.length > 0) return batch;
    }
    return null;
  }

  /** Where the campaign's next claim starts: after its cursor, or at the queue's start once a requeued one is due. */
  private cursorFor(campaignId: string, nowMs: number): string {
    const due = this.rescanAt.get(campaignId);
    if (due !== undefined && due <= nowMs) {
      this.rescanAt.delete(campaignId);
      this.cursors.delete(campaignId);
    }
    return this.cursors.get(campaignId) ?? QUEUE_START;
  }

  /** Messages of a campaign went back to QUEUED (possibly behind its cursor), due at `dueMs` (clock ms). */
  private queuedBehind(campaignId: string, dueMs: number): void {
    this.rescanAt.set(campaignId, Math.min(dueMs, this.rescanAt.get(campaignId) ?? Infinity));
  }

  /**
   * Writes a campaign's launch snapshot on, chunk after chunk, beside the sends (the claim takes only rows already
   * written). Safe to run anywhere at any time: chunks lock the snapshot's cursor, and one under way elsewhere is left
   * alone ('idle'); a loop that stops leaves the rest to the next loop on the channel.
   */
  private fillSnapshot(channel: DispatchChannelRow, campaignId: string): void {
    const fill = this.hooks.fillSnapshot;
    if (!fill || this.fillers.has(campaignId)) return;
    const work = (async () => {
      while (!this.stopping() && !this.lost) {
        const result = await fill(this.em(), channel.workspace_id, campaignId);
        if (result === 'idle') await sleep(this.options.idleMs);
        if (result !== 'more') return;
      }
    })()
      .catch(async (error: unknown) => {
        this.logger.warn({ err: error, campaignId }, 'launch snapshot chunk failed');
        await sleep(1000);
      })
      .finally(() => this.fillers.delete(campaignId));
    this.fillers.set(campaignId, work);
  }

  private async sendBatch(
    channel: DispatchChannelRow,
    batch: Batch,
    token: string,
    pacer: SendPacer,
    slots: Slots,
    claims: ClaimWindow,
    fence: string,
    stopping: () => boolean,
  ): Promise<void> {
    const template: TemplateShape = {
      parameterFormat: batch.campaign.parameter_format,
      components: batch.campaign.components,
    };
    const components = componentsBuilder(
      template,
      batch.campaign.variables as VariableValue[],
      batch.campaign.header_media,
    );
    const outcomes = new Map<string, SendOutcome>();
    // Never a send once the lease may have passed to another worker, nor after a stop began. Asked before each
    // send and again by the messenger right before the request's body goes to the socket (`mayWrite`): the
    // request can wait for a socket, or the process be frozen, long after the first check.
    const maySend = () =>
      this.leaseFresh() && !stopping() && !this.pausing.has(batch.campaign.id) && !this.paused.has(batch.campaign.id);
    await Promise.all(
      batch.sending.map(async (message) => {
        // Counted written when the transport hands its bytes to the socket, or when the send ends without that.
        const written = claims.tracker();
        const mayWrite = () => {
          const may = maySend();
          if (may) written();
          return may;
        };
        await slots.take();
        try {
          await pacer.take();
          if (!maySend()) {
            outcomes.set(message.id, { kind: 'not-sent', reason: 'stopped' });
            return;
          }
          const phone = message.phone ?? '';
          const outcome = await this.messenger.send(
            token,
            channel.phone_number_id,
            {
              to: phone.replace(/^\+/, ''),
              template: {
                name: batch.campaign.template_name,
                language: batch.campaign.template_language,
                components: components({ phone, name: message.name, attributes: message.attributes ?? {} }),
              },
              callbackData: message.id,
            },
            mayWrite,
          );
          outcomes.set(message.id, outcome);
          dispatchSends.inc({ outcome: sendOutcomeLabel(outcome) });
          if (outcome.kind === 'accepted') this.accepted += 1;
          this.observe(batch.campaign.id, outcome, message.attempt);
        } finally {
          written();
          slots.give();
        }
      }),
    );
    await this.recordOutcomes(channel, batch, fence, outcomes);
  }

  private async recordOutcomes(
    channel: DispatchChannelRow,
    batch: Batch,
    fence: string,
    outcomes: Map<string, SendOutcome>,
  ): Promise<void> {
    const now = this.clock.now().getTime();
    const result: BatchOutcome = { sent: [], requeued: [], failed: [], unknown: [] };
    const pauses = new Set<PauseReason>();
    const optOuts: string[] = [];
    const countries = new Set<string>();
    for (const message of batch.sending) {
      const outcome = outcomes.get(message.id) ?? { kind: 'not-sent', reason: 'not attempted' };
      switch (outcome.kind) {
        case 'accepted':
          if (outcome.messageStatus === 'paused') {
            // Accepted but paused by Meta: not billed, and the campaign pauses. Never resent (it has a wamid).
            result.failed.push({ id: message.id, code: -1 });
            pauses.add('META_PAUSED');
          } else {
            result.sent.push({ id: message.id, wamid: outcome.wamid });
          }
          break;
        case 'not-sent':
          result.requeued.push({ id: message.id, notBefore: new Date(now), code: null as unknown as number });
          break;
        case 'unknown':
          result.unknown.push(message.id);
          break;
        case 'rejected': {
          const action = actionFor(outcome.code, message.attempt);
          if (action.kind === 'retry' && message.attempt < action.maxAttempts) {
            result.requeued.push({ id: message.id, notBefore: new Date(now + action.delayMs), code: outcome.code });
            if (action.slowChannel) this.channelFactor = Math.max(0.2, this.channelFactor * 0.7);
            if (action.slowAll) this.appRate.slowDown();
          } else if (action.kind === 'pause') {
            result.requeued.push({ id: message.id, notBefore: new Date(now), code: outcome.code });
            pauses.add(action.reason);
          } else {
            result.failed.push({ id: message.id, code: outcome.code });
            if (action.kind === 'fail' && action.optOutMarketing) optOuts.push(message.id);
            if (action.kind === 'fail' && action.skipCountry && message.phone) {
              const parsed = parsePhoneNumberFromString(message.phone);
              if (parsed) countries.add(`+${parsed.countryCallingCode}`);
            }
            if (action.kind === 'fail' && !action.known) {
              this.logger.warn({ code: outcome.code, campaignId: batch.campaign.id }, 'unknown Meta error code');
            }
          }
          break;
        }
      }
    }
    for (const { notBefore } of result.requeued) this.queuedBehind(batch.campaign.id, notBefore.getTime());
    if (result.sent.length > 0 && this.channelFactor < 1) this.channelFactor = Math.min(1, this.channelFactor * 1.05);
    const em = this.em();
    await this.store.record(em, channel, batch, fence, result);
    if (result.sent.length > 0 && this.hooks.markSent) {
      await this.hooks.markSent(em, channel.id, this.clock.now()).catch(() => undefined);
    }
    if (optOuts.length > 0) {
      const contactIds = await this.store.contactIdsOf(em, channel.workspace_id, optOuts);
      await this.store.optOutMarketing(em, channel.workspace_id, contactIds);
    }
    for (const prefix of countries) await this.store.skipCountry(em, channel, batch.campaign, prefix);
    const stop = this.stopReasons.get(batch.campaign.id);
    if (stop) {
      this.stopReasons.delete(batch.campaign.id);
      pauses.add(stop);
    }
    for (const reason of pauses) await this.pause(em, channel, batch.campaign, reason);
  }

  private async pause(
    em: EntityManager,
    channel: DispatchChannelRow,
    campaign: RunningCampaignRow,
    reason: PauseReason,
  ) {
    this.pausing.add(campaign.id);
    this.paused.add(campaign.id);
    // Left in `pausing` when the pause fails: this loop claims nothing more of the campaign.
    await this.hooks.pause(em, channel.workspace_id, campaign.id, reason);
    this.pausing.delete(campaign.id);
    this.logger.warn({ campaignId: campaign.id, reason }, 'campaign paused by the dispatcher');
  }
}
