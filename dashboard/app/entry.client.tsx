import { RemixBrowser } from '@remix-run/react';
import { StrictMode, startTransition } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { loadCatalogue } from './i18n-catalogues';
import { defaultLanguage, languages, type Language } from './utils/language';

// The server rendered the page in <html lang>; hydration must render the same text, so its strings come first.
const lang = document.documentElement.lang;
const lng: Language = (languages as readonly string[]).includes(lang) ? (lang as Language) : defaultLanguage;

loadCatalogue(lng).then(
  () =>
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <RemixBrowser />
        </StrictMode>,
      );
    }),
  (error: unknown) => {
    // Without its strings the page stays as the server rendered it: links and forms still work without JavaScript.
    console.error('dashboard: could not load the page language, the page runs without JavaScript', error);
  },
);
