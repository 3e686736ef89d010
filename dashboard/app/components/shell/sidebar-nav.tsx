import { NavLink } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../graphql/graphql';
import { useCurrentInView } from '../../utils/use-current-in-view';
import { Icon } from '../ui/icon';
import { allowed, navItems } from './nav-items';

export function SidebarNav({ permissions }: { permissions: readonly Permission[] }) {
  const { t } = useTranslation();
  const list = useCurrentInView<HTMLUListElement>();
  return (
    <div className="sidebar">
      <nav className="sidebar__nav" aria-label={t('shell.nav.label')}>
        <ul className="sidebar__list" ref={list}>
          {allowed(navItems, permissions).map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} prefetch="intent" className="sidebar__link">
                <Icon name={item.icon} className="sidebar__icon" />
                <span className="sidebar__label">{t(item.labelKey)}</span>
                {item.comingSoon ? <span className="sidebar__soon">{t('shell.nav.soon')}</span> : null}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
