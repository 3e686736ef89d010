import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import { query } from '../../db/sql';
import { inTransaction } from '../../db/transaction';
import { LOCK_RECEIPT_COUNTER, NUMBER_RECEIPTS, READ_RECEIPT } from './payments.sql';

/**
 * Receipt numbers: gapless per year, in commit order, given after a payment's commit (a counter
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
   * Gives every receipt still without a number the next numbers of the year, in commit order
   * (gapless; called right after a credit commits, and by the reconciliation pass).
   */
  async numberReceipts(em: EntityManager): Promise<number> {
    return inTransaction(em, { lockTimeoutMs: 10_000 }, async (tx) => {
      const now = this.clock.now();
      const year = now.getUTCFullYear();
      const [counter] = await query(tx, LOCK_RECEIPT_COUNTER, [year]);
      const [result] = await query(tx, NUMBER_RECEIPTS, [year, `BZ/${year}/`, counter!.last, now]);
      return result?.numbered ?? 0;
    });
  }
}
