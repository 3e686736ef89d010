import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { Outlet, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/shell/app-header';
import { NavigationProgress, useNavigationLoading } from '../components/shell/navigation-progress';
import { SidebarNav } from '../components/shell/sidebar-nav';
import { requireUser } from '../utils/auth.server';
import { commitSessionCookie, getSessionToken } from '../utils/session.server';

/** Every page inside the shell needs a signed-in user; the API slides the session, the cookie follows it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const token = getSessionToken(request);
  return data({ user }, token ? { headers: { 'Set-Cookie': commitSessionCookie(token) } } : undefined);
}

/** The signed-in shell (header, navigation, content) around every page of the product. */
export default function AppLayout() {
  const { user } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const loading = useNavigationLoading();
  return (
    <div className="shell">
      <NavigationProgress loading={loading} />
      <a href="#main" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <AppHeader user={user} />
      <div className="shell__body">
        <SidebarNav permissions={user.permissions} />
        <main id="main" className="shell__main" tabIndex={-1} aria-busy={loading || undefined}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
