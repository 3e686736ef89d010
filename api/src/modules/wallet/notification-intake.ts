import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { newId } from '../../core/ids';
import { execute } from '../../db/sql';
import type { MidtransStatus } from './midtrans/gateway';
import { hasValidSignature, parseGrossAmount } from './midtrans/signature';
import type { PaymentConfirmation } from './payment-confirmation';
import { NotificationStore } from './notification-store';
import { SET_NEXT_CHECK, SET_NOTIFICATION_OUTCOME } from './payments.sql';

/** What the notification endpoint answers, and what it stored as the outcome. */
export interface NotificationResult {
  status: number;
  outcome: string;
}

export interface IntakeOptions {
  serverKey: string;
  merchantId: string;
}

/** Midtrans wants an answer within 5 s: a slower Get Status is a 503 (it retries; the job checks too). */
const NOTIFICATION_STATUS_DEADLINE_MS = 3500;

/**
 * The notification endpoint's work. The body is stored first (a database outage is a 503, so
 * Midtrans retries); then the signature, the test notification, the order, the amount, and Get
 * Status; then the confirmed status is applied, and the outcome stored with it.
 */
export class NotificationIntake {
  constructor(
    private readonly confirmation: PaymentConfirmation,
    private readonly clock: Clock,
    private readonly options: IntakeOptions,
  ) {
    this.store = new NotificationStore(() => this.clock.now());
  }

  private readonly store: NotificationStore;

  /**
   * `em` may be the ORM's root entity manager: everything here is named SQL or runs in a
   * transaction of its own (no unit of work to fork per notification).
   */
  async handle(em: EntityManager, rawBody: Buffer): Promise<NotificationResult> {
    const id = newId();
    const text = rawBody.toString('utf8');
    let body: unknown;
    let parsed = true;
    try {
      body = JSON.parse(text);
    } catch {
      parsed = false;
    }
    const claimed = (body as { order_id?: unknown } | null)?.order_id;
    const orderId: string | null = typeof claimed === 'string' ? claimed.slice(0, 200) : null;
    // Stored first, with the order it claims (signed or not): a crash after this leaves a row the job recovers.
    // The same round trip (shared with the requests arriving meanwhile) finds that order, used
    // below only once the signature holds.
    const found = await this.store.store(em, id, text, orderId);
    let workspaceId: string | null = null;
    const outcomeValues = (result: NotificationResult) => [
      id,
      result.outcome,
      result.status,
      orderId,
      workspaceId,
      this.clock.now(),
    ];
    const finish = async (result: NotificationResult) => {
      await execute(em, SET_NOTIFICATION_OUTCOME, outcomeValues(result));
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
    const order = found?.order_id === signedOrderId ? found : undefined;
    if (!order) return finish({ status: 404, outcome: 'UNKNOWN_ORDER' });
    workspaceId = order.workspace_id;
    if (parseGrossAmount(notification.gross_amount) !== BigInt(order.gross_amount)) {
      await this.confirmation.flag(em, order, 'AMOUNT_MISMATCH');
      return finish({ status: 200, outcome: 'AMOUNT_MISMATCH' });
    }
    try {
      // The outcome is written in the transaction that applied the status (CREDITED only if credited).
      const outcome = await this.confirmation.confirmAndApply(em, order.workspace_id, order.order_id, {
        deadlineMs: NOTIFICATION_STATUS_DEADLINE_MS,
        notificationId: id,
      });
      // Nothing was applied when Get Status does not know the order: its outcome is written here.
      return outcome === 'NOT_CONFIRMED' ? finish({ status: 200, outcome }) : { status: 200, outcome };
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
}
