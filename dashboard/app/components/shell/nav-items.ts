import type { Permission } from '../../graphql/graphql';
import type { IconName } from '../ui/icon';

export interface NavItem {
  to: string;
  labelKey: `shell.nav.${'dashboard' | 'contacts' | 'campaigns' | 'templates' | 'channels' | 'wallet' | 'settings'}`;
  icon: IconName;
  /** Hidden from users whose role lacks it (the page checks it again on the server). */
  permission?: Permission;
  /** Shown with a "soon" badge until its issue lands; the route renders a placeholder page meanwhile. */
  comingSoon?: boolean;
}

export const navItems: readonly NavItem[] = [
  { to: '/dashboard', labelKey: 'shell.nav.dashboard', icon: 'dashboard' },
  { to: '/contacts', labelKey: 'shell.nav.contacts', icon: 'contacts', permission: 'CONTACTS_READ' },
  { to: '/campaigns', labelKey: 'shell.nav.campaigns', icon: 'campaigns', permission: 'CAMPAIGNS_READ' },
  { to: '/templates', labelKey: 'shell.nav.templates', icon: 'templates', permission: 'TEMPLATES_READ' },
  { to: '/channels', labelKey: 'shell.nav.channels', icon: 'phone', permission: 'CHANNELS_READ' },
  { to: '/wallet', labelKey: 'shell.nav.wallet', icon: 'wallet', permission: 'WALLET_READ' },
  { to: '/settings', labelKey: 'shell.nav.settings', icon: 'settings' },
];

export interface SettingsLink {
  to: string;
  tabKey: `settings.nav.${'profile' | 'members' | 'roles' | 'apiTokens' | 'workspace' | 'auditLog'}`;
  menuKey: `shell.profile.${'profile' | 'members' | 'roles' | 'apiTokens' | 'workspace' | 'auditLog'}`;
  icon: IconName;
  permission?: Permission;
}

/** The identity pages: tabs on the settings pages, entries in the header's profile menu. */
export const settingsLinks: readonly SettingsLink[] = [
  { to: '/settings/profile', tabKey: 'settings.nav.profile', menuKey: 'shell.profile.profile', icon: 'user' },
  {
    to: '/settings/members',
    tabKey: 'settings.nav.members',
    menuKey: 'shell.profile.members',
    icon: 'contacts',
    permission: 'MEMBERS_READ',
  },
  {
    to: '/settings/roles',
    tabKey: 'settings.nav.roles',
    menuKey: 'shell.profile.roles',
    icon: 'shield',
    permission: 'MEMBERS_READ',
  },
  {
    to: '/settings/api-tokens',
    tabKey: 'settings.nav.apiTokens',
    menuKey: 'shell.profile.apiTokens',
    icon: 'key',
    permission: 'TOKENS_MANAGE',
  },
  {
    to: '/settings/workspace',
    tabKey: 'settings.nav.workspace',
    menuKey: 'shell.profile.workspace',
    icon: 'clock',
    permission: 'WORKSPACE_MANAGE',
  },
  {
    to: '/settings/audit-log',
    tabKey: 'settings.nav.auditLog',
    menuKey: 'shell.profile.auditLog',
    icon: 'list',
    permission: 'AUDIT_READ',
  },
];

export function allowed<T extends { permission?: Permission }>(
  items: readonly T[],
  permissions: readonly Permission[],
): T[] {
  return items.filter((item) => !item.permission || permissions.includes(item.permission));
}
