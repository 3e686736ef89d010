import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../utils/format';
import { useDateTime } from '../../utils/use-date-time';
import { Badge, type BadgeTone } from '../ui/badge';
import { EmptyState } from '../ui/empty-state';
import { Table, type Column } from '../ui/table';

export type PaymentOrderStatus = 'PENDING' | 'PAID' | 'CHALLENGE' | 'EXPIRED' | 'CANCELLED' | 'FAILED';

export interface PaymentOrderRow {
  id: string;
  orderId: string;
  status: PaymentOrderStatus;
  amount: number;
  createdAt: string;
  paidAt?: string | null;
}

const TONES: Record<PaymentOrderStatus, BadgeTone> = {
  PAID: 'success',
  PENDING: 'info',
  CHALLENGE: 'info',
  EXPIRED: 'neutral',
  CANCELLED: 'neutral',
  FAILED: 'danger',
};

/** The top-up orders, newest first; with none, how to make the first (a link to the top-up when the reader may). */
export function PaymentOrdersTable({
  orders,
  filtered,
  canTopUp,
}: {
  orders: readonly PaymentOrderRow[];
  filtered?: boolean;
  canTopUp: boolean;
}) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const columns: Column<PaymentOrderRow>[] = [
    { id: 'order', header: t('wallet.orders.order'), cell: (order) => order.orderId, className: 'table__mono' },
    {
      id: 'status',
      header: t('wallet.orders.status'),
      cell: (order) => <Badge tone={TONES[order.status]}>{t(`wallet.orderStatus.${order.status}`)}</Badge>,
    },
    {
      id: 'amount',
      header: t('wallet.orders.amount'),
      cell: (order) => formatRupiah(order.amount),
      className: 'table__nowrap',
    },
    {
      id: 'created',
      header: t('wallet.orders.created'),
      cell: (order) => dateTime(order.createdAt),
      className: 'table__nowrap',
    },
    {
      id: 'receipt',
      header: t('wallet.orders.receipt'),
      headerHidden: true,
      className: 'table__actions',
      cell: (order) =>
        order.status === 'PAID' ? (
          <Link to={`/wallet/receipts/${encodeURIComponent(order.orderId)}`}>{t('wallet.orders.viewReceipt')}</Link>
        ) : null,
    },
  ];
  return (
    <Table
      caption={t('wallet.orders.title')}
      columns={columns}
      rows={orders}
      rowKey={(order) => order.id}
      empty={
        filtered ? (
          t('wallet.orders.emptyFiltered')
        ) : canTopUp ? (
          <EmptyState
            text={t('wallet.orders.empty')}
            action={{ to: '/wallet#topup', label: t('wallet.orders.topUp') }}
          />
        ) : (
          t('wallet.orders.emptyReadOnly')
        )
      }
      testId="payment-orders"
    />
  );
}
