import { ComingSoonPage } from '../components/shell/coming-soon-page';
import type { RouteHandle } from '../utils/route-handle';

export const handle: RouteHandle = { titleKey: 'shell.nav.campaigns' };

export default function CampaignsPage() {
  return <ComingSoonPage titleKey="shell.nav.campaigns" icon="campaigns" />;
}
