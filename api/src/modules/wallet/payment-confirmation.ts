import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { newId } from '../../core/ids';
import type { Logger } from '../../core/logger';
import { rupiah, type Rupiah } from '../../core/money';
import { execute, query } from '../../db/sql';
import { inTransaction } from '../../db/transaction';
import { walletAnomalies } from '../../metrics/platform';
import { Permission } from '../identity';
import { NotificationType, type NotificationsService } from '../notifications';
import type { MidtransStatus, PaymentGateway } from './midtrans/gateway';
import { parseGrossAmount } from './midtrans/signature';
import type { OrderStatus } from './payment-orders';
import { nextCheckAt } from './payment-schedule';
import {
  INSERT_RECEIPTS,
  LOCK_ORDERS,
  PLATFORM_ADMIN_IDS,
  SET_NOTIFICATION_OUTCOMES,
  UPDATE_ORDER,
  UPDATE_ORDERS,
  type OrderRow,
} from './payments.sql';
import type { ReceiptNumbering } from './receipt-numbering';
import type { WalletService } from './wallet.service';

/** Midtrans' reversal statuses: always applied in full (GATEWAYS.md 2.3). */
const REFUND_STATUSES = new Set(['refund', 'partial_refund', 'chargeback', 'partial_chargeback']);
const FINAL_UNPAID: Record<string, OrderStatus> = {
  deny: 'FAILED',
  failure: 'FAILED',
  cancel: 'CANCELLED',
  expire: 'EXPIRED',
};

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('SERVICE_UNAVAILABLE', 'wallet.gatewayUnavailable')), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export interface ConfirmOptions {
  /** A slower Get Status is SERVICE_UNAVAILABLE (the notification endpoint must answer within 5 s). */
  deadlineMs?: number;
  /** The stored notification whose outcome is written in the transaction that applied the status. */
  notificationId?: string;
}

/** A status confirmed by Get Status, to apply to its order. */
interface Confirmed {
  workspaceId: string;
  orderId: string;
  status: MidtransStatus;
  notificationId?: string;
}

/** Confirmations applied per transaction at most (a burst of notifications shares one commit). */
const APPLY_BATCH = 200;

/**
 * What a batch of confirmations writes, collected while its orders are decided and written
 * together at the end: receipts, the orders' new states, the notifications' outcomes, and last
 * (so the wallet rows stay locked for the fewest statements) the wallets' credits.
 */
class BatchWrites {
  readonly receipts: string[][] = [[], [], []];
  readonly orders = new Map<string, OrderRow>();
  readonly outcomes: unknown[][] = [[], [], [], []];
  readonly credits: Parameters<WalletService['creditMany']>[1] = [];
  /** PAYMENT_SETTLED notifications, written together. */
  readonly settled: { workspaceId: string; params: { orderId: string; amount: string } }[] = [];
}

const orderKey = (workspaceId: string, orderId: string) => `${workspaceId} ${orderId}`;

/**
 * Applying what Midtrans' Get Status says about an order (the notification's own claim is never
 * enough). Confirmations that arrive together are applied together, up to APPLY_BATCH per
 * transaction, one transaction at a time per process: their order rows locked first (in id
 * order), then each decided in turn (an order named twice sees its first outcome), then the
 * receipts, orders and outcomes written, and the wallets' rows locked and credited last (in
 * workspace order). Every key is per order, status or refund id, so duplicates and replays
 * change nothing; a batch that fails is applied one confirmation per transaction, so one bad
 * confirmation fails alone.
 */
export class PaymentConfirmation {
  constructor(
    private readonly wallet: WalletService,
    private readonly gateway: PaymentGateway,
    private readonly notifications: NotificationsService,
    private readonly receipts: ReceiptNumbering,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  private readonly waiting: {
    item: Confirmed;
    resolve: (outcome: string) => void;
    reject: (error: unknown) => void;
  }[] = [];
  private applying = false;

  /** Asks Get Status and applies what it says (with the outcome written to the stored notification, if named). */
  async confirmAndApply(
    em: EntityManager,
    workspaceId: string,
    orderId: string,
    options: ConfirmOptions = {},
  ): Promise<string> {
    const answer =
      options.deadlineMs === undefined
        ? await this.gateway.status(orderId)
        : await withDeadline(this.gateway.status(orderId), options.deadlineMs);
    if (!answer.found) return 'NOT_CONFIRMED';
    const item = { workspaceId, orderId, status: answer.status, notificationId: options.notificationId };
    if (em.isInTransaction()) return (await this.applyBatch(em, [item]))[0]!;
    return new Promise<string>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.applyWaiting(em);
    });
  }

  /**
   * Applies what waits, a batch per transaction, one transaction at a time; confirmations that
   * arrive meanwhile wait for the next. A request is answered once its batch committed and, when
   * it credited, the receipts were numbered.
   */
  private applyWaiting(em: EntityManager): void {
    if (this.applying || this.waiting.length === 0) return;
    this.applying = true;
    const batch = this.waiting.splice(0, APPLY_BATCH);
    void this.applyOrOneByOne(
      em,
      batch.map((waiting) => waiting.item),
    )
      .then((results) => {
        this.applying = false;
        this.applyWaiting(em);
        const credited = results.some((result) => result === 'CREDITED');
        return (credited ? this.receipts.numberSoon(em) : Promise.resolve()).then(() =>
          results.forEach((result, index) =>
            result instanceof Error ? batch[index]!.reject(result) : batch[index]!.resolve(result),
          ),
        );
      })
      .catch((error: unknown) => {
        this.applying = false;
        this.applyWaiting(em);
        batch.forEach((waiting) => waiting.reject(error));
      });
  }

  /** The batch in one transaction; if it fails, each confirmation in its own (its error is its own). */
  private async applyOrOneByOne(em: EntityManager, items: Confirmed[]): Promise<(string | Error)[]> {
    try {
      return await this.applyBatch(em, items);
    } catch (error) {
      if (items.length === 1) return [error instanceof Error ? error : new Error(String(error))];
      this.logger.warn(
        { err: error, confirmations: items.length },
        'a batch of payment confirmations failed; applying one by one',
      );
      const results: (string | Error)[] = [];
      for (const item of items) {
        results.push(
          await this.applyBatch(em, [item]).then(
            ([outcome]) => outcome!,
            (failure: unknown) => (failure instanceof Error ? failure : new Error(String(failure))),
          ),
        );
      }
      return results;
    }
  }

  /**
   * One transaction for many confirmations (a deadlock with another installation process's batch
   * is retried: nothing here leaves the database). Outcomes in the order of `items`.
   */
  private async applyBatch(em: EntityManager, items: Confirmed[]): Promise<string[]> {
    return inTransaction(em, { lockTimeoutMs: 10_000, retryOnSerialization: 2 }, async (tx) => {
      const writes = new BatchWrites();
      const pairs = new Map(items.map((item) => [orderKey(item.workspaceId, item.orderId), item]));
      const locked = await query(tx, LOCK_ORDERS, [
        [...pairs.values()].map((item) => item.workspaceId),
        [...pairs.values()].map((item) => item.orderId),
      ]);
      const current = new Map(locked.map((row) => [orderKey(row.workspace_id, row.order_id), row]));
      // Decided in workspace order, each order's confirmations in the order they came.
      const sequence = items
        .map((item, index) => ({ item, index }))
        .sort((a, b) => compare(a.item.workspaceId, b.item.workspaceId) || compare(a.item.orderId, b.item.orderId));
      const outcomes: string[] = new Array<string>(items.length);
      for (const { item, index } of sequence) {
        const key = orderKey(item.workspaceId, item.orderId);
        const order = current.get(key);
        const outcome = order ? await this.decide(tx, order, item.status, writes) : 'UNKNOWN_ORDER';
        if (order) current.set(key, writes.orders.get(key)!);
        outcomes[index] = outcome;
        if (item.notificationId) {
          [item.notificationId, outcome, 200, item.workspaceId].forEach((value, column) =>
            writes.outcomes[column]!.push(value),
          );
        }
      }
      await this.write(tx, writes);
      return outcomes;
    });
  }

  /** A batch's writes: receipts, orders, outcomes, then the wallets (locked last). */
  private async write(tx: EntityManager, writes: BatchWrites): Promise<void> {
    const now = this.clock.now();
    if (writes.receipts[0]!.length > 0) await execute(tx, INSERT_RECEIPTS, [...writes.receipts, now]);
    if (writes.orders.size > 0) {
      const rows = [...writes.orders.values()];
      await execute(tx, UPDATE_ORDERS, [
        rows.map((row) => row.workspace_id),
        rows.map((row) => row.order_id),
        rows.map((row) => row.status),
        rows.map((row) => row.midtrans_status),
        rows.map((row) => row.payment_type),
        rows.map((row) => row.flagged),
        rows.map((row) => row.flag_reason),
        rows.map((row) => row.credited),
        rows.map((row) => row.reversed),
        rows.map((row) => row.paid_at),
        rows.map((row) => row.next_check_at),
        now,
      ]);
    }
    if (writes.outcomes[0]!.length > 0) await execute(tx, SET_NOTIFICATION_OUTCOMES, [...writes.outcomes, now]);
    await this.notifications.notifyMany(tx, NotificationType.PAYMENT_SETTLED, writes.settled, Permission.WALLET_READ);
    await this.wallet.creditMany(tx, writes.credits);
  }

  /**
   * What one confirmed status does to its order, the row locked and `order` its state so far
   * (this batch's earlier confirmations of it included). The order's new state, its receipt and
   * its credit go into `writes`; a reversal debits the wallet here (rare; it pauses campaigns).
   */
  private async decide(
    tx: EntityManager,
    order: OrderRow,
    status: MidtransStatus,
    writes: BatchWrites,
  ): Promise<string> {
    const { workspace_id: workspaceId, order_id: orderId } = order;
    const key = orderKey(workspaceId, orderId);
    if (status.order_id !== orderId || parseGrossAmount(status.gross_amount) !== BigInt(order.gross_amount)) {
      writes.orders.set(key, { ...order, flagged: true, flag_reason: 'STATUS_MISMATCH' });
      this.logger.error({ orderId, reason: 'STATUS_MISMATCH' }, 'payment order flagged for the platform admin');
      await this.notifyPlatformAdmins(tx, order, 'STATUS_MISMATCH');
      return 'STATUS_MISMATCH';
    }
    const state = { ...order };
    const transaction = String(status.transaction_status ?? '').toLowerCase();
    const fraud = String(status.fraud_status ?? '').toLowerCase();
    const credited = rupiah(order.credited);
    let outcome = 'NO_CHANGE';
    const paid = transaction === 'settlement' || (transaction === 'capture' && fraud === 'accept');
    // A refund or chargeback is only ever of a paid order (settlement -> refund/chargeback): when its settlement
    // was never seen here (notifications lost or out of order), the payment is credited before the refund is
    // debited, or the rest of the top-up would never reach the wallet.
    const paidThenReversed = REFUND_STATUSES.has(transaction) && credited === 0n;
    if (paid || paidThenReversed) {
      if (credited === 0n) {
        // Written last of the batch, so the wallet row stays locked for the fewest statements.
        writes.credits.push({
          workspaceId,
          amount: rupiah(order.credit_amount),
          key: `topup:${orderId}`,
          reference: orderId,
          actor: 'midtrans',
          details: { paymentType: status.payment_type ?? null },
        });
        if (['EXPIRED', 'CANCELLED', 'FAILED'].includes(order.status)) {
          state.flagged = true;
          state.flag_reason = `PAID_AFTER_${order.status}`;
          await this.notifyPlatformAdmins(tx, order, state.flag_reason);
        }
        state.credited = order.credit_amount;
        state.status = 'PAID';
        state.paid_at = this.clock.now();
        [workspaceId, newId(), order.id].forEach((value, column) => writes.receipts[column]!.push(value));
        writes.settled.push({ workspaceId, params: { orderId, amount: order.credit_amount } });
        outcome = 'CREDITED';
      } else outcome = 'DUPLICATE';
      if (paidThenReversed) {
        await this.applyRefunds(tx, writes, workspaceId, order, state, status, transaction);
        outcome = 'CREDITED';
      }
    } else if (transaction === 'capture' && fraud === 'challenge') {
      if (order.status === 'PENDING') {
        state.status = 'CHALLENGE';
        outcome = 'CHALLENGE';
      }
    } else if (REFUND_STATUSES.has(transaction)) {
      outcome = await this.applyRefunds(tx, writes, workspaceId, order, state, status, transaction);
    } else if (FINAL_UNPAID[transaction]) {
      if (credited > 0n && (transaction === 'expire' || transaction === 'failure')) {
        // Not a transition Midtrans documents for a paid order: the platform admin looks at it.
        state.flagged = true;
        state.flag_reason = `${transaction.toUpperCase()}_AFTER_PAID`;
        await this.notifyPlatformAdmins(tx, order, state.flag_reason);
        outcome = 'FLAGGED';
      } else if (credited > 0n) {
        // A deny after settlement, a cancel after a credited capture: the credit goes back in full.
        outcome = await this.reverse(
          tx,
          writes,
          workspaceId,
          order,
          state,
          `reversal:${orderId}:${transaction}`,
          transaction,
          rupiah(credited - rupiah(order.reversed)),
        );
      } else if (order.status === 'PENDING' || order.status === 'CHALLENGE') {
        state.status = FINAL_UNPAID[transaction]!;
        const type = transaction === 'expire' ? NotificationType.PAYMENT_EXPIRED : NotificationType.PAYMENT_FAILED;
        await this.notifications.notify(
          tx,
          workspaceId,
          type,
          { orderId, amount: order.gross_amount },
          { permission: Permission.WALLET_READ },
        );
        outcome = state.status;
      }
    }
    // A late `pending` (or anything else) never regresses a status.
    if (state.status !== 'PAID' || !state.midtrans_status || outcome !== 'NO_CHANGE')
      state.midtrans_status = transaction.slice(0, 30);
    if (status.payment_type) state.payment_type = String(status.payment_type).slice(0, 40);
    const final = state.status !== 'PENDING' && state.status !== 'CHALLENGE';
    state.next_check_at = final ? null : nextCheckAt(order, this.clock.now());
    writes.orders.set(key, state);
    return outcome;
  }

  /** Each refund or chargeback id is one debit (Midtrans sends each twice), capped at what is left of the credit. */
  private async applyRefunds(
    tx: EntityManager,
    writes: BatchWrites,
    workspaceId: string,
    order: OrderRow,
    state: OrderRow,
    status: MidtransStatus,
    transaction: string,
  ) {
    const items = [...(status.refunds ?? []), ...(status.chargebacks ?? [])];
    let applied = 0;
    for (const item of items) {
      const amount = parseGrossAmount(item.refund_amount);
      if (item.refund_chargeback_id === undefined || amount === undefined || amount <= 0n) continue;
      const left = rupiah(state.credited) - rupiah(state.reversed);
      const outcome = await this.reverse(
        tx,
        writes,
        workspaceId,
        order,
        state,
        `refund:${order.order_id}:${item.refund_chargeback_id}`,
        transaction,
        rupiah(amount < left ? amount : left),
      );
      if (outcome === 'REVERSED') applied++;
    }
    return applied > 0 ? 'REVERSED' : 'NO_CHANGE';
  }

  private async reverse(
    tx: EntityManager,
    writes: BatchWrites,
    workspaceId: string,
    order: OrderRow,
    state: OrderRow,
    key: string,
    transaction: string,
    amount: Rupiah,
  ) {
    if (amount <= 0n) return 'NO_CHANGE';
    // Credits this batch decided come first: a settlement and its deny in one batch credit, then debit.
    await this.wallet.creditMany(tx, writes.credits.splice(0));
    const { applied } = await this.wallet.debit(tx, workspaceId, {
      kind: 'REVERSAL',
      amount,
      key,
      reference: order.order_id,
      actor: 'midtrans',
      details: { status: transaction },
    });
    if (!applied) return 'NO_CHANGE';
    state.reversed = (rupiah(state.reversed) + amount).toString();
    await this.notifications.notify(
      tx,
      workspaceId,
      NotificationType.PAYMENT_REVERSED,
      { orderId: order.order_id, amount: amount.toString() },
      { permission: Permission.WALLET_READ },
    );
    return 'REVERSED';
  }

  /** Marks the order for the platform admin's attention (nothing credited for it here). */
  async flag(em: EntityManager, order: OrderRow, reason: string) {
    await execute(em, UPDATE_ORDER, [
      order.workspace_id,
      order.order_id,
      order.status,
      order.midtrans_status,
      null,
      true,
      reason,
      order.credited,
      order.reversed,
      order.paid_at,
      order.next_check_at,
      this.clock.now(),
    ]);
    this.logger.error({ orderId: order.order_id, reason }, 'payment order flagged for the platform admin');
    await this.notifyPlatformAdmins(em, order, reason);
  }

  /**
   * Tells the platform admins that an order needs a look, in the order's workspace (the inbox
   * a notification belongs to; they open the workspace from the platform page).
   */
  private async notifyPlatformAdmins(em: EntityManager, order: OrderRow, reason: string) {
    // Every flag passes here. Counted per attempt: a transaction retried on a serialization
    // failure counts twice, which an alert on "any increase" tolerates.
    walletAnomalies.inc({ reason: /^[A-Z_]{1,40}$/.test(reason) ? reason : 'OTHER' });
    const admins = (await query(em, PLATFORM_ADMIN_IDS, [])).map((row) => row.id);
    const params = { orderId: order.order_id, reason };
    if (admins.length > 0) {
      await this.notifications.notify(em, order.workspace_id, NotificationType.PAYMENT_FLAGGED, params, {
        userIds: admins,
      });
    }
  }
}
