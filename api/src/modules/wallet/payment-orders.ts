import type { EntityManager } from '@mikro-orm/postgresql';
import { rupiah, type Rupiah } from '../../core/money';
import { query } from '../../db/sql';
import { PAGE_ORDERS, READ_ORDER, type OrderRow } from './payments.sql';

/** Reading top-up orders: one order of a workspace, and a workspace's orders page by page. */
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

export function toOrderView(row: OrderRow): PaymentOrderView {
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

export async function readOrder(
  em: EntityManager,
  workspaceId: string,
  orderId: string,
): Promise<PaymentOrderView | undefined> {
  const [row] = await query(em, READ_ORDER, [workspaceId, orderId]);
  return row ? toOrderView(row) : undefined;
}

export async function pageOrders(
  em: EntityManager,
  workspaceId: string,
  options: { after?: string; statuses?: string[]; limit: number },
) {
  const rows = await query(em, PAGE_ORDERS, [
    workspaceId,
    options.after ?? null,
    options.statuses ?? null,
    options.limit + 1,
  ]);
  return { items: rows.slice(0, options.limit).map(toOrderView), hasNextPage: rows.length > options.limit };
}
