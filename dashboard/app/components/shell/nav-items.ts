import type { IconName } from '../ui/icon';

export interface NavItem {
  to: string;
  labelKey: `shell.nav.${'dashboard' | 'contacts' | 'campaigns' | 'templates' | 'wallet' | 'settings'}`;
  icon: IconName;
  /** Shown with a "soon" badge until its issue lands; the route renders a placeholder page meanwhile. */
  comingSoon?: boolean;
}

export const navItems: readonly NavItem[] = [
  { to: '/dashboard', labelKey: 'shell.nav.dashboard', icon: 'dashboard' },
  { to: '/contacts', labelKey: 'shell.nav.contacts', icon: 'contacts', comingSoon: true },
  { to: '/campaigns', labelKey: 'shell.nav.campaigns', icon: 'campaigns', comingSoon: true },
  { to: '/templates', labelKey: 'shell.nav.templates', icon: 'templates', comingSoon: true },
  { to: '/wallet', labelKey: 'shell.nav.wallet', icon: 'wallet', comingSoon: true },
  { to: '/settings', labelKey: 'shell.nav.settings', icon: 'settings', comingSoon: true },
];
