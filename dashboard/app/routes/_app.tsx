import { Outlet } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/shell/app-header';
import { SidebarNav } from '../components/shell/sidebar-nav';

/** The signed-in shell (header, navigation, content) around every page of the product. */
export default function AppLayout() {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <AppHeader />
      <div className="shell__body">
        <SidebarNav />
        <main id="main" className="shell__main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
