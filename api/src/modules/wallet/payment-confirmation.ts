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
import { INSERT_RECEIPT, LOCK_ORDER, PLATFORM_ADMIN_IDS, UPDATE_ORDER, type OrderRow } from './payments.sql';
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
  /** Runs inside the transaction that applied the status, with its outcome (the stored notification's outcome). */
  record?: (tx: EntityManager, outcome: string) => Promise<void>;
}

/**
 * Applying what Midtrans' Get Status says about an order (the notification's own claim is never
 * enough). Money moves in one transaction that locks the order row and then the wallet row
 * (always in that order); every key is per order, status or refund id, so duplicates and
 * replays change nothing.
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

  /** Asks Get Status and applies what it says. */
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
    const outcome = await this.apply(em, workspaceId, orderId, answer.status, options.record);
    if (outcome === 'CREDITED') await this.receipts.numberSoon(em);
    return outcome;
  }

  /** One transaction: the order row locked, then the wallet's (inside WalletService). */
  private async apply(
    em: EntityManager,
    workspaceId: string,
    orderId: string,
    status: MidtransStatus,
    record?: ConfirmOptions['record'],
  ): Promise<string> {
    return inTransaction(em, { lockTimeoutMs: 10_000 }, async (tx) => {
      const outcome = await this.applyLocked(tx, workspaceId, orderId, status);
      if (record) await record(tx, outcome);
      return outcome;
    });
  }

  private async applyLocked(
    tx: EntityManager,
    workspaceId: string,
    orderId: string,
    status: MidtransStatus,
  ): Promise<string> {
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
    /** The wallet's part of a credit, run last: the wallet row stays locked for the fewest statements. */
    let creditWallet: (() => Promise<unknown>) | undefined;
    const paid = transaction === 'settlement' || (transaction === 'capture' && fraud === 'accept');
    if (paid) {
      if (credited === 0n) {
        creditWallet = () =>
          this.wallet.credit(tx, workspaceId, {
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
        await execute(tx, INSERT_RECEIPT, [order.workspace_id, newId(), order.id, this.clock.now()]);
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
      final ? null : nextCheckAt(order, this.clock.now()),
      this.clock.now(),
    ]);
    // The order row is locked already, so no other credit of it can start meanwhile.
    if (creditWallet) await creditWallet();
    return outcome;
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
