import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { InlineErrorBoundary } from '../components/error-page';
import { buttonClass } from '../components/ui/button';
import { paymentMethodName } from '../components/wallet/payment-method';
import { graphql } from '../graphql';
import { requirePermission } from '../utils/auth.server';
import { formatRupiah } from '../utils/format';
import { errorResponse, gql } from '../utils/graphql.server';
import type { RouteHandle } from '../utils/route-handle';
import { useDateTime } from '../utils/use-date-time';

const ReceiptQuery = graphql(`
  query WalletReceipt($orderId: String!) {
    receipt(orderId: $orderId) {
      number
      title
      issuedAt
      subtotal
      tax
      total
      lines {
        description
        amount
      }
      billedTo {
        legalName
        npwp
        address
        invoiceEmail
      }
      order {
        orderId
        status
        paymentType
      }
    }
  }
`);

export const handle: RouteHandle = { titleKey: 'wallet.receipt.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'PAYMENTS_READ');
  const { receipt } = await gql(request, ReceiptQuery, { orderId: params.orderId ?? '' });
  // An order that is not paid has no receipt yet: the same answer as one that does not exist.
  if (!receipt) throw errorResponse({ messageKey: 'errors.notFound.description' }, 404);
  return { receipt };
}

/** The receipt as the API wrote it in the reader's language, laid out to print (the shell hides when printing). */
export default function ReceiptPage() {
  const { receipt } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  // The workspace's time zone with its abbreviation, like every time in the dashboard.
  const dateTime = useDateTime();
  return (
    <>
      <h1 className="page__title">{receipt.title}</h1>
      <article className="card receipt" data-testid="receipt">
        <div className="card__body">
          <dl className="receipt__meta">
            <div>
              <dt>{t('wallet.receipt.number')}</dt>
              <dd data-testid="receipt-number">{receipt.number}</dd>
            </div>
            <div>
              <dt>{t('wallet.receipt.issued')}</dt>
              <dd>{dateTime(receipt.issuedAt)}</dd>
            </div>
            <div>
              <dt>{t('wallet.orders.order')}</dt>
              <dd className="table__mono">{receipt.order.orderId}</dd>
            </div>
            {receipt.order.paymentType ? (
              <div>
                <dt>{t('wallet.receipt.method')}</dt>
                <dd data-testid="receipt-method">{paymentMethodName(receipt.order.paymentType, t)}</dd>
              </div>
            ) : null}
            {receipt.billedTo ? (
              <div>
                <dt>{t('wallet.receipt.billedTo')}</dt>
                <dd>
                  {receipt.billedTo.legalName}
                  <br />
                  {receipt.billedTo.address}
                  {receipt.billedTo.npwp ? (
                    <>
                      <br />
                      {t('wallet.receipt.npwp', { npwp: receipt.billedTo.npwp })}
                    </>
                  ) : null}
                </dd>
              </div>
            ) : null}
          </dl>
          <table className="receipt__lines">
            <tbody>
              {receipt.lines.map((line, index) => (
                <tr key={index}>
                  <td>{line.description}</td>
                  <td className="receipt__amount">{formatRupiah(line.amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('wallet.receipt.subtotal')}</th>
                <td className="receipt__amount">{formatRupiah(receipt.subtotal)}</td>
              </tr>
              <tr>
                <th scope="row">{t('wallet.receipt.tax')}</th>
                <td className="receipt__amount">{formatRupiah(receipt.tax)}</td>
              </tr>
              <tr>
                <th scope="row">{t('wallet.receipt.total')}</th>
                <td className="receipt__amount" data-testid="receipt-total">
                  {formatRupiah(receipt.total)}
                </td>
              </tr>
            </tfoot>
          </table>
          <div className="receipt__actions">
            <button type="button" className={buttonClass({ variant: 'primary' })} onClick={() => window.print()}>
              {t('wallet.receipt.print')}
            </button>
            <Link to="/wallet" className={buttonClass({ variant: 'secondary' })}>
              {t('wallet.receipt.back')}
            </Link>
          </div>
        </div>
      </article>
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
