import { useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/**
 * Whether a page is on its way: a link followed, a GET form (a filter) sent, or the page an action redirects to.
 * A POST being sent is not: its button says so itself. Nor is a revalidation (the overview's live campaigns) or a
 * fetcher (the search, the notification bell): the page the reader looks at stays the one they asked for.
 */
export function useNavigationLoading(): boolean {
  return useNavigation().state === 'loading';
}

/**
 * A thin bar across the top while the next page loads, so a slow loader (contacts on a big book) is not a page that
 * seems not to answer. It shows only if the wait lasts (CSS delays it), and is named for screen readers, which also
 * hear the content as busy (`aria-busy` on main).
 */
export function NavigationProgress({ loading }: { loading: boolean }) {
  const { t } = useTranslation();
  if (!loading) return null;
  return <div className="nav-progress" role="progressbar" aria-label={t('shell.loading')} data-testid="nav-progress" />;
}
