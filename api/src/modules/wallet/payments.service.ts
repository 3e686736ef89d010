import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { newId, newOrderId } from '../../core/ids';
import type { Logger } from '../../core/logger';
import { formatRupiah, rupiah, type Rupiah } from '../../core/money';
import { execute, query } from '../../db/sql';
import { inTransaction } from '../../db/transaction';
import { walletAnomalies } from '../../metrics/platform';
import { Permission, type WorkspaceIdentity } from '../identity';
import { NotificationType, type NotificationsService } from '../notifications';
import { GatewayError, type MidtransStatus, type PaymentGateway } from './midtrans/gateway';
import { hasValidSignature, parseGrossAmount } from './midtrans/signature';
import {
  CLAIM_DUE_ORDERS,
  FAIL_ORDER,
  FIND_ORDER_ANY_WORKSPACE,
  INSERT_ORDER,
  INSERT_RECEIPT,
  LOCK_ORDER,
  LOCK_RECEIPT_COUNTER,
  NUMBER_RECEIPTS,
  PAGE_ORDERS,
  READ_ORDER,
  READ_RECEIPT,
  PLATFORM_ADMIN_IDS,
  RECOVER_INTERRUPTED,
  SET_NEXT_CHECK,
  SET_NOTIFICATION_OUTCOME,
  SET_SNAP,
  STORE_NOTIFICATION,
  UPDATE_ORDER,
  type OrderRow,
} from './payments.sql';
import { splitTax, type TaxPolicy } from './tax';
import type { WalletService } from './wallet.service';

export type OrderStatus = 'PENDING' | 'CHALLENGE' | 'PAID' | 'EXPIRED' | 'CANCELLED' | 'FAILED';

export interface PaymentOrderView {
  orderId: string;
  status: OrderStatus;
  amount: Rupiah;
  creditAmount: Rupiah;
  taxAmount: Rupiah;
  midtransStatus: string | null;
  paymentType: string | null;
  flagged: boolean;
  flagReason: string | null;
  credited: Rupiah;
  reversed: Rupiah;
  redirectUrl: string | null;
  expiresAt: Date;
  paidAt: Date | null;
  createdAt: Date;
  id: string;
}

export interface PaymentsOptions {
  serverKey: string;
  merchantId: string;
  allowedPaymentTypes: string[];
  expiryMinutes: number;
  minimum: Rupiah;
  maximum: Rupiah;
  tax: TaxPolicy;
  /** Where Snap's finish button leads (the dashboard's wallet page). */
  finishUrl: string;
}

/** What the notification endpoint answers, and what it stored as the outcome. */
export interface NotificationResult {
  status: number;
  outcome: string;
}

/** Midtrans' reversal statuses: always applied in full (GATEWAYS.md 2.3). */
const REFUND_STATUSES = new Set(['refund', 'partial_refund', 'chargeback', 'partial_chargeback']);
const FINAL_UNPAID: Record<string, OrderStatus> = {
  deny: 'FAILED',
  failure: 'FAILED',
  cancel: 'CANCELLED',
  expire: 'EXPIRED',
};
/** Get Status checks after the order was created (then hourly until Midtrans' expiry). */
const CHECK_OFFSETS_MIN = [1, 5, 15, 60];
/** Midtrans' expiry notifications take up to 90 s: an order expires locally only after this margin. */
const EXPIRY_MARGIN_MS = 10 * 60_000;

/**
 * A stored notification still RECEIVED after this long was interrupted (its process died): the
 * longest handling is the Get Status deadline plus a statement timeout, well under this.
 */
const INTERRUPTED_AFTER_MS = 15_000;

/** Midtrans wants an answer within 5 s: a slower Get Status is a 503 (it retries; the job checks too). */
const NOTIFICATION_STATUS_DEADLINE_MS = 3500;

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('SERVICE_UNAVAILABLE', 'wallet.gatewayUnavailable')), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function toView(row: OrderRow): PaymentOrderView {
  return {
    id: row.id,
    orderId: row.order_id,
    status: row.status as OrderStatus,
    amount: rupiah(row.gross_amount),
    creditAmount: rupiah(row.credit_amount),
    taxAmount: rupiah(row.tax_amount),
    midtransStatus: row.midtrans_status,
    paymentType: row.payment_type,
    flagged: row.flagged,
    flagReason: row.flag_reason,
    credited: rupiah(row.credited),
    reversed: rupiah(row.reversed),
    redirectUrl: row.redirect_url,
    expiresAt: new Date(row.expires_at),
    paidAt: row.paid_at ? new Date(row.paid_at) : null,
    createdAt: new Date(row.created_at),
  };
}

/** "2026-12-01 17:05:00 +0700": Snap's expiry start time, in Jakarta time (UTC+7, no daylight saving). */
function snapTime(date: Date): string {
  const jakarta = new Date(date.getTime() + 7 * 3_600_000).toISOString();
  return `${jakarta.slice(0, 10)} ${jakarta.slice(11, 19)} +0700`;
}

/**
 * Top-ups through Midtrans Snap and everything Midtrans tells us about them. Money moves only
 * after Get Status confirms, in one transaction that locks the order row and then the wallet
 * row (always in that order); every key is per order, status or refund id, so duplicates and
 * replays change nothing.
 */
export class PaymentsService {
  constructor(
    private readonly wallet: WalletService,
    private readonly gateway: PaymentGateway,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: PaymentsOptions,
  ) {}

  /** Commits the PENDING order first, then asks Snap: a payment can never arrive for an order we lack. */
  async createTopup(
    em: EntityManager,
    caller: WorkspaceIdentity,
    amount: Rupiah,
    customer: { name: string; email?: string },
  ) {
    const { minimum, maximum } = this.options;
    if (amount < minimum) {
      throw new AppError(
        'BAD_USER_INPUT',
        'wallet.topupMinimum',
        { minimum: formatRupiah(minimum) },
        { amount: 'wallet.topupMinimum' },
      );
    }
    if (amount > maximum) {
      throw new AppError(
        'BAD_USER_INPUT',
        'wallet.topupMaximum',
        { maximum: formatRupiah(maximum) },
        { amount: 'wallet.topupMaximum' },
      );
    }
    const { gross, credit, tax } = splitTax(amount, this.options.tax);
    const now = this.clock.now();
    const orderId = newOrderId('topup', now);
    const expiresAt = new Date(now.getTime() + this.options.expiryMinutes * 60_000);
    await execute(em, INSERT_ORDER, [
      caller.workspaceId,
      newId(),
      orderId,
      gross.toString(),
      credit.toString(),
      tax.toString(),
      expiresAt,
      new Date(now.getTime() + CHECK_OFFSETS_MIN[0]! * 60_000),
      caller.userId,
      now,
    ]);
    const items = [
      {
        id: 'wallet-topup',
        price: Number(this.options.tax.mode === 'exclusive' ? credit : gross),
        quantity: 1,
        name: 'BizOne wallet top-up',
      },
    ];
    if (this.options.tax.mode === 'exclusive' && tax > 0n)
      items.push({ id: 'ppn', price: Number(tax), quantity: 1, name: 'PPN' });
    let snap: { token: string; redirectUrl: string };
    try {
      snap = await this.gateway.createSnap({
        transaction_details: { order_id: orderId, gross_amount: Number(gross) },
        item_details: items,
        customer_details: {
          first_name: customer.name.slice(0, 255),
          ...(customer.email ? { email: customer.email } : {}),
        },
        enabled_payments: this.options.allowedPaymentTypes,
        expiry: { start_time: snapTime(now), unit: 'minute', duration: this.options.expiryMinutes },
        callbacks: { finish: this.options.finishUrl },
      });
    } catch (error) {
      if (!(error instanceof GatewayError)) throw error;
      this.logger.warn(
        { orderId, httpStatus: error.httpStatus, midtrans: error.gatewayMessages },
        'Snap refused a top-up',
      );
      // No payment page exists for it: the order can never be paid. (Without an answer, the job still checks it.)
      if (error.httpStatus !== undefined)
        await execute(em, FAIL_ORDER, [caller.workspaceId, orderId, this.clock.now()]);
      throw error.toAppError();
    }
    await execute(em, SET_SNAP, [caller.workspaceId, orderId, snap.token, snap.redirectUrl, this.clock.now()]);
    const [row] = await query(em, READ_ORDER, [caller.workspaceId, orderId]);
    return { order: toView(row!), snapToken: snap.token, redirectUrl: snap.redirectUrl };
  }

  async order(em: EntityManager, workspaceId: string, orderId: string): Promise<PaymentOrderView | undefined> {
    const [row] = await query(em, READ_ORDER, [workspaceId, orderId]);
    return row ? toView(row) : undefined;
  }

  async page(em: EntityManager, workspaceId: string, options: { after?: string; statuses?: string[]; limit: number }) {
    const rows = await query(em, PAGE_ORDERS, [
      workspaceId,
      options.after ?? null,
      options.statuses ?? null,
      options.limit + 1,
    ]);
    return { items: rows.slice(0, options.limit).map(toView), hasNextPage: rows.length > options.limit };
  }

  async receipt(em: EntityManager, workspaceId: string, orderId: string) {
    const [row] = await query(em, READ_RECEIPT, [workspaceId, orderId]);
    if (!row) return undefined;
    const number =
      row.number ?? (await this.numberReceipts(em), (await query(em, READ_RECEIPT, [workspaceId, orderId]))[0]?.number);
    return number ? { number, issuedAt: new Date(row.created_at) } : undefined;
  }

  /**
   * The notification endpoint's work. The body is stored first (a database outage is a 503,
   * so Midtrans retries); then the signature, the test notification, the order, the amount,
   * and Get Status; then the confirmed status is applied.
   */
  async handleNotification(em: EntityManager, rawBody: Buffer): Promise<NotificationResult> {
    const id = newId();
    let body: unknown;
    let parsed = true;
    try {
      body = JSON.parse(rawBody.toString('utf8'));
    } catch {
      parsed = false;
    }
    const claimed = (body as { order_id?: unknown } | null)?.order_id;
    const orderId: string | null = typeof claimed === 'string' ? claimed.slice(0, 200) : null;
    // Stored first, with the order it claims (signed or not): a crash after this leaves a row the job recovers.
    await execute(em, STORE_NOTIFICATION, [id, rawBody.toString('utf8'), orderId, this.clock.now()]);
    let workspaceId: string | null = null;
    const finish = async (result: NotificationResult) => {
      await execute(em, SET_NOTIFICATION_OUTCOME, [
        id,
        result.outcome,
        result.status,
        orderId,
        workspaceId,
        this.clock.now(),
      ]);
      return result;
    };
    if (!parsed) return finish({ status: 400, outcome: 'INVALID_JSON' });
    if (!body || typeof body !== 'object' || Array.isArray(body))
      return finish({ status: 400, outcome: 'BAD_SIGNATURE' });
    const notification = body as MidtransStatus & Record<string, unknown>;
    if (!hasValidSignature(notification, this.options.serverKey))
      return finish({ status: 400, outcome: 'BAD_SIGNATURE' });
    // A valid signature means order_id is a string (hasValidSignature checks all four fields).
    const signedOrderId = notification.order_id as string;
    if (signedOrderId.startsWith('payment_notif_test_') && notification.merchant_id === this.options.merchantId) {
      return finish({ status: 200, outcome: 'TEST' });
    }
    const [order] = await query(em, FIND_ORDER_ANY_WORKSPACE, [signedOrderId]);
    if (!order) return finish({ status: 404, outcome: 'UNKNOWN_ORDER' });
    workspaceId = order.workspace_id;
    if (parseGrossAmount(notification.gross_amount) !== BigInt(order.gross_amount)) {
      await this.flag(em, order, 'AMOUNT_MISMATCH');
      return finish({ status: 200, outcome: 'AMOUNT_MISMATCH' });
    }
    try {
      const outcome = await this.confirmAndApply(
        em,
        order.workspace_id,
        order.order_id,
        NOTIFICATION_STATUS_DEADLINE_MS,
      );
      return finish({ status: 200, outcome });
    } catch (error) {
      if (error instanceof AppError && error.code === 'SERVICE_UNAVAILABLE') {
        // Midtrans retries a 503; the reconciliation job checks this order soon as well.
        await execute(em, SET_NEXT_CHECK, [order.workspace_id, order.order_id, this.clock.now()]).catch(
          () => undefined,
        );
        return finish({ status: 503, outcome: 'STATUS_UNAVAILABLE' });
      }
      throw error;
    }
  }

  /** Asks Get Status and applies what it says (the notification's own claim is never enough). */
  async confirmAndApply(em: EntityManager, workspaceId: string, orderId: string, deadlineMs?: number): Promise<string> {
    const answer =
      deadlineMs === undefined
        ? await this.gateway.status(orderId)
        : await withDeadline(this.gateway.status(orderId), deadlineMs);
    if (!answer.found) return 'NOT_CONFIRMED';
    const outcome = await this.apply(em, workspaceId, orderId, answer.status);
    if (outcome === 'CREDITED') await this.numberReceiptsSoon(em);
    return outcome;
  }

  /** One transaction: the order row locked, then the wallet's (inside WalletService). */
  private async apply(
    em: EntityManager,
    workspaceId: string,
    orderId: string,
    status: MidtransStatus,
  ): Promise<string> {
    return inTransaction(em, { lockTimeoutMs: 10_000 }, async (tx) => {
      const [order] = await query(tx, LOCK_ORDER, [workspaceId, orderId]);
      if (!order) return 'UNKNOWN_ORDER';
      if (status.order_id !== orderId || parseGrossAmount(status.gross_amount) !== BigInt(order.gross_amount)) {
        await this.flag(tx, order, 'STATUS_MISMATCH');
        return 'STATUS_MISMATCH';
      }
      const state = { ...order };
      const transaction = String(status.transaction_status ?? '').toLowerCase();
      const fraud = String(status.fraud_status ?? '').toLowerCase();
      const credited = rupiah(order.credited);
      let outcome = 'NO_CHANGE';
      const paid = transaction === 'settlement' || (transaction === 'capture' && fraud === 'accept');
      if (paid) {
        if (credited === 0n) {
          await this.wallet.credit(tx, workspaceId, {
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
          await this.issueReceipt(tx, order);
          await this.notifications.notify(
            tx,
            workspaceId,
            NotificationType.PAYMENT_SETTLED,
            { orderId, amount: order.credit_amount },
            { permission: Permission.WALLET_READ },
          );
          outcome = 'CREDITED';
        } else outcome = 'DUPLICATE';
      } else if (transaction === 'capture' && fraud === 'challenge') {
        if (order.status === 'PENDING') {
          state.status = 'CHALLENGE';
          outcome = 'CHALLENGE';
        }
      } else if (REFUND_STATUSES.has(transaction)) {
        outcome = await this.applyRefunds(tx, workspaceId, order, state, status, transaction);
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
      const final = state.status !== 'PENDING' && state.status !== 'CHALLENGE';
      const nextCheck = final ? null : this.nextCheckAt(order);
      await execute(tx, UPDATE_ORDER, [
        workspaceId,
        orderId,
        state.status,
        state.midtrans_status,
        status.payment_type ? String(status.payment_type).slice(0, 40) : null,
        state.flagged,
        state.flag_reason,
        state.credited,
        state.reversed,
        state.paid_at,
        nextCheck,
        this.clock.now(),
      ]);
      return outcome;
    });
  }

  /** Each refund or chargeback id is one debit (Midtrans sends each twice), capped at what is left of the credit. */
  private async applyRefunds(
    tx: EntityManager,
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
    workspaceId: string,
    order: OrderRow,
    state: OrderRow,
    key: string,
    transaction: string,
    amount: Rupiah,
  ) {
    if (amount <= 0n) return 'NO_CHANGE';
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

  private async issueReceipt(tx: EntityManager, order: OrderRow) {
    await execute(tx, INSERT_RECEIPT, [order.workspace_id, newId(), order.id, this.clock.now()]);
  }

  private running: Promise<unknown> = Promise.resolve();
  private queued?: Promise<void>;

  /**
   * Numbers receipts after a credit, coalescing a burst: a caller joins the run queued behind
   * the current one (it starts after this call, so it sees this caller's commit), or queues one.
   * A failure is logged, not thrown: the credit is committed, and the next pass numbers it.
   */
  private numberReceiptsSoon(em: EntityManager): Promise<void> {
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

  private async flag(em: EntityManager, order: OrderRow, reason: string) {
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

  /** 1, 5, 15 and 60 minutes after creation, then hourly, and a last check after Midtrans' expiry plus the margin. */
  nextCheckAt(order: Pick<OrderRow, 'created_at' | 'expires_at'>): Date {
    const now = this.clock.now().getTime();
    const created = new Date(order.created_at).getTime();
    const last = new Date(order.expires_at).getTime() + EXPIRY_MARGIN_MS;
    const planned =
      CHECK_OFFSETS_MIN.map((minutes) => created + minutes * 60_000).find((time) => time > now) ?? now + 3_600_000;
    return new Date(Math.min(planned, last));
  }

  /**
   * The reconciliation pass (the job): every order due for a check gets Get Status through the
   * same idempotent path; one past Midtrans' expiry plus the margin is expired there and here.
   */
  async reconcileDue(em: EntityManager, limit = 100): Promise<number> {
    // A receipt left unnumbered by a process that died right after a payment's commit.
    await this.numberReceipts(em);
    const now = this.clock.now();
    await execute(em, RECOVER_INTERRUPTED, [now, new Date(now.getTime() - INTERRUPTED_AFTER_MS)]);
    const due = await query(em, CLAIM_DUE_ORDERS, [this.clock.now(), limit]);
    for (const { workspace_id: workspaceId, order_id: orderId } of due) {
      try {
        await this.reconcileOne(em, workspaceId, orderId);
      } catch (error) {
        this.logger.warn({ err: error, orderId }, 'reconciliation check failed; retried at the next pass');
      }
    }
    return due.length;
  }

  /** One order's check (also what Snap's finish redirect triggers). */
  async reconcileOne(em: EntityManager, workspaceId: string, orderId: string): Promise<string> {
    const outcome = await this.confirmAndApply(em, workspaceId, orderId);
    const [order] = await query(em, READ_ORDER, [workspaceId, orderId]);
    if (!order || (order.status !== 'PENDING' && order.status !== 'CHALLENGE')) return outcome;
    const pastExpiry = this.clock.now().getTime() >= new Date(order.expires_at).getTime() + EXPIRY_MARGIN_MS;
    if (!pastExpiry) {
      await execute(em, SET_NEXT_CHECK, [workspaceId, orderId, this.nextCheckAt(order)]);
      return outcome;
    }
    await this.gateway.expire(orderId);
    // What Midtrans says after the expire call decides (a payment that raced it still credits).
    const after = await this.confirmAndApply(em, workspaceId, orderId);
    return inTransaction(em, { lockTimeoutMs: 10_000 }, async (tx) => {
      const [locked] = await query(tx, LOCK_ORDER, [workspaceId, orderId]);
      if (!locked || (locked.status !== 'PENDING' && locked.status !== 'CHALLENGE')) return after;
      await execute(tx, UPDATE_ORDER, [
        workspaceId,
        orderId,
        'EXPIRED',
        locked.midtrans_status,
        null,
        locked.flagged,
        locked.flag_reason,
        locked.credited,
        locked.reversed,
        null,
        null,
        this.clock.now(),
      ]);
      await this.notifications.notify(
        tx,
        workspaceId,
        NotificationType.PAYMENT_EXPIRED,
        { orderId, amount: locked.gross_amount },
        { permission: Permission.WALLET_READ },
      );
      return 'EXPIRED';
    });
  }
}
