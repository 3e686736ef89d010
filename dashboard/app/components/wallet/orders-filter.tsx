import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { PaymentOrderStatus } from '../../graphql/graphql';
import { buttonClass } from '../ui/button';

// Every status, so the filter offers each and the compiler notices a new one (a Record needs all keys).
const STATUS_ORDER: Record<PaymentOrderStatus, number> = {
  PENDING: 0,
  CHALLENGE: 1,
  PAID: 2,
  EXPIRED: 3,
  CANCELLED: 4,
  FAILED: 5,
};
export const ORDER_STATUSES = Object.keys(STATUS_ORDER) as PaymentOrderStatus[];

/** The status in the URL (`?status=PAID`), or null: an unknown one is no filter, the select offers known ones. */
export function readOrderStatus(params: URLSearchParams): PaymentOrderStatus | null {
  return ORDER_STATUSES.find((status) => status === params.get('status')) ?? null;
}

/** Narrows the payment orders to one status; a GET form, so the filter is in the URL and works without JS. */
export function OrdersFilter({ status }: { status: PaymentOrderStatus | null }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="wallet-custom" data-testid="orders-filter">
      <div className="field">
        <label htmlFor="orders-status" className="field__label">
          {t('wallet.orders.status')}
        </label>
        <select id="orders-status" name="status" className="input input--select" defaultValue={status ?? ''}>
          <option value="">{t('wallet.orders.allStatuses')}</option>
          {ORDER_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`wallet.orderStatus.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass({ variant: 'secondary' })}>
        {t('wallet.ledger.apply')}
      </button>
    </Form>
  );
}
