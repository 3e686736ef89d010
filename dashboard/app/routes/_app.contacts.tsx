import type { LoaderFunctionArgs } from '@remix-run/node';
import { ComingSoonPage } from '../components/shell/coming-soon-page';
import { requirePermission } from '../utils/auth.server';
import type { RouteHandle } from '../utils/route-handle';

export const handle: RouteHandle = { titleKey: 'shell.nav.contacts' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'CONTACTS_READ');
  return null;
}

export default function ContactsPage() {
  return <ComingSoonPage titleKey="shell.nav.contacts" icon="contacts" />;
}

export { InlineErrorBoundary as ErrorBoundary } from '../components/error-page';
