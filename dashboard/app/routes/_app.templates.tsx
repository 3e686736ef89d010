import { ComingSoonPage } from '../components/shell/coming-soon-page';
import type { RouteHandle } from '../utils/route-handle';

export const handle: RouteHandle = { titleKey: 'shell.nav.templates' };

export default function TemplatesPage() {
  return <ComingSoonPage titleKey="shell.nav.templates" icon="templates" />;
}
