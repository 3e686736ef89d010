import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { InlineErrorBoundary } from '../components/error-page';
import { MarkNotificationsReadMutation, NotificationsPageQuery } from '../components/notifications/documents';
import { NotificationItem } from '../components/notifications/notification-bell';
import { Button, buttonClass } from '../components/ui/button';
import { Card } from '../components/ui/card';
import { Pagination } from '../components/ui/pagination';
import { requireUser } from '../utils/auth.server';
import { requireSameOrigin } from '../utils/csrf.server';
import { errorResponse, gql, gqlForm } from '../utils/graphql.server';
import { safeRedirectPath } from '../utils/redirect';
import type { RouteHandle } from '../utils/route-handle';
import { readCursor } from '../utils/table-params';
import { redirectWithToast } from '../utils/toast.server';

export const handle: RouteHandle = { titleKey: 'notificationCenter.title' };

const PAGE_SIZE = 20;
const NOTIFICATIONS = '/notifications';
const UNREAD_PARAM = 'unread';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const params = new URL(request.url).searchParams;
  const { notifications } = await gql(request, NotificationsPageQuery, {
    first: PAGE_SIZE,
    after: readCursor(params) ?? null,
    unreadOnly: params.get(UNREAD_PARAM) === '1',
  });
  return notifications;
}

/**
 * `open`: marks one read and goes where it leads (the bell and this page post here); `read`: marks one read and
 * stays; `readAll`: marks all of the reader's read. Only the reader's own notifications are ever touched (the
 * API scopes by session).
 */
export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requireUser(request);
  const form = await request.formData();
  const intent = form.get('intent');
  const back = safeRedirectPath(String(form.get('redirectTo') ?? '')) ?? NOTIFICATIONS;
  if (intent === 'readAll') {
    const result = await gqlForm(request, MarkNotificationsReadMutation, {});
    if (result.failure) return redirectWithToast(back, { type: 'error', key: 'errors.generic' });
    return redirectWithToast(back, { type: 'success', key: 'notificationCenter.markedAllRead' });
  }
  const id = String(form.get('id') ?? '');
  if ((intent !== 'open' && intent !== 'read') || !id) throw errorResponse({ messageKey: 'errors.generic' }, 400);
  const result = await gqlForm(request, MarkNotificationsReadMutation, { ids: [id] });
  if (result.failure) return redirectWithToast(back, { type: 'error', key: 'errors.generic' });
  return redirect(back);
}

export default function NotificationsPage() {
  const { items, unreadCount, nextCursor } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const unreadOnly = params.get(UNREAD_PARAM) === '1';
  return (
    <>
      <h1 className="page__title">{t('notificationCenter.title')}</h1>
      <p className="page__lead">{t('notificationCenter.intro', { count: unreadCount })}</p>
      <div className="stack">
        <Card
          title={unreadOnly ? t('notificationCenter.unreadOnly') : t('notificationCenter.all')}
          icon="bell"
          action={
            unreadCount > 0 ? (
              <Form method="post">
                <input type="hidden" name="redirectTo" value={`${NOTIFICATIONS}${unreadOnly ? '?unread=1' : ''}`} />
                <Button intent="readAll" variant="secondary" size="small">
                  {t('notificationCenter.markAllRead')}
                </Button>
              </Form>
            ) : null
          }
        >
          <p className="notification-filter">
            <Link
              to={NOTIFICATIONS}
              className={buttonClass({ variant: unreadOnly ? 'secondary' : 'primary', size: 'small' })}
              aria-current={unreadOnly ? undefined : 'true'}
            >
              {t('notificationCenter.all')}
            </Link>
            <Link
              to={`${NOTIFICATIONS}?${UNREAD_PARAM}=1`}
              className={buttonClass({ variant: unreadOnly ? 'primary' : 'secondary', size: 'small' })}
              aria-current={unreadOnly ? 'true' : undefined}
            >
              {t('notificationCenter.unreadOnly')}
            </Link>
          </p>
          {items.length === 0 ? (
            <p className="empty-state" data-testid="notifications-empty">
              {unreadOnly ? t('notificationCenter.noneUnread') : t('notificationCenter.emptyPage')}
            </p>
          ) : (
            <ul className="notification-list" data-testid="notifications">
              {items.map((item) => (
                <NotificationItem key={item.id} item={item} />
              ))}
            </ul>
          )}
          <Pagination nextCursor={nextCursor ?? null} label={t('notificationCenter.title')} />
        </Card>
      </div>
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
