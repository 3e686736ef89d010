import { NavLink, Outlet } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { InlineErrorBoundary } from '../components/error-page';
import { allowed, settingsLinks } from '../components/shell/nav-items';
import { Icon } from '../components/ui/icon';
import type { RouteHandle } from '../utils/route-handle';
import { useCurrentInView } from '../utils/use-current-in-view';
import { useUser } from '../utils/user';

export const handle: RouteHandle = { titleKey: 'settings.title' };

/** Settings: the identity pages as tabs (only those the user's role opens), each page below them. */
export default function SettingsLayout() {
  const { t } = useTranslation();
  const user = useUser();
  const tabs = useCurrentInView<HTMLUListElement>();
  return (
    <div className="page page--settings">
      <header className="page__header page__header--tight">
        <p className="page__eyebrow">{t('settings.title')}</p>
      </header>
      <nav className="tabs" aria-label={t('settings.nav.label')}>
        <ul className="tabs__list" ref={tabs}>
          {allowed(settingsLinks, user.permissions).map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} prefetch="intent" className="tabs__link">
                <Icon name={link.icon} size={16} />
                {t(link.tabKey)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
