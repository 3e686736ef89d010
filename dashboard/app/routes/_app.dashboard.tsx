import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import {
  GETTING_STARTED_STEPS,
  GettingStartedCard,
  type GettingStartedProps,
  type GettingStartedStep,
} from '../components/dashboard/getting-started-card';
import { SystemCard } from '../components/dashboard/system-card';
import { CampaignsCard } from '../components/overview/campaigns-card';
import { RecentPaymentsCard } from '../components/overview/recent-payments-card';
import { MessageStatisticsCard } from '../components/overview/message-statistics-card';
import { WalletSummaryCard } from '../components/overview/wallet-summary-card';
import { graphql } from '../graphql';
import { can, requireUser, type CurrentUser } from '../utils/auth.server';
import { gql, isApiUnavailable } from '../utils/graphql.server';
import { loadOverview, type OverviewData } from '../utils/overview.server';
import type { Permission } from '../graphql/graphql';
import type { RouteHandle } from '../utils/route-handle';

const DashboardServerInfoQuery = graphql(`
  query DashboardServerInfo {
    serverInfo {
      version
      time
    }
  }
`);

export const handle: RouteHandle = { titleKey: 'dashboard.title' };

async function systemInfo(request: Request) {
  try {
    const { serverInfo } = await gql(request, DashboardServerInfoQuery);
    return serverInfo;
  } catch (error) {
    // The dashboard stays useful while the API restarts; the System card says so.
    if (isApiUnavailable(error)) return null;
    throw error;
  }
}

/** Which getting-started steps the reader may take, and which the overview's own data shows done. */
function gettingStarted(user: CurrentUser, overview: OverviewData): GettingStartedProps {
  const allowed = GETTING_STARTED_STEPS.filter((step) => can(user, STEP_PERMISSIONS[step]));
  const done: GettingStartedStep[] = [];
  if ((overview.wallet && overview.wallet.balance > 0) || overview.payments?.some((order) => order.status === 'PAID')) {
    done.push('wallet');
  }
  if (overview.campaigns && overview.campaigns.live.length + overview.campaigns.finished.length > 0)
    done.push('campaign');
  return { allowed, done };
}

const STEP_PERMISSIONS = {
  channel: 'CHANNELS_MANAGE',
  wallet: 'WALLET_TOPUP',
  contacts: 'CONTACTS_WRITE',
  campaign: 'CAMPAIGNS_WRITE',
} as const satisfies Record<GettingStartedStep, Permission>;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [overview, system] = await Promise.all([loadOverview(request, user), systemInfo(request)]);
  return { ...overview, system, gettingStarted: gettingStarted(user, overview) };
}

/** The overview: what the reader's role may see of the workspace at a glance, then how to get started. */
export default function DashboardPage() {
  const { wallet, payments, campaigns, statistics, system, gettingStarted } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <header className="page__header">
        <p className="page__eyebrow">{t('dashboard.title')}</p>
        <h1 className="page__title">{t('dashboard.welcome')}</h1>
        <p className="page__lead">{t('dashboard.intro')}</p>
      </header>
      {wallet || payments ? (
        <div className="overview">
          {wallet ? <WalletSummaryCard wallet={wallet} /> : null}
          {payments ? <RecentPaymentsCard orders={payments} canTopUp={wallet?.canTopUp ?? false} /> : null}
        </div>
      ) : null}
      {statistics ? <MessageStatisticsCard statistics={statistics} /> : null}
      {campaigns ? <CampaignsCard live={campaigns.live} finished={campaigns.finished} /> : null}
      <div className="grid">
        <GettingStartedCard {...gettingStarted} />
        <SystemCard system={system} />
      </div>
    </div>
  );
}

export { InlineErrorBoundary as ErrorBoundary } from '../components/error-page';
