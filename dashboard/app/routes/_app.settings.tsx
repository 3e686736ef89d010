import { ComingSoonPage } from '../components/shell/coming-soon-page';
import type { RouteHandle } from '../utils/route-handle';

export const handle: RouteHandle = { titleKey: 'shell.nav.settings' };

export default function SettingsPage() {
  return <ComingSoonPage titleKey="shell.nav.settings" icon="settings" />;
}
