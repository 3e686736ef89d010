import { Outlet } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/shell/language-switch';
import { Icon } from '../components/ui/icon';

/** The frame of the signed-out steps (login, two-factor, forced password change): brand, language, one card. */
export default function AuthLayout() {
  const { t } = useTranslation();
  return (
    <div className="auth">
      <header className="auth__header">
        <span className="brand">
          <span className="brand__mark">
            <Icon name="logo" size={20} />
          </span>
          <span className="brand__name">{t('common.productName')}</span>
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" className="auth__main">
        <div className="auth__card">
          <Outlet />
        </div>
        <p className="auth__tagline">{t('signIn.tagline')}</p>
      </main>
    </div>
  );
}
