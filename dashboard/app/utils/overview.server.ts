import type { OverviewCampaign } from '../components/overview/campaigns-card';
import { layoutDailyChart } from '../components/overview/daily-chart-layout.server';
import type { MessageStatistics } from '../components/overview/message-statistics-card';
import {
  OverviewCampaignsQuery,
  OverviewPaymentsQuery,
  OverviewStatisticsQuery,
  OverviewWalletQuery,
} from '../components/overview/documents';
import type { OverviewPaymentsQuery as Payments, OverviewWalletQuery as Wallet } from '../graphql/graphql';
import { can, type CurrentUser } from './auth.server';
import { gql } from './graphql.server';

/** How many payment orders the overview lists (the wallet page has them all). */
export const RECENT_PAYMENTS = 5;
/** How many live and how many finished campaigns the overview lists (the campaigns page has them all). */
export const OVERVIEW_CAMPAIGNS = 5;
/** Days in the overview's chart (the API's daily rollup; the summary's widest period is 30 days too). */
export const CHART_DAYS = 30;

/**
 * The overview is a list of sections, each with its own data source and the permission that source needs; a
 * reader sees the sections their role may read, loaded in parallel: the wallet (WALLET_READ), recent payments
 * (PAYMENTS_READ), and campaigns (CAMPAIGNS_READ): the live ones with their progress, the latest finished ones with
 * their results, and the message statistics (CAMPAIGNS_READ: the API's daily rollup, fast on any number of messages).
 */
export interface OverviewData {
  wallet: (Wallet['wallet'] & { canTopUp: boolean }) | null;
  payments: Payments['paymentOrders']['edges'][number]['node'][] | null;
  campaigns: { live: OverviewCampaign[]; finished: OverviewCampaign[] } | null;
  statistics: MessageStatistics | null;
}

export async function loadOverview(request: Request, user: CurrentUser): Promise<OverviewData> {
  const [wallet, payments, campaigns, statistics] = await Promise.all([
    can(user, 'WALLET_READ')
      ? gql(request, OverviewWalletQuery).then(({ wallet }) => ({ ...wallet, canTopUp: can(user, 'WALLET_TOPUP') }))
      : null,
    can(user, 'PAYMENTS_READ')
      ? gql(request, OverviewPaymentsQuery, { first: RECENT_PAYMENTS }).then(({ paymentOrders }) =>
          paymentOrders.edges.map((edge) => edge.node),
        )
      : null,
    can(user, 'CAMPAIGNS_READ')
      ? gql(request, OverviewCampaignsQuery, { first: OVERVIEW_CAMPAIGNS }).then(({ live, finished }) => ({
          live: live.items,
          finished: finished.items,
        }))
      : null,
    can(user, 'CAMPAIGNS_READ')
      ? gql(request, OverviewStatisticsQuery, { days: CHART_DAYS }).then(({ messageStatistics }) => ({
          ...messageStatistics,
          chart: layoutDailyChart(messageStatistics.daily),
        }))
      : null,
  ]);
  return { wallet, payments, campaigns, statistics };
}
