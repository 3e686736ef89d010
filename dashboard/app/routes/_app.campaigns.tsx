import type { LoaderFunctionArgs } from '@remix-run/node';
import { ComingSoonPage } from '../components/shell/coming-soon-page';
import { requirePermission } from '../utils/auth.server';
import type { RouteHandle } from '../utils/route-handle';

export const handle: RouteHandle = { titleKey: 'shell.nav.campaigns' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'CAMPAIGNS_READ');
  return null;
}

export default function CampaignsPage() {
  return <ComingSoonPage titleKey="shell.nav.campaigns" icon="campaigns" />;
}

export { InlineErrorBoundary as ErrorBoundary } from '../components/error-page';
