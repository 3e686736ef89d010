import { useRouteLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { timeZoneOf } from '../../utils/format';
import { intlLocales, type Language } from '../../utils/language';
import type { CurrentUser } from '../../utils/user';

/** `14.05` / `2:05 PM`: a chart tick in the workspace's time zone and the reader's language (through Intl). */
export function useTimeOfDay(): (date: string) => string {
  const { i18n } = useTranslation();
  const timeZone = timeZoneOf(useRouteLoaderData<{ user: CurrentUser }>('routes/_app')?.user.workspace?.timeZone);
  const format = new Intl.DateTimeFormat(intlLocales[i18n.language as Language], { timeZone, timeStyle: 'short' });
  return (date) => format.format(new Date(date));
}
