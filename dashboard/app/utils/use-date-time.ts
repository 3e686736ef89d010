import { useRouteLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, timeZoneOf } from './format';
import type { Language } from './language';
import type { CurrentUser } from './user';

/**
 * `formatDateTime` bound to the reader's language and the signed-in workspace's time zone (WIB outside the
 * signed-in shell, where no workspace is known).
 */
export function useDateTime(): (date: Date | string | number) => string {
  const { i18n } = useTranslation();
  const lng = i18n.language as Language;
  const timeZone = timeZoneOf(useRouteLoaderData<{ user: CurrentUser }>('routes/_app')?.user.workspace?.timeZone);
  return (date) => formatDateTime(date, lng, timeZone);
}
