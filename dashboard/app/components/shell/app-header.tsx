import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { NotificationBell } from '../notifications/notification-bell';
import { SearchDialog } from '../search/search-dialog';
import { Icon } from '../ui/icon';
import { LanguageSwitch } from './language-switch';
import { ProfileMenu, type ShellUser } from './profile-menu';

export function AppHeader({ user }: { user: ShellUser }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <Link to="/dashboard" className="brand">
        <span className="brand__mark">
          <Icon name="logo" size={20} />
        </span>
        <span className="brand__name">{t('common.productName')}</span>
      </Link>
      <div className="app-header__actions">
        <SearchDialog />
        <LanguageSwitch />
        <Link to="/help" className="header-icon-button" aria-label={t('help.open')} title={t('help.open')}>
          <Icon name="help" size={20} />
        </Link>
        <NotificationBell />
        <ProfileMenu user={user} />
      </div>
    </header>
  );
}
