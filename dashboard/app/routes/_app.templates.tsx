import type { LoaderFunctionArgs } from '@remix-run/node';
import { ComingSoonPage } from '../components/shell/coming-soon-page';
import { requirePermission } from '../utils/auth.server';
import type { RouteHandle } from '../utils/route-handle';

export const handle: RouteHandle = { titleKey: 'shell.nav.templates' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'TEMPLATES_READ');
  return null;
}

export default function TemplatesPage() {
  return <ComingSoonPage titleKey="shell.nav.templates" icon="templates" />;
}

export { InlineErrorBoundary as ErrorBoundary } from '../components/error-page';
