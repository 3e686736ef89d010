import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Card } from '../ui/card';
import { PaymentOrdersTable, type PaymentOrderRow } from '../wallet/payment-orders-table';

/** The newest top-up orders; the wallet page has the rest and the receipts. */
export function RecentPaymentsCard({ orders, canTopUp }: { orders: readonly PaymentOrderRow[]; canTopUp: boolean }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('overview.payments.title')}
      icon="list"
      action={<Link to="/wallet">{t('overview.payments.all')}</Link>}
    >
      <PaymentOrdersTable orders={orders} canTopUp={canTopUp} />
    </Card>
  );
}
