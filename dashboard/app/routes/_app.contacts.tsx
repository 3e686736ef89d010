import { ComingSoonPage } from '../components/shell/coming-soon-page';
import type { RouteHandle } from '../utils/route-handle';

export const handle: RouteHandle = { titleKey: 'shell.nav.contacts' };

export default function ContactsPage() {
  return <ComingSoonPage titleKey="shell.nav.contacts" icon="contacts" />;
}
