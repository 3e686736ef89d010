import { ComingSoonPage } from '../components/shell/coming-soon-page';
import type { RouteHandle } from '../utils/route-handle';

export const handle: RouteHandle = { titleKey: 'shell.nav.wallet' };

export default function WalletPage() {
  return <ComingSoonPage titleKey="shell.nav.wallet" icon="wallet" />;
}
