import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GettingStartedCard } from '../components/dashboard/getting-started-card';
import { SystemCard } from '../components/dashboard/system-card';
import { graphql } from '../graphql';
import { gql, isApiUnavailable } from '../utils/graphql.server';
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

export async function loader({ request }: LoaderFunctionArgs) {
  try {
    const { serverInfo } = await gql(request, DashboardServerInfoQuery);
    return { system: serverInfo };
  } catch (error) {
    // The dashboard stays useful while the API restarts; the System card says so.
    if (isApiUnavailable(error)) return { system: null };
    throw error;
  }
}

export default function DashboardPage() {
  const { system } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <header className="page__header">
        <p className="page__eyebrow">{t('dashboard.title')}</p>
        <h1 className="page__title">{t('dashboard.welcome')}</h1>
        <p className="page__lead">{t('dashboard.intro')}</p>
      </header>
      <div className="grid">
        <GettingStartedCard />
        <SystemCard system={system} />
      </div>
    </div>
  );
}

export { InlineErrorBoundary as ErrorBoundary } from '../components/error-page';
