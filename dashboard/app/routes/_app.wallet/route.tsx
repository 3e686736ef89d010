import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { InlineErrorBoundary } from '../../components/error-page';
import { Card } from '../../components/ui/card';
import { Pagination } from '../../components/ui/pagination';
import { BalanceCard } from '../../components/wallet/balance-card';
import { OrdersFilter, readOrderStatus } from '../../components/wallet/orders-filter';
import { PaymentOrdersTable } from '../../components/wallet/payment-orders-table';
import { topupAmount, topupSchema } from '../../components/wallet/schemas';
import { POPUP_FIELD, TopupCard, type TopupActionData } from '../../components/wallet/topup-card';
import { refused } from '../../utils/action.server';
import { can, requirePermission } from '../../utils/auth.server';
import { requireSameOrigin } from '../../utils/csrf.server';
import { parseForm } from '../../utils/forms';
import { errorResponse, gql, gqlForm } from '../../utils/graphql.server';
import type { RouteHandle } from '../../utils/route-handle';
import { readCursor } from '../../utils/table-params';
import { redirectWithToast } from '../../utils/toast.server';
import { CheckTopupMutation, CreateTopupMutation, PaymentOrdersQuery, WalletPageQuery } from './documents';

export const handle: RouteHandle = { titleKey: 'wallet.title' };

const WALLET = '/wallet';
const ORDERS_PAGE_SIZE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'WALLET_READ');
  const params = new URL(request.url).searchParams;
  // Snap's finish redirect (`/wallet?order_id=...&transaction_status=...`): what it says is not trusted; the API
  // asks Midtrans (checkTopup) and the reader is told what the order really is, once, on a clean URL.
  const returnedOrder = params.get('order_id');
  if (returnedOrder && can(user, 'WALLET_TOPUP')) {
    const result = await gqlForm(request, CheckTopupMutation, { orderId: returnedOrder });
    if (result.failure) return redirectWithToast(WALLET, { type: 'error', key: 'wallet.return.unknown' });
    const { status, orderId } = result.data.checkTopup;
    return redirectWithToast(WALLET, {
      type: status === 'PAID' ? 'success' : 'info',
      key: status === 'PAID' ? 'wallet.return.paid' : 'wallet.return.notYet',
      params: { orderId },
    });
  }
  const canSeeOrders = can(user, 'PAYMENTS_READ');
  const status = readOrderStatus(params);
  const [{ wallet }, orders] = await Promise.all([
    gql(request, WalletPageQuery),
    canSeeOrders
      ? gql(request, PaymentOrdersQuery, {
          first: ORDERS_PAGE_SIZE,
          after: readCursor(params) ?? null,
          filter: status ? { statuses: [status] } : null,
        })
      : Promise.resolve(null),
  ]);
  return {
    wallet,
    canTopUp: can(user, 'WALLET_TOPUP'),
    status,
    orders: orders?.paymentOrders.edges.map((edge) => edge.node) ?? null,
    nextCursor: orders?.paymentOrders.pageInfo.hasNextPage ? (orders.paymentOrders.pageInfo.endCursor ?? null) : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requirePermission(request, 'WALLET_TOPUP');
  const form = await request.formData();
  if (form.get('intent') !== 'topup') throw errorResponse({ messageKey: 'errors.generic' }, 400);
  const parsed = parseForm(topupSchema, form);
  if (!parsed.ok) return refused<TopupActionData>({ ok: false, fieldErrors: parsed.fieldErrors });
  const result = await gqlForm(request, CreateTopupMutation, { input: { amount: topupAmount(parsed.data.amount) } });
  if (result.failure) return refused<TopupActionData>({ ok: false, ...result.failure }, result.status);
  const { snapToken, redirectUrl, order } = result.data.createTopup;
  // With snap.js loaded the page opens Snap's popup itself; otherwise (no JavaScript, or before the script came)
  // Snap's hosted payment page, whose finish button brings the payer back here with the order id.
  if (form.get(POPUP_FIELD) === '1') {
    return { ok: true, snapToken, orderId: order.orderId } satisfies TopupActionData;
  }
  return redirect(redirectUrl);
}

export default function WalletPage() {
  const { wallet, canTopUp, status, orders, nextCursor } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <h1 className="page__title">{t('wallet.title')}</h1>
      <p className="page__lead">{t('wallet.intro')}</p>
      <div className="stack">
        <BalanceCard wallet={wallet} />
        <p>
          <Link to="/wallet/ledger">{t('wallet.ledger.open')}</Link>
          {' · '}
          <Link to="/wallet/billing">{t('wallet.billing.open')}</Link>
        </p>
        {canTopUp ? <TopupCard actionData={actionData} /> : null}
        {orders ? (
          <Card title={t('wallet.orders.title')} icon="wallet">
            <OrdersFilter status={status} />
            <PaymentOrdersTable orders={orders} filtered={status !== null} canTopUp={canTopUp} />
            <Pagination nextCursor={nextCursor} label={t('wallet.orders.title')} />
          </Card>
        ) : null}
      </div>
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
