import type { LoaderFunctionArgs } from '@remix-run/node';
import { ComingSoonPage } from '../components/shell/coming-soon-page';
import { requirePermission } from '../utils/auth.server';
import type { RouteHandle } from '../utils/route-handle';

export const handle: RouteHandle = { titleKey: 'shell.nav.wallet' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'WALLET_READ');
  return null;
}

export default function WalletPage() {
  return <ComingSoonPage titleKey="shell.nav.wallet" icon="wallet" />;
}

export { InlineErrorBoundary as ErrorBoundary } from '../components/error-page';
