import { OverviewPaymentsQuery, OverviewWalletQuery } from '../components/overview/documents';
import type { OverviewPaymentsQuery as Payments, OverviewWalletQuery as Wallet } from '../graphql/graphql';
import { can, type CurrentUser } from './auth.server';
import { gql } from './graphql.server';

/** How many payment orders the overview lists (the wallet page has them all). */
export const RECENT_PAYMENTS = 5;

/**
 * The overview is a list of sections, each with its own data source and the permission that source needs; a
 * reader sees the sections their role may read, loaded in parallel. Campaigns (message statistics, running and
 * scheduled campaigns) join as further entries when that module exists; until then the overview shows no
 * section for them rather than a placeholder.
 */
export interface OverviewData {
  wallet: (Wallet['wallet'] & { canTopUp: boolean }) | null;
  payments: Payments['paymentOrders']['edges'][number]['node'][] | null;
}

export async function loadOverview(request: Request, user: CurrentUser): Promise<OverviewData> {
  const [wallet, payments] = await Promise.all([
    can(user, 'WALLET_READ')
      ? gql(request, OverviewWalletQuery).then(({ wallet }) => ({ ...wallet, canTopUp: can(user, 'WALLET_TOPUP') }))
      : null,
    can(user, 'PAYMENTS_READ')
      ? gql(request, OverviewPaymentsQuery, { first: RECENT_PAYMENTS }).then(({ paymentOrders }) =>
          paymentOrders.edges.map((edge) => edge.node),
        )
      : null,
  ]);
  return { wallet, payments };
}
