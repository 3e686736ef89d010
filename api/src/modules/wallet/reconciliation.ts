import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import { execute, query } from '../../db/sql';
import { inTransaction } from '../../db/transaction';
import { Permission } from '../identity';
import { NotificationType, type NotificationsService } from '../notifications';
import type { PaymentGateway } from './midtrans/gateway';
import type { PaymentConfirmation } from './payment-confirmation';
import { nextCheckAt, pastExpiry } from './payment-schedule';
import {
  CLAIM_DUE_ORDERS,
  LOCK_ORDER,
  READ_ORDER,
  RECOVER_INTERRUPTED,
  SET_NEXT_CHECK,
  UPDATE_ORDER,
} from './payments.sql';
import type { ReceiptNumbering } from './receipt-numbering';

/**
 * A stored notification still RECEIVED after this long was interrupted (its process died): the
 * longest handling is the Get Status deadline plus a statement timeout, well under this.
 */
const INTERRUPTED_AFTER_MS = 15_000;

/** So a paid top-up is never missed: Get Status for every order due for a check, and the local expiry. */
export class PaymentReconciliation {
  constructor(
    private readonly confirmation: PaymentConfirmation,
    private readonly receipts: ReceiptNumbering,
    private readonly gateway: PaymentGateway,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * The reconciliation pass (the job): every order due for a check gets Get Status through the
   * same idempotent path; one past Midtrans' expiry plus the margin is expired there and here.
   */
  async reconcileDue(em: EntityManager, limit = 100): Promise<number> {
    // A receipt left unnumbered by a process that died right after a payment's commit.
    await this.receipts.numberReceipts(em);
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
    const outcome = await this.confirmation.confirmAndApply(em, workspaceId, orderId);
    const [order] = await query(em, READ_ORDER, [workspaceId, orderId]);
    if (!order || (order.status !== 'PENDING' && order.status !== 'CHALLENGE')) return outcome;
    if (!pastExpiry(order, this.clock.now())) {
      await execute(em, SET_NEXT_CHECK, [workspaceId, orderId, nextCheckAt(order, this.clock.now())]);
      return outcome;
    }
    await this.gateway.expire(orderId);
    // What Midtrans says after the expire call decides (a payment that raced it still credits).
    const after = await this.confirmation.confirmAndApply(em, workspaceId, orderId);
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
