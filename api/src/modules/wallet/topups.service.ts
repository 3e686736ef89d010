import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { newId, newOrderId } from '../../core/ids';
import type { Logger } from '../../core/logger';
import { formatRupiah, type Rupiah } from '../../core/money';
import { execute, query } from '../../db/sql';
import type { WorkspaceIdentity } from '../identity';
import { GatewayError, type PaymentGateway } from './midtrans/gateway';
import { toOrderView } from './payment-orders';
import { CHECK_OFFSETS_MIN } from './payment-schedule';
import { FAIL_ORDER, INSERT_ORDER, READ_ORDER, SET_SNAP } from './payments.sql';
import { splitTax, type TaxPolicy } from './tax';

export interface TopupOptions {
  allowedPaymentTypes: string[];
  expiryMinutes: number;
  minimum: Rupiah;
  maximum: Rupiah;
  tax: TaxPolicy;
  /** Where Snap's finish button leads (the dashboard's wallet page). */
  finishUrl: string;
}

/**
 * "2026-12-01 17:05:00 +0700": Snap's expiry start time. Midtrans reads the offset, so the instant is the same
 * in any zone; Jakarta's is the one its dashboard and docs use.
 */
function snapTime(date: Date): string {
  return DateTime.fromJSDate(date, { zone: 'Asia/Jakarta' }).toFormat('yyyy-MM-dd HH:mm:ss ZZZ');
}

/** Starting a top-up: the amount checked, the PENDING order committed, then the Snap transaction. */
export class TopupService {
  constructor(
    private readonly gateway: PaymentGateway,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: TopupOptions,
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
    return { order: toOrderView(row!), snapToken: snap.token, redirectUrl: snap.redirectUrl };
  }
}
