import { useTranslation } from 'react-i18next';
import { formatDateTime } from './format';
import type { Language } from './language';

/** `formatDateTime` bound to the reader's language, for components. */
export function useDateTime(): (date: Date | string | number) => string {
  const { i18n } = useTranslation();
  const lng = i18n.language as Language;
  return (date) => formatDateTime(date, lng);
}
