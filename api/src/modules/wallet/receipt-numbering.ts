import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import { query } from '../../db/sql';
import { inTransaction } from '../../db/transaction';
import {
  LOCK_RECEIPT_COUNTER,
  LOCK_RECEIPT_NUMBERING,
  NUMBER_RECEIPTS,
  PENDING_RECEIPTS,
  READ_RECEIPT,
} from './payments.sql';

/**
 * Receipt numbers: gapless per year (the workspace's year), in commit order, given after a payment's commit (a counter
 * row locked inside every payment transaction would serialise all top-ups of the installation).
 */
export class ReceiptNumbering {
  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  private running: Promise<unknown> = Promise.resolve();
  private queued?: Promise<void>;

  /** An order's receipt, numbered first if its numbering has not run yet. */
  async receipt(em: EntityManager, workspaceId: string, orderId: string) {
    const [row] = await query(em, READ_RECEIPT, [workspaceId, orderId]);
    if (!row) return undefined;
    const number =
      row.number ?? (await this.numberReceipts(em), (await query(em, READ_RECEIPT, [workspaceId, orderId]))[0]?.number);
    return number ? { number, issuedAt: new Date(row.created_at) } : undefined;
  }

  /**
   * Numbers receipts after a credit, coalescing a burst: a caller joins the run queued behind
   * the current one (it starts after this call, so it sees this caller's commit), or queues one.
   * A failure is logged, not thrown: the credit is committed, and the next pass numbers it.
   */
  numberSoon(em: EntityManager): Promise<void> {
    if (this.queued) return this.queued;
    const next = this.running.then(async () => {
      this.queued = undefined;
      try {
        await this.numberReceipts(em);
      } catch (error) {
        this.logger.warn({ err: error }, 'receipt numbering failed; the next pass retries');
      }
    });
    this.queued = next;
    this.running = next;
    return next;
  }

  /**
   * Gives every receipt still without a number the next numbers of its year, in commit order
   * (gapless per year; called right after a credit commits, and by the reconciliation pass).
   * The year is the receipt's date where its workspace is (luxon, like the receipt's printed
   * time): a receipt issued at 00:30 WIB on 1 January 2027 is numbered `BZ/2027/...`, though it
   * is still 2026 in UTC.
   */
  async numberReceipts(em: EntityManager): Promise<number> {
    return inTransaction(em, { lockTimeoutMs: 10_000 }, async (tx) => {
      const now = this.clock.now();
      await query(tx, LOCK_RECEIPT_NUMBERING, []);
      const byYear = new Map<number, string[]>();
      for (const row of await query(tx, PENDING_RECEIPTS, [])) {
        const year = DateTime.fromJSDate(new Date(row.created_at), { zone: row.time_zone }).year;
        byYear.set(year, [...(byYear.get(year) ?? []), row.id]);
      }
      let numbered = 0;
      for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
        const [counter] = await query(tx, LOCK_RECEIPT_COUNTER, [year]);
        const [result] = await query(tx, NUMBER_RECEIPTS, [year, `BZ/${year}/`, counter!.last, byYear.get(year), now]);
        numbered += result?.numbered ?? 0;
      }
      return numbered;
    });
  }
}
