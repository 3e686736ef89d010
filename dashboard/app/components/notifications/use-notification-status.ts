import { useLocation } from '@remix-run/react';
import { useCallback, useEffect, useRef, useState } from 'react';

export interface BellNotification {
  id: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationStatus {
  unreadCount: number;
  items: BellNotification[];
}

export const STATUS_URL = '/notifications/status';
/** How often an open, visible page asks; a hidden tab does not ask at all and asks at once when shown again. */
export const POLL_INTERVAL_MS = 10_000;

/**
 * The reader's notifications, kept fresh without a reload: polled from /notifications/status with the last ETag
 * (an unchanged inbox costs a 304 and no body), at once after every navigation (an action may have marked some
 * read) and when the tab becomes visible again. Null until the first answer.
 */
export function useNotificationStatus(): NotificationStatus | null {
  const [status, setStatus] = useState<NotificationStatus | null>(null);
  const tag = useRef<string | null>(null);
  const { key } = useLocation();

  const refresh = useCallback(async () => {
    try {
      const response = await fetch(STATUS_URL, {
        headers: tag.current ? { 'If-None-Match': tag.current } : {},
        credentials: 'same-origin',
      });
      if (response.status !== 200) return;
      tag.current = response.headers.get('ETag');
      setStatus((await response.json()) as NotificationStatus);
    } catch {
      // Offline or the server restarting: the bell keeps what it showed and the next poll tries again.
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [key, refresh]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, POLL_INTERVAL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  return status;
}
