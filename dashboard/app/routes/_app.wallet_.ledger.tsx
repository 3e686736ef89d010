import type { LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { InlineErrorBoundary } from '../components/error-page';
import { buttonClass } from '../components/ui/button';
import { Alert } from '../components/ui/alert';
import { Card } from '../components/ui/card';
import { EmptyState } from '../components/ui/empty-state';
import { Field } from '../components/ui/field';
import { Pagination } from '../components/ui/pagination';
import { Table, type Column } from '../components/ui/table';
import { graphql } from '../graphql';
import type { LedgerKind, WalletLedgerQuery } from '../graphql/graphql';
import { can, requirePermission } from '../utils/auth.server';
import { formatRupiah, timeZoneOf } from '../utils/format';
import { gql, gqlResult } from '../utils/graphql.server';
import { translateMessage } from '../utils/message';
import type { RouteHandle } from '../utils/route-handle';
import { readCursor, readPageSize } from '../utils/table-params';
import { useDateTime } from '../utils/use-date-time';

const LedgerQuery = graphql(`
  query WalletLedger($first: Int!, $after: String, $filter: LedgerEntryFilter) {
    ledgerEntries(first: $first, after: $after, filter: $filter) {
      edges {
        node {
          id
          kind
          amount
          heldDelta
          balanceAfter
          reference
          actor
          createdAt
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

type Entry = WalletLedgerQuery['ledgerEntries']['edges'][number]['node'];

// Every kind, so the filter offers each and the compiler notices a new one (a Record needs all keys).
const KIND_ORDER: Record<LedgerKind, number> = {
  TOPUP: 0,
  HOLD: 1,
  CAPTURE: 2,
  RELEASE: 3,
  REFUND: 4,
  REVERSAL: 5,
  DEBIT: 6,
  ADJUSTMENT: 7,
};
const KINDS = Object.keys(KIND_ORDER) as LedgerKind[];
const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

export const handle: RouteHandle = { titleKey: 'wallet.ledger.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'WALLET_READ');
  const params = new URL(request.url).searchParams;
  // An unknown kind in the URL is no filter rather than an error: the select only offers known ones.
  const kind = KINDS.find((candidate) => candidate === params.get('kind')) ?? null;
  // Days as the reader picked them (YYYY-MM-DD); the API cuts them at the workspace's midnight and says what it
  // refuses, shown beside the field rather than as an error page.
  const from = params.get('from')?.trim() || null;
  const to = params.get('to')?.trim() || null;
  const variables = {
    first: readPageSize(params, { fallback: PAGE_SIZE, max: MAX_PAGE_SIZE }),
    after: readCursor(params),
    filter: kind || from || to ? { ...(kind ? { kinds: [kind] } : {}), from, to } : null,
  };
  const result = await gqlResult(request, LedgerQuery, variables);
  // Any other failure becomes the page it deserves (login, 403, 502) through `gql`.
  if (result.error && result.error.code !== 'BAD_USER_INPUT') await gql(request, LedgerQuery, variables);
  const ledgerEntries = result.data?.ledgerEntries ?? { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
  // The statement's default month is this month where the workspace is.
  const month = DateTime.now().setZone(timeZoneOf(user.workspace?.timeZone)).toFormat('yyyy-MM');
  return {
    entries: ledgerEntries.edges.map((edge) => edge.node),
    nextCursor: ledgerEntries.pageInfo.hasNextPage ? (ledgerEntries.pageInfo.endCursor ?? null) : null,
    kind,
    from,
    to,
    filterError: result.error ? { message: result.error.message, fields: result.error.fields } : null,
    month,
    canExport: can(user, 'PAYMENTS_READ'),
    canTopUp: can(user, 'WALLET_TOPUP'),
  };
}

export default function LedgerPage() {
  const { entries, nextCursor, kind, from, to, filterError, month, canExport, canTopUp } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const columns: Column<Entry>[] = [
    {
      id: 'time',
      header: t('wallet.ledger.time'),
      className: 'table__nowrap',
      cell: (entry) => <time dateTime={entry.createdAt}>{dateTime(entry.createdAt)}</time>,
    },
    { id: 'kind', header: t('wallet.ledger.kind'), cell: (entry) => t(`wallet.ledgerKind.${entry.kind}`) },
    {
      id: 'amount',
      header: t('wallet.ledger.amount'),
      className: 'table__nowrap',
      cell: (entry) => signed(entry.amount),
    },
    {
      id: 'held',
      header: t('wallet.ledger.held'),
      className: 'table__nowrap',
      cell: (entry) => (entry.heldDelta === 0 ? '' : signed(entry.heldDelta)),
    },
    {
      id: 'balanceAfter',
      header: t('wallet.ledger.balanceAfter'),
      className: 'table__nowrap',
      cell: (entry) => formatRupiah(entry.balanceAfter),
    },
    { id: 'reference', header: t('wallet.ledger.reference'), className: 'table__mono', cell: (e) => e.reference },
    { id: 'actor', header: t('wallet.ledger.actor'), cell: (entry) => entry.actor },
  ];
  return (
    <>
      <h1 className="page__title">{t('wallet.ledger.title')}</h1>
      <p className="page__lead">{t('wallet.ledger.intro')}</p>
      <div className="stack">
        <Card title={t('wallet.ledger.filter')} icon="list">
          <Form method="get" className="wallet-custom" data-testid="ledger-filter">
            <div className="field">
              <label htmlFor="ledger-kind" className="field__label">
                {t('wallet.ledger.kind')}
              </label>
              <select id="ledger-kind" name="kind" className="input input--select" defaultValue={kind ?? ''}>
                <option value="">{t('wallet.ledger.allKinds')}</option>
                {KINDS.map((value) => (
                  <option key={value} value={value}>
                    {t(`wallet.ledgerKind.${value}`)}
                  </option>
                ))}
              </select>
            </div>
            <Field
              label={t('wallet.ledger.from')}
              name="from"
              type="date"
              defaultValue={from ?? ''}
              error={filterError?.fields.from}
            />
            <Field
              label={t('wallet.ledger.to')}
              name="to"
              type="date"
              defaultValue={to ?? ''}
              error={filterError?.fields.to}
            />
            <button type="submit" className={buttonClass({ variant: 'secondary' })}>
              {t('wallet.ledger.apply')}
            </button>
          </Form>
          {filterError && Object.keys(filterError.fields).length === 0 ? (
            <Alert tone="warning">{translateMessage(t, filterError.message)}</Alert>
          ) : null}
          {canExport ? (
            <form method="get" action="/wallet/statement" className="wallet-custom">
              <div className="field">
                <label htmlFor="statement-month" className="field__label">
                  {t('wallet.ledger.month')}
                </label>
                <input id="statement-month" type="month" name="month" className="input" defaultValue={month} />
              </div>
              <button type="submit" className={buttonClass({ variant: 'secondary' })}>
                {t('wallet.ledger.export')}
              </button>
            </form>
          ) : null}
        </Card>
        <Card title={t('wallet.ledger.title')} icon="wallet" className="card--flush">
          <Table
            caption={t('wallet.ledger.title')}
            columns={columns}
            rows={entries}
            rowKey={(entry) => entry.id}
            empty={
              kind || from || to ? (
                <EmptyState
                  text={t('wallet.ledger.emptyFiltered')}
                  action={{ to: '/wallet/ledger', label: t('wallet.ledger.showAll') }}
                />
              ) : (
                <EmptyState
                  text={t('wallet.ledger.empty')}
                  action={canTopUp ? { to: '/wallet#topup', label: t('wallet.orders.topUp') } : null}
                />
              )
            }
            testId="ledger"
          />
          <Pagination nextCursor={nextCursor} label={t('wallet.ledger.title')} />
        </Card>
        <p>
          <Link to="/wallet">{t('wallet.receipt.back')}</Link>
        </p>
      </div>
    </>
  );
}

/** A change of the balance, with its sign (a capture reads `-Rp5.000`). */
function signed(amount: number): string {
  return amount > 0 ? `+${formatRupiah(amount)}` : amount < 0 ? `-${formatRupiah(-amount)}` : formatRupiah(0);
}

export { InlineErrorBoundary as ErrorBoundary };
