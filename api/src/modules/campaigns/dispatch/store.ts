import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../../core/clock';
import { newId } from '../../../core/ids';
import { rupiah } from '../../../core/money';
import { execute, query } from '../../../db/sql';
import { inTransaction } from '../../../db/transaction';
import { LOCK_PORTFOLIO, type ErasedMessageIds } from '../../channels';
import { MARKETING_CAP_CODE, MARKETING_CAP_RETRY_MS } from './error-policy';
import { leaseTiming } from './lease-timing';
import {
  erasureFence,
  SuppressionKind,
  SUPPRESSION_SOURCES,
  type ContactsService,
  type PhoneHasher,
} from '../../contacts';
import type { WalletService } from '../../wallet';
import type { CampaignsService } from '../campaigns.service';
import {
  ACQUIRE_LEASE,
  DECLINED_CHANNELS,
  FORGET_WORKER,
  LEASE_FOR_SPREAD,
  MARK_DECLINED,
  PREPARE_LEASE,
  SEE_WORKER,
  SPREAD_LOCK,
  WORKER_LOADS,
  LEASE_LEFT,
  DYING_LEASES,
  ALREADY_COUNTED,
  APPLY_STATUSES,
  CLAIM_BATCH,
  CONTACT_IDS_OF,
  DISPATCH_CHANNEL,
  ORPHANS_TO_UNKNOWN,
  SKIP_COUNTRY,
  RUNNING_CAMPAIGNS,
  COMPLETE_CAMPAIGNS,
  CLAIM_UNANSWERED,
  EXPIRE_UNKNOWN,
  LOCK_LEASE,
  PORTFOLIO_USAGE,
  PORTFOLIO_USED,
  QUEUE_MARKETING_RETRY,
  RECORD_FAILED,
  RECORD_REQUEUE,
  RECORD_SENT,
  RECORD_REFUNDS,
  RECORD_UNKNOWN,
  RELEASE_LEASE,
  RENEW_LEASE,
  NAME_ERASED_MESSAGES,
  RENAME_ERASED_MESSAGES,
  RESERVE_PORTFOLIO,
  SET_CHARGED,
  STORE_PORTFOLIO_USAGE,
  TOUCH_CAMPAIGN,
  type AppliedStatusRow,
  type ClaimedRow,
  type CompletedRow,
  type DispatchChannelRow,
  type RunningCampaignRow,
} from '../campaigns.sql';

const DAY_MS = 24 * 3_600_000;
/**
 * How long a claim trusts the portfolio's kept recipient count before counting `portfolio_recipient` again: a count
 * at 100,000 recipients takes ~20 ms under the portfolio's lock; once a minute costs nothing, and the kept count can
 * lag behind recipients whose window ended by at most this long (it holds some of today's share back, never lets
 * more out).
 */
export const PORTFOLIO_RECOUNT_MS = 60_000;

/**
 * Messages name the ledger entry that moved their money before the wallet writes it (one statement per batch on the
 * send path): the wallet must have written it under that id. A replayed key would return an earlier entry instead;
 * every key here is new (a batch, a pass), so that would be a bug, and the transaction is refused rather than
 * leaving rows that point at nothing.
 */
function namedEntry(written: string, named: string): void {
  if (written !== named) throw new Error(`ledger entry ${named} named on messages, but the wallet returned ${written}`);
}

/** The spreading rule's bounds (issue 21 point 2): see `DispatchStore.acquire`. */
export interface SpreadOptions {
  /** A worker whose heartbeat is older than this is not live: it holds nobody back. */
  workerFreshMs: number;
  /** This long after a free lease was first declined, any worker takes it: a stale registry never stalls a channel. */
  graceMs: number;
}

/** The lowest cursor for CLAIM_BATCH: every message id is above the nil UUID. */
export const QUEUE_START = '00000000-0000-0000-0000-000000000000';

/** A claimed batch: messages SENDING under this fence, and the ones the claim found suppressed. */
export interface Batch {
  id: string;
  campaign: RunningCampaignRow;
  sending: ClaimedRow[];
  skipped: number;
  /** The highest message id the claim took (sending or skipped): where the next claim of the campaign goes on. */
  lastId: string;
}

/** What the senders learned about a batch, by message id. */
export interface BatchOutcome {
  sent: { id: string; wamid: string }[];
  requeued: { id: string; notBefore: Date; code: number }[];
  failed: { id: string; code: number }[];
  unknown: string[];
}

/**
 * The dispatcher's side of PostgreSQL: the lease, the claim, outcomes and their money, status
 * webhooks, completion. Every write of a claimed message carries the fencing token; money moves
 * through the WalletService in the same transaction as the rows it pays for.
 */
export class DispatchStore {
  constructor(
    private readonly wallet: WalletService,
    private readonly contacts: ContactsService,
    private readonly clock: Clock,
    private readonly options: { unknownDeadlineMs: number; spread: SpreadOptions },
    private readonly campaigns: Pick<CampaignsService, 'announceCompleted'>,
    /** portfolio_recipient keeps numbers only as this keyed hash (UU PDP: nothing an erasure must find). */
    private readonly hasher: PhoneHasher,
    /**
     * A message whose contact was erased while it was being sent, or while its outcome was UNKNOWN, takes an erased
     * id as soon as Meta names it (its wamid holds the number).
     */
    private readonly erasedMessageIds: Pick<ErasedMessageIds, 'erase' | 'eraseReported'>,
  ) {}

  private recipientHashes(portfolioId: string, phones: (string | null)[]): string[] {
    return phones.map((phone) => this.hasher.hash(portfolioId, phone ?? ''));
  }

  async channel(em: EntityManager, channelId: string): Promise<DispatchChannelRow | undefined> {
    const [row] = await query(em, DISPATCH_CHANNEL, [channelId]);
    return row;
  }

  /**
   * Takes the channel's lease (free, past its takeover moment, or ours) for a holder sending under `ttlMs`
   * (lease-timing.ts); on taking it, a dead holder's SENDING rows become UNKNOWN.
   * With a `worker` (the holder is then "worker:loop"), leases spread over workers: the worker does not take a free
   * lease while it holds at least one more than some other live worker, unless its first decline is the grace ago;
   * it returns 'declined' then, and the lighter worker's heartbeat comes for the channel (`declinedChannels`).
   */
  async acquire(
    em: EntityManager,
    channel: DispatchChannelRow,
    holder: string,
    ttlMs: number,
    worker?: string,
  ): Promise<string | 'declined' | null> {
    return inTransaction(em, { lockTimeoutMs: 5_000 }, async (tx) => {
      const now = this.clock.now();
      if (worker && (await this.declines(tx, channel.id, worker, now))) {
        await execute(tx, MARK_DECLINED, [channel.id, now]);
        return 'declined';
      }
      const [row] = await query(tx, ACQUIRE_LEASE, [channel.id, holder, leaseTiming(ttlMs).takeoverMs]);
      if (!row) return null;
      await execute(tx, ORPHANS_TO_UNKNOWN, [
        channel.workspace_id,
        channel.id,
        now,
        new Date(now.getTime() + this.options.unknownDeadlineMs),
        row.fence,
      ]);
      return row.fence;
    });
  }

  /** The spreading rule, decided under one lock for every worker (SPREAD_LOCK) and the lease row's. */
  private async declines(tx: EntityManager, channelId: string, worker: string, now: Date): Promise<boolean> {
    const { workerFreshMs, graceMs } = this.options.spread;
    await query(tx, SPREAD_LOCK, []);
    // Seen by its own acquire too: a worker that has not beaten yet is live to the others from its first try.
    await execute(tx, SEE_WORKER, [worker, now]);
    await execute(tx, PREPARE_LEASE, [channelId]);
    const [lease] = await query(tx, LEASE_FOR_SPREAD, [channelId]);
    // A live lease is no free one (the acquire refuses it, or it is ours and renews). The grace runs from the first
    // decline since the lease was last taken, not from its end: a channel idle for a day spreads like a new one.
    if (lease!.live) return false;
    if (lease!.declined_at && now.getTime() - new Date(lease!.declined_at).getTime() >= graceMs) return false;
    const [loads] = await query(tx, WORKER_LOADS, [worker, new Date(now.getTime() - workerFreshMs)]);
    return loads!.fewest !== null && loads!.mine >= loads!.fewest + 1;
  }

  /** A worker's heartbeat: it is live for the spreading rule while this is fresh. */
  async seeWorker(em: EntityManager, worker: string): Promise<void> {
    await execute(em, SEE_WORKER, [worker, this.clock.now()]);
  }

  async forgetWorker(em: EntityManager, worker: string): Promise<void> {
    await execute(em, FORGET_WORKER, [worker]);
  }

  /** Channels whose free lease some worker declined within the grace and that nobody has taken since. */
  async declinedChannels(em: EntityManager): Promise<string[]> {
    const rows = await query(em, DECLINED_CHANNELS, [
      new Date(this.clock.now().getTime() - this.options.spread.graceMs),
    ]);
    return rows.map((row) => row.channel_id);
  }

  /** Channels with running campaigns whose lease, another's, may be taken within `windowMs`: a dead holder's. */
  async dyingLeases(em: EntityManager, windowMs: number): Promise<string[]> {
    return (await query(em, DYING_LEASES, [windowMs])).map((row) => row.channel_id);
  }

  /** How long until the channel's lease may be taken (on the database's clock); null without a lease row. */
  async leaseLeftMs(em: EntityManager, channelId: string): Promise<number | null> {
    const [row] = await query(em, LEASE_LEFT, [channelId]);
    return row ? Number(row.left_ms) : null;
  }

  /** Moves the lease's takeover on (lease-timing.ts) while this token still holds it. */
  async renew(em: EntityManager, channelId: string, fence: string, ttlMs: number): Promise<boolean> {
    const rows = await query(em, RENEW_LEASE, [channelId, fence, leaseTiming(ttlMs).takeoverMs]);
    return rows.length === 1;
  }

  async release(em: EntityManager, channelId: string, fence: string): Promise<void> {
    await execute(em, RELEASE_LEASE, [channelId, fence]);
  }

  async running(em: EntityManager, channel: DispatchChannelRow): Promise<RunningCampaignRow[]> {
    return query(em, RUNNING_CAMPAIGNS, [channel.workspace_id, channel.id, this.clock.now()]);
  }

  /**
   * Claims up to `limit` messages of one campaign, committed before any send. Counts the
   * batch against the portfolio's messaging limit under the portfolio row's lock (so two
   * channels of one portfolio never both spend the last of it); suppressed contacts become
   * SKIPPED and their share of the hold is released in the same transaction.
   */
  async claim(
    em: EntityManager,
    channel: DispatchChannelRow,
    campaign: RunningCampaignRow,
    fence: string,
    limit: number,
    after: string = QUEUE_START,
  ): Promise<Batch | 'limit' | 'lost' | null> {
    return inTransaction(em, { lockTimeoutMs: 5_000 }, async (tx) => {
      // The claim is fenced like every other write: under a share lock of the lease row, only while this token
      // still holds it. A taker's `acquire` waits for this transaction, so its orphan pass sees what it claimed;
      // a holder resumed after a takeover (a frozen "zombie") claims nothing.
      const [lease] = await query(tx, LOCK_LEASE, [channel.id]);
      if (lease?.fence !== fence) return 'lost';
      const now = this.clock.now();
      const dayAgo = new Date(now.getTime() - DAY_MS);
      let allowance = limit;
      if (channel.portfolio_id) {
        const [portfolio] = await query(tx, LOCK_PORTFOLIO, [channel.portfolio_id]);
        if (portfolio && portfolio.messaging_limit > 0) {
          const used = await this.portfolioUsed(tx, channel.portfolio_id, now);
          allowance = Math.min(limit, portfolio.messaging_limit - used);
          if (allowance <= 0) return 'limit';
        }
      }
      const marketing = campaign.template_category === 'MARKETING';
      // The campaign row before its messages, in the order a cancel or a failure takes them (campaign `for update`,
      // then its queued messages): touched after the claim, a claim holding messages waited for a cancel holding the
      // campaign, which waited for those messages, and PostgreSQL broke the deadlock by refusing the cancel.
      const [touched] = await query(tx, TOUCH_CAMPAIGN, [channel.workspace_id, campaign.id, now]);
      if (!touched) return null;
      // A completed campaign's due 131049 retry is a send like any other: none while the wallet is in debt (its
      // share stays held; it goes once a top-up covers the debt). Read after the campaign's lock, so a reversal
      // that held it has committed and is seen.
      if (touched.status === 'COMPLETED' && (await this.wallet.summary(tx, channel.workspace_id)).debt > 0n) {
        return null;
      }
      const rows = await query(tx, CLAIM_BATCH, [
        channel.workspace_id,
        campaign.id,
        now,
        allowance,
        marketing,
        fence,
        after,
      ]);
      if (rows.length === 0) return null;
      const sending = rows.filter((row) => row.status === 'SENDING');
      const skipped = rows.length - sending.length;
      const batchId = newId();
      if (channel.portfolio_id && sending.length > 0) {
        const hashes = this.recipientHashes(
          channel.portfolio_id,
          sending.map((row) => row.phone),
        );
        await execute(tx, RESERVE_PORTFOLIO, [channel.portfolio_id, hashes, now, dayAgo]);
      }
      if (skipped > 0) await this.releaseShare(tx, channel.workspace_id, campaign, skipped, `${batchId}:skipped`);
      // Ids compare as PostgreSQL orders uuids: lowercase hex, byte by byte.
      const lastId = rows.reduce((last, row) => (row.id > last ? row.id : last), after);
      return { id: batchId, campaign, sending, skipped, lastId };
    });
  }

  /**
   * The portfolio's unique recipients in the rolling 24 h, under its row's lock: the kept count while it is younger
   * than PORTFOLIO_RECOUNT_MS (claims add what they reserve; recipients whose window ended since are still in it, so
   * it can only be too high), else counted again and kept. A count on the clock's other side (a clock moved back)
   * is counted again too.
   */
  private async portfolioUsed(tx: EntityManager, portfolioId: string, now: Date): Promise<number> {
    const [kept] = await query(tx, PORTFOLIO_USAGE, [portfolioId]);
    const age = kept ? now.getTime() - new Date(kept.counted_at).getTime() : -1;
    if (kept && age >= 0 && age < PORTFOLIO_RECOUNT_MS) return kept.used;
    const [counted] = await query(tx, PORTFOLIO_USED, [portfolioId, new Date(now.getTime() - DAY_MS)]);
    const used = counted?.used ?? 0;
    await execute(tx, STORE_PORTFOLIO_USAGE, [portfolioId, used, now]);
    return used;
  }

  /** How many of these numbers the portfolio already counts today (they cost no new allowance). */
  async alreadyCounted(em: EntityManager, portfolioId: string, phones: string[]): Promise<number> {
    const [row] = await query(em, ALREADY_COUNTED, [
      portfolioId,
      this.recipientHashes(portfolioId, phones),
      new Date(this.clock.now().getTime() - DAY_MS),
    ]);
    return row?.counted ?? 0;
  }

  /**
   * Writes a batch's outcomes, each only while the row is still SENDING under this fence (a
   * zombie's late write changes nothing), and moves the batch's money in the same transaction:
   * one capture for the accepted, one release for the failed. Returns what was written.
   */
  async record(em: EntityManager, channel: DispatchChannelRow, batch: Batch, fence: string, outcome: BatchOutcome) {
    return inTransaction(em, { lockTimeoutMs: 10_000 }, async (tx) => {
      // Writes wamids: an erasure in progress finishes first, and none starts until this commits (see erasureFence).
      await erasureFence.shared(tx);
      const now = this.clock.now();
      const ws = channel.workspace_id;
      const price = rupiah(batch.campaign.price);
      const charging = price > 0n && batch.campaign.hold_id !== null;
      // The batch's CAPTURE entry, named on its rows before the wallet writes it below (one statement per batch).
      const captureId = charging ? newId() : null;
      const sent = outcome.sent.length
        ? await query(tx, RECORD_SENT, [
            ws,
            outcome.sent.map((row) => row.id),
            outcome.sent.map((row) => row.wamid),
            fence,
            price.toString(),
            now,
            captureId,
          ])
        : [];
      const erasedWhileSending = sent.filter((row) => row.erased).map((row) => row.wamid);
      if (erasedWhileSending.length > 0) {
        const renamed = [...(await this.erasedMessageIds.erase(tx, ws, erasedWhileSending))];
        await execute(tx, RENAME_ERASED_MESSAGES, [ws, renamed.map(([wamid]) => wamid), renamed.map(([, id]) => id)]);
      }
      const requeued = outcome.requeued.length
        ? await query(tx, RECORD_REQUEUE, [
            ws,
            outcome.requeued.map((row) => row.id),
            outcome.requeued.map((row) => row.notBefore),
            outcome.requeued.map((row) => row.code),
            fence,
            now,
          ])
        : [];
      const failed = outcome.failed.length
        ? await query(tx, RECORD_FAILED, [
            ws,
            outcome.failed.map((row) => row.id),
            outcome.failed.map((row) => row.code),
            fence,
            now,
          ])
        : [];
      const unknown = outcome.unknown.length
        ? await query(tx, RECORD_UNKNOWN, [
            ws,
            outcome.unknown,
            fence,
            new Date(now.getTime() + this.options.unknownDeadlineMs),
            now,
          ])
        : [];
      if (sent.length > 0 && charging && captureId) {
        const captured = await this.wallet.capture(tx, ws, {
          key: `campaign:${batch.campaign.id}:batch:${batch.id}:capture`,
          reference: `campaign:${batch.campaign.id}:batch:${batch.id}`,
          actor: `campaign:${batch.campaign.id}`,
          holdId: batch.campaign.hold_id!,
          amount: rupiah(price * BigInt(sent.length)),
          details: { messages: sent.length, price: price.toString() },
          entryId: captureId,
        });
        namedEntry(captured.entry.id, captureId);
      }
      if (failed.length > 0) await this.releaseShare(tx, ws, batch.campaign, failed.length, `${batch.id}:failed`);
      return { sent: sent.length, requeued: requeued.length, failed: failed.length, unknown: unknown.length };
    });
  }

  /** After 130497: what is still queued for that country is skipped (its share released). */
  async skipCountry(em: EntityManager, channel: DispatchChannelRow, campaign: RunningCampaignRow, prefix: string) {
    await inTransaction(em, { lockTimeoutMs: 10_000 }, async (tx) => {
      const rows = await query(tx, SKIP_COUNTRY, [channel.workspace_id, campaign.id, `${prefix}%`, this.clock.now()]);
      if (rows.length > 0)
        await this.releaseShare(tx, channel.workspace_id, campaign, rows.length, `country:${newId()}`);
    });
  }

  async contactIdsOf(em: EntityManager, workspaceId: string, messageIds: string[]): Promise<string[]> {
    const rows = await query(em, CONTACT_IDS_OF, [workspaceId, messageIds]);
    return rows.map((row) => row.contact_id);
  }

  /** 131050: the contact stopped marketing messages; suppress it for marketing. */
  async optOutMarketing(em: EntityManager, workspaceId: string, contactIds: string[]): Promise<void> {
    if (contactIds.length === 0) return;
    await inTransaction(em, {}, (tx) =>
      this.contacts.suppress(
        tx,
        workspaceId,
        contactIds,
        SuppressionKind.MARKETING,
        SUPPRESSION_SOURCES.META_131050,
        null,
      ),
    );
  }

  /**
   * Erased contacts' messages that Meta named only now (an UNKNOWN send's first status): APPLY_STATUSES left their
   * wamid unwritten; they take its erased id, and the status and stored bodies that carried it lose it.
   */
  private async nameErasedMessages(tx: EntityManager, workspaceId: string, rows: AppliedStatusRow[]): Promise<void> {
    const unnamed = rows.filter((row) => row.unnamed_wamid !== null);
    if (unnamed.length === 0) return;
    const renamed = await this.erasedMessageIds.eraseReported(
      tx,
      workspaceId,
      unnamed.map((row) => row.unnamed_wamid!),
    );
    const named = unnamed.filter((row) => renamed.has(row.unnamed_wamid!));
    await execute(tx, NAME_ERASED_MESSAGES, [
      workspaceId,
      named.map((row) => row.id),
      named.map((row) => renamed.get(row.unnamed_wamid!)!),
    ]);
  }

  /**
   * Applies the channel's status webhooks since `since`, forward only, with their money: an
   * UNKNOWN message now known to be accepted is charged, one known to have failed releases its
   * share; a charged message that failed without being delivered is refunded.
   */
  async applyStatuses(em: EntityManager, channel: DispatchChannelRow, since: Date): Promise<AppliedStatusRow[]> {
    return inTransaction(em, { lockTimeoutMs: 10_000 }, async (tx) => {
      // Writes wamids: ordered against erasures like the webhook's appliers (see erasureFence).
      await erasureFence.shared(tx);
      const now = this.clock.now();
      const rows = await query(tx, APPLY_STATUSES, [channel.workspace_id, channel.phone_number_id, since, now]);
      await this.nameErasedMessages(tx, channel.workspace_id, rows);
      const pass = newId();
      const byCampaign = new Map<string, AppliedStatusRow[]>();
      for (const row of rows) byCampaign.set(row.campaign_id, [...(byCampaign.get(row.campaign_id) ?? []), row]);
      for (const [campaignId, changed] of byCampaign) {
        const { price, hold_id: holdId } = changed[0]!;
        const amount = rupiah(price);
        // Past its deadline an UNKNOWN message was settled unconfirmed (share released, never charged): a late
        // status moves it forward and changes no money.
        // A first attempt failed with 131049 (the per-user marketing cap): sent once more after a day. Refunded
        // like any failure, and its share held again, so the retry is paid from the hold as attempt 2.
        const retries = this.marketingRetries(changed);
        const retried = new Set(retries.map((row) => row.id));
        // A message that reached the phone is billed by Meta even if it failed afterwards: charged, never refunded.
        const failedUndelivered = (row: AppliedStatusRow) => row.status === 'FAILED' && !row.delivered;
        const reconciledSent = changed.filter(
          (row) => row.old_status === 'UNKNOWN' && row.awaited && !failedUndelivered(row),
        );
        const reconciledFailed = changed.filter(
          (row) => row.old_status === 'UNKNOWN' && row.awaited && failedUndelivered(row) && !retried.has(row.id),
        );
        const refunded = changed.filter(
          (row) => row.old_status === 'SENT' && failedUndelivered(row) && rupiah(row.charged) > 0n,
        );
        const reference = `campaign:${campaignId}:statuses:${pass}`;
        if (reconciledSent.length > 0 && amount > 0n && holdId) {
          const captured = await this.wallet.capture(tx, channel.workspace_id, {
            key: `${reference}:capture`,
            reference,
            actor: `campaign:${campaignId}`,
            holdId,
            amount: rupiah(amount * BigInt(reconciledSent.length)),
            details: { messages: reconciledSent.length, reconciled: true },
          });
          await execute(tx, SET_CHARGED, [
            channel.workspace_id,
            reconciledSent.map((row) => row.id),
            amount.toString(),
            now,
            captured.entry.id,
          ]);
        }
        if (reconciledFailed.length > 0 && amount > 0n && holdId) {
          await this.releaseHold(
            tx,
            channel.workspace_id,
            campaignId,
            holdId,
            amount * BigInt(reconciledFailed.length),
            `${reference}:release`,
          );
        }
        if (refunded.length > 0) {
          await this.refundMessages(
            tx,
            channel.workspace_id,
            refunded.map((row) => row.id),
            (campaign) => ({
              key: `${reference}:refund`,
              reference,
              actor: `campaign:${campaign}`,
              details: {},
            }),
          );
        }
        if (retries.length > 0) await this.queueMarketingRetries(tx, channel.workspace_id, campaignId, retries, pass);
        const optOuts = changed.filter((row) => row.status === 'FAILED' && row.error_code === 131050 && row.contact_id);
        if (optOuts.length > 0) {
          await this.contacts.suppress(
            tx,
            channel.workspace_id,
            optOuts.map((row) => row.contact_id!),
            SuppressionKind.MARKETING,
            SUPPRESSION_SOURCES.META_131050,
            null,
          );
        }
      }
      return rows;
    });
  }

  /**
   * The messages of one status pass that get their one 131049 retry: a first attempt, in a campaign that is
   * still going or completed (not cancelled), that had its share of the hold (sent, or UNKNOWN still awaited).
   */
  private marketingRetries(changed: AppliedStatusRow[]): AppliedStatusRow[] {
    return changed.filter(
      (row) =>
        row.status === 'FAILED' &&
        row.error_code === MARKETING_CAP_CODE &&
        row.attempt === 1 &&
        ['RUNNING', 'PAUSED', 'COMPLETED'].includes(row.campaign_status) &&
        (row.old_status !== 'UNKNOWN' || row.awaited),
    );
  }

  /**
   * Queues the retries a day from now. A sent one was charged and has just been refunded: its share goes
   * back into the campaign's hold (reopened if the completed campaign had released it), with its own key;
   * an UNKNOWN one still had its share. Without the money for it (a debt since), no retry: it stays FAILED.
   */
  private async queueMarketingRetries(
    tx: EntityManager,
    workspaceId: string,
    campaignId: string,
    retries: AppliedStatusRow[],
    pass: string,
  ): Promise<void> {
    const { price, hold_id: holdId } = retries[0]!;
    const amount = rupiah(price);
    const reheld = retries.filter((row) => row.old_status !== 'UNKNOWN');
    if (reheld.length > 0 && amount > 0n && holdId) {
      const share = rupiah(amount * BigInt(reheld.length));
      const wallet = await this.wallet.summary(tx, workspaceId);
      if (wallet.available < share || wallet.debt > 0n) return;
      await this.wallet.holdAgain(tx, workspaceId, {
        key: `campaign:${campaignId}:statuses:${pass}:retry-hold`,
        reference: `campaign:${campaignId}`,
        actor: `campaign:${campaignId}`,
        holdId,
        amount: share,
        details: { messages: reheld.length, code: MARKETING_CAP_CODE },
      });
    }
    const now = this.clock.now();
    await execute(tx, QUEUE_MARKETING_RETRY, [
      workspaceId,
      retries.map((row) => row.id),
      new Date(now.getTime() + MARKETING_CAP_RETRY_MS),
      now,
    ]);
  }

  /**
   * The charge policy's last rule: a message Meta accepted before `acceptedBefore` (30 days ago) that never got a
   * final status is refunded at the amount it was charged, one REFUND entry per campaign and pass (n x price,
   * referencing the pass), its charge set to 0 in the same transaction. Returns how many messages it refunded
   * (at most `limit`; the caller asks again while it gets a full batch).
   */
  async refundUnanswered(em: EntityManager, workspaceId: string, acceptedBefore: Date, limit: number): Promise<number> {
    return inTransaction(em, { lockTimeoutMs: 10_000 }, async (tx) => {
      const rows = await query(tx, CLAIM_UNANSWERED, [workspaceId, acceptedBefore, limit]);
      const pass = newId();
      return this.refundMessages(
        tx,
        workspaceId,
        rows.map((row) => row.id),
        (campaignId) => {
          const reference = `campaign:${campaignId}:unanswered:${pass}`;
          return {
            key: `${reference}:refund`,
            reference,
            actor: `campaign:${campaignId}`,
            details: { unanswered: true },
          };
        },
        rows.map((row) => row.campaign_id),
      );
    });
  }

  /**
   * Refunds these messages (rows the caller holds), once per message and attempt (RECORD_REFUNDS' key): one REFUND
   * entry per campaign, n x what each was charged, whose id every message it refunds names. `campaignIds` pairs
   * with `ids` (omitted: one campaign, the entry's id is the same for all). Returns how many it refunded.
   */
  private async refundMessages(
    tx: EntityManager,
    workspaceId: string,
    ids: string[],
    entryOf: (campaignId: string) => {
      key: string;
      reference: string;
      actor: string;
      details: Record<string, unknown>;
    },
    campaignIds?: string[],
  ): Promise<number> {
    if (ids.length === 0) return 0;
    const entries = new Map<string, string>();
    const entryIds = ids.map((_, index) => {
      const campaign = campaignIds?.[index] ?? '';
      if (!entries.has(campaign)) entries.set(campaign, newId());
      return entries.get(campaign)!;
    });
    const refunded = await query(tx, RECORD_REFUNDS, [workspaceId, ids, entryIds, this.clock.now()]);
    const byCampaign = new Map<string, { entryId: string; total: bigint; count: number }>();
    for (const row of refunded) {
      const entry = byCampaign.get(row.campaign_id) ?? { entryId: row.entry_id, total: 0n, count: 0 };
      entry.total += BigInt(row.amount);
      entry.count += 1;
      byCampaign.set(row.campaign_id, entry);
    }
    for (const [campaignId, { entryId, total, count }] of byCampaign) {
      const { details, ...entry } = entryOf(campaignId);
      const applied = await this.wallet.refund(tx, workspaceId, {
        ...entry,
        amount: rupiah(total),
        details: { ...details, messages: count },
        entryId,
      });
      namedEntry(applied.entry.id, entryId);
    }
    return refunded.length;
  }

  /** UNKNOWN messages past their deadline: unconfirmed, never charged, their share released. */
  async expireUnknown(em: EntityManager, workspaceId: string): Promise<number> {
    return inTransaction(em, { lockTimeoutMs: 10_000 }, async (tx) => {
      const rows = await query(tx, EXPIRE_UNKNOWN, [workspaceId, this.clock.now(), 1000]);
      const byCampaign = new Map<string, { holdId: string | null; price: bigint; count: number }>();
      for (const row of rows) {
        const entry = byCampaign.get(row.campaign_id) ?? { holdId: row.hold_id, price: BigInt(row.price), count: 0 };
        entry.count += 1;
        byCampaign.set(row.campaign_id, entry);
      }
      for (const [campaignId, { holdId, price, count }] of byCampaign) {
        if (holdId && price > 0n) {
          await this.releaseHold(
            tx,
            workspaceId,
            campaignId,
            holdId,
            price * BigInt(count),
            `campaign:${campaignId}:expired:${newId()}`,
          );
        }
      }
      return rows.length;
    });
  }

  /**
   * Campaigns with nothing left to send: COMPLETED, the hold released but for what in-flight messages need, and the
   * senders told. The update returns only the campaigns it moved out of RUNNING (locked), so each is told once.
   */
  async complete(em: EntityManager, channel: DispatchChannelRow): Promise<CompletedRow[]> {
    return inTransaction(em, { lockTimeoutMs: 10_000 }, async (tx) => {
      const rows = await query(tx, COMPLETE_CAMPAIGNS, [channel.workspace_id, channel.id, this.clock.now()]);
      for (const row of rows) {
        await this.campaigns.announceCompleted(tx, channel.workspace_id, row);
        if (!row.hold_id) continue;
        const hold = (await this.wallet.openHolds(tx, channel.workspace_id)).find((open) => open.id === row.hold_id);
        if (!hold) continue;
        const keep = BigInt(row.price) * BigInt(row.in_flight + row.retrying);
        const amount = BigInt(hold.remaining) - keep;
        if (amount > 0n) {
          await this.wallet.release(tx, channel.workspace_id, {
            key: `campaign:${row.id}:complete`,
            reference: `campaign:${row.id}`,
            actor: `campaign:${row.id}`,
            holdId: row.hold_id,
            amount: rupiah(amount),
          });
        }
      }
      return rows;
    });
  }

  private async releaseShare(
    tx: EntityManager,
    workspaceId: string,
    campaign: RunningCampaignRow,
    count: number,
    key: string,
  ) {
    const price = BigInt(campaign.price);
    if (!campaign.hold_id || price === 0n) return;
    await this.releaseHold(
      tx,
      workspaceId,
      campaign.id,
      campaign.hold_id,
      price * BigInt(count),
      `campaign:${campaign.id}:${key}`,
    );
  }

  /** Releases up to `amount` of a hold (never more than it still has: a closed hold releases nothing). */
  private async releaseHold(
    tx: EntityManager,
    workspaceId: string,
    campaignId: string,
    holdId: string,
    amount: bigint,
    key: string,
  ) {
    const hold = (await this.wallet.openHolds(tx, workspaceId)).find((open) => open.id === holdId);
    if (!hold) return;
    const capped = amount < BigInt(hold.remaining) ? amount : BigInt(hold.remaining);
    if (capped <= 0n) return;
    await this.wallet.release(tx, workspaceId, {
      key,
      reference: `campaign:${campaignId}`,
      actor: `campaign:${campaignId}`,
      holdId,
      amount: rupiah(capped),
    });
  }
}
