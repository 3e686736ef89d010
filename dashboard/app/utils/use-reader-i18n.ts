import type { i18n as I18n } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { createI18n, hasCatalogue } from '../i18n';
import { loadCatalogue } from '../i18n-catalogues';
import type { Language } from './language';

/**
 * The i18next instance for the reader's language (the root loader's `lng`). When the language changes to one
 * whose strings this browser has not fetched yet (the header's switch, the profile's language), the page keeps
 * the language it has until they arrive, then re-renders once: never a page of raw keys. The server and a freshly
 * hydrated page always hold the reader's language, so this is synchronous there.
 */
export function useReaderI18n(lng: Language): I18n {
  const [loaded, setLoaded] = useState<Language>(lng);
  const ready = hasCatalogue(lng);
  useEffect(() => {
    if (ready) {
      setLoaded(lng);
      return;
    }
    let current = true;
    loadCatalogue(lng).then(
      () => current && setLoaded(lng),
      (error: unknown) => console.error(`dashboard: could not load the ${lng} strings`, error),
    );
    return () => {
      current = false;
    };
  }, [lng, ready]);
  const shown = ready ? lng : loaded;
  return useMemo(() => createI18n(shown), [shown]);
}
