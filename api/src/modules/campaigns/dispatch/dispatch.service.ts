import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../../core/clock';
import type { Logger } from '../../../core/logger';
import { workspaceEm } from '../../../db/base.entity';
import { query } from '../../../db/sql';
import type { JobQueue } from '../../../jobs/queue';
import type { TokenBox } from '../../channels';
import { CHANNELS_WITH_STATUSES, CHANNELS_WITH_WORK, UNANSWERED_WORKSPACES } from '../campaigns.sql';
import { DISPATCH_JOB, type LaunchService } from '../launch.service';
import { AppRate, ChannelDispatcher, type DispatchHooks, type DispatchOptions } from './dispatcher';
import type { Messenger } from './messenger';
import type { DispatchStore } from './store';

const TWO_DAYS_MS = 2 * 24 * 3_600_000;
/** A message with no final status this long after Meta accepted it is refunded (the charge policy, README). */
export const UNANSWERED_REFUND_MS = 30 * 24 * 3_600_000;
/** Messages refunded per transaction by the daily job. */
const UNANSWERED_BATCH = 1000;

/**
 * Runs channels' dispatch loops in this process (one per channel job), stops them on a
 * graceful shutdown (stop claiming, finish what is in flight, record it, give up the lease),
 * and ticks: due scheduled campaigns start, channels with work and no live lease get a job,
 * status webhooks reach campaigns that no loop is serving.
 */
export class DispatchService {
  private stopping = false;
  private readonly loops = new Set<Promise<void>>();
  private readonly appRate = new AppRate();
  private statusesSince: Date;
  private heartbeat?: NodeJS.Timeout;
  private heartbeatEm?: () => EntityManager;
  /** Channels with a loop in this process: the heartbeat starts no second one beside a job's. */
  private readonly running = new Set<string>();

  constructor(
    private readonly store: DispatchStore,
    private readonly messenger: Messenger,
    private readonly tokens: TokenBox,
    private readonly launch: LaunchService,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** `holder`: this worker process in the lease and the worker registry; `heartbeatMs`: how often it beats. */
    private readonly options: DispatchOptions & { holder: string; heartbeatMs: number },
    private readonly markSent?: DispatchHooks['markSent'],
    private readonly fillSnapshot?: DispatchHooks['fillSnapshot'],
  ) {
    this.statusesSince = new Date(clock.now().getTime() - options.statusOverlapMs);
  }

  /** The dispatch job: one channel's loop, until it has nothing to send or the process stops. */
  async runChannel(em: () => EntityManager, channelId: string, touch: () => Promise<void>): Promise<void> {
    if (this.stopping) return;
    const dispatcher = new ChannelDispatcher(
      em,
      this.store,
      this.messenger,
      this.tokens,
      {
        // A job's entity manager has no workspace: the pause runs scoped to the campaign's.
        pause: (em, workspaceId, campaignId, reason) =>
          this.launch.pauseWith(workspaceEm(em, workspaceId), workspaceId, campaignId, reason),
        markSent: this.markSent,
        // A job's entity manager has no workspace: the chunk runs scoped to the campaign's.
        fillSnapshot: this.fillSnapshot
          ? (em, workspaceId, campaignId) => this.fillSnapshot!(workspaceEm(em, workspaceId), workspaceId, campaignId)
          : undefined,
      },
      this.appRate,
      this.clock,
      this.logger,
      this.options,
      this.options.holder,
    );
    const loop = dispatcher.run(channelId, () => this.stopping, touch);
    this.loops.add(loop);
    this.running.add(channelId);
    try {
      await loop;
    } finally {
      this.loops.delete(loop);
      this.running.delete(channelId);
    }
  }

  /**
   * A worker process's heartbeat, while it runs: it keeps the worker live in the registry (the spreading rule counts
   * its leases), comes for the channels a busier worker declined (their dispatch job came back here), and for the
   * channels of a dead holder whose lease comes within the takeover window: a loop here waits for the takeover
   * moment, so the handover depends on no job, not even the cluster's one tick, which a killed worker may have been
   * running (its lock then holds it back for max(10 s, 3 ticks), past the lease's TTL). Every live worker waits;
   * the first acquire takes the channel, the others see a live lease and end.
   */
  startHeartbeat(em: () => EntityManager): void {
    if (this.heartbeat) return;
    const start = (channelId: string, what: string) => {
      if (this.stopping || this.running.has(channelId)) return;
      void this.runChannel(em, channelId, async () => undefined).catch((error: unknown) =>
        this.logger.warn({ err: error, channelId }, `dispatch of a ${what} channel failed`),
      );
    };
    const beat = async () => {
      if (this.stopping) return;
      await this.store.seeWorker(em(), this.options.holder);
      for (const channelId of await this.store.declinedChannels(em())) start(channelId, 'declined');
      for (const channelId of await this.store.dyingLeases(em(), this.options.takeoverWindowMs)) {
        start(channelId, 'dead holder’s');
      }
    };
    this.heartbeat = setInterval(
      () => void beat().catch((error: unknown) => this.logger.warn({ err: error }, 'dispatch heartbeat failed')),
      this.options.heartbeatMs,
    );
    void beat().catch((error: unknown) => this.logger.warn({ err: error }, 'dispatch heartbeat failed'));
    this.heartbeatEm = em;
  }

  /** SIGTERM: no new claims; the loops finish their in-flight requests, record them and release their leases. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    await Promise.allSettled([...this.loops]);
    // Gone from the registry: a stopped worker with no lease must not make the others decline.
    if (this.heartbeatEm) await this.store.forgetWorker(this.heartbeatEm(), this.options.holder).catch(() => undefined);
  }

  /** `touch` keeps the tick's job lock alive between its steps (the lock is short: see campaigns.module.ts). */
  /**
   * The daily refund job: every message Meta accepted 30 days ago or more that never got a final status (still
   * SENT, still charged) is refunded at its charge, workspace by workspace, a batch per transaction. A message a
   * status pass holds at that moment is left for it (it applies the status), or for the next day.
   */
  async refundUnanswered(em: EntityManager): Promise<number> {
    const acceptedBefore = new Date(this.clock.now().getTime() - UNANSWERED_REFUND_MS);
    let refunded = 0;
    for (;;) {
      const workspaces = await query(em, UNANSWERED_WORKSPACES, [acceptedBefore, UNANSWERED_BATCH]);
      let moved = 0;
      for (const { workspace_id: workspaceId } of workspaces) {
        let batch: number;
        do {
          batch = await this.store.refundUnanswered(em, workspaceId, acceptedBefore, UNANSWERED_BATCH);
          moved += batch;
        } while (batch === UNANSWERED_BATCH);
      }
      refunded += moved;
      // Nothing left, or only rows other transactions hold: those are the next run's.
      if (moved === 0) return refunded;
    }
  }

  async tick(em: EntityManager, touch: () => Promise<void> = async () => undefined): Promise<void> {
    if (this.stopping) return;
    await this.launch.failWithoutChannel(em);
    await this.launch.pauseOnStoppedChannels(em);
    await this.launch.startDue(em);
    await touch();
    const now = this.clock.now();
    for (const { channel_id: channelId } of await query(em, CHANNELS_WITH_WORK, [now, this.options.takeoverWindowMs])) {
      await this.jobs.enqueue(DISPATCH_JOB, { channelId });
    }
    const since = this.statusesSince;
    this.statusesSince = new Date(now.getTime() - this.options.statusOverlapMs);
    for (const { channel_id: channelId } of await query(em, CHANNELS_WITH_STATUSES, [
      new Date(now.getTime() - TWO_DAYS_MS),
      since,
    ])) {
      const channel = await this.store.channel(em, channelId);
      if (!channel) continue;
      await this.store.applyStatuses(em, channel, since);
      await this.store.expireUnknown(em, channel.workspace_id);
      await touch();
    }
  }
}
