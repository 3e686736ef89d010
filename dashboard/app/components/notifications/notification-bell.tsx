import { Form, Link, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useDateTime } from '../../utils/use-date-time';
import { useDismissibleDetails } from '../shell/profile-menu';
import { Icon } from '../ui/icon';
import { useNotificationStatus, type BellNotification } from './use-notification-status';

/**
 * The header's bell: the unread count as a badge, and a dropdown of the newest notifications with "mark all read"
 * and a link to the full page. It updates itself (useNotificationStatus); opening one marks it read and goes where
 * it leads (a form post to /notifications, so it works the same from any page).
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const menu = useDismissibleDetails();
  const status = useNotificationStatus();
  const location = useLocation();
  const unread = status?.unreadCount ?? 0;
  const label = unread > 0 ? t('notificationCenter.bellUnread', { count: unread }) : t('notificationCenter.bellLabel');
  return (
    <details className="header-menu notification-bell" ref={menu} data-testid="notification-bell">
      <summary className="header-icon-button" aria-label={label} title={label}>
        <Icon name="bell" size={20} />
        {unread > 0 ? (
          <span className="notification-bell__badge" data-testid="notification-badge" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </summary>
      <div className="header-menu__panel notification-bell__panel">
        <div className="notification-bell__head">
          <p className="notification-bell__title">{t('notificationCenter.title')}</p>
          {unread > 0 ? (
            <Form method="post" action="/notifications">
              <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
              <button type="submit" name="intent" value="readAll" className="link-button">
                {t('notificationCenter.markAllRead')}
              </button>
            </Form>
          ) : null}
        </div>
        {status && status.items.length === 0 ? (
          <p className="notification-bell__empty">{t('notificationCenter.empty')}</p>
        ) : (
          <ul className="notification-list notification-list--compact">
            {status?.items.map((item) => (
              <NotificationItem key={item.id} item={item} compact />
            ))}
          </ul>
        )}
        <Link to="/notifications" className="notification-bell__all">
          {t('notificationCenter.seeAll')}
        </Link>
      </div>
    </details>
  );
}

/** One notification: opening it marks it read and follows its link; an unread one is marked as such. */
export function NotificationItem({ item, compact = false }: { item: BellNotification; compact?: boolean }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const unread = !item.readAt;
  return (
    <li className={`notification-item${unread ? ' notification-item--unread' : ''}`} data-testid="notification">
      <Form method="post" action="/notifications" className="notification-item__form">
        <input type="hidden" name="id" value={item.id} />
        <input type="hidden" name="redirectTo" value={item.link} />
        <button type="submit" name="intent" value="open" className="notification-item__open">
          {unread ? <span className="visually-hidden">{t('notificationCenter.unread')}: </span> : null}
          <span className="notification-item__title">{item.title}</span>
          <span
            className={compact ? 'notification-item__body notification-item__body--clamp' : 'notification-item__body'}
          >
            {item.body}
          </span>
          <time className="notification-item__time" dateTime={item.createdAt}>
            {dateTime(item.createdAt)}
          </time>
        </button>
      </Form>
    </li>
  );
}
