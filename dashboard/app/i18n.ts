import i18next, { type i18n as I18n, type ParseKeys } from 'i18next';
import type en from './locales/en.json';
import type { Language } from './utils/language';

export type TranslationKey = ParseKeys<'translation'>;
/** One language's strings; both files have the same keys (the locale test keeps them in step). */
export type Catalogue = typeof en;

/**
 * The languages whose strings this process holds. The server holds both (`i18n-catalogues.server.ts`, imported by
 * entry.server); a browser holds only the reader's, fetched before hydration (`i18n-catalogues.ts`), and the other
 * only once the reader switches: shipping both cost every first load ~11 KB compressed and their parsing.
 */
const catalogues: Partial<Record<Language, Catalogue>> = {};

export function registerCatalogue(lng: Language, catalogue: Catalogue): void {
  catalogues[lng] = catalogue;
}

export function hasCatalogue(lng: Language): boolean {
  return catalogues[lng] !== undefined;
}

/**
 * One instance per render (server request or client language), never a shared global: concurrent server renders
 * in different languages must not see each other's language. Resources are inline and `initAsync: false`, so `t`
 * works right after this returns, and the server and the client render the same text. The language's catalogue
 * must be registered first.
 */
export function createI18n(lng: Language): I18n {
  const catalogue = catalogues[lng];
  if (!catalogue) throw new Error(`the ${lng} strings are not loaded`);
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: 'en',
    supportedLngs: ['en', 'id'],
    // Only what is loaded: a browser reading Indonesian has no English to fall back on, and needs none.
    resources: Object.fromEntries(
      Object.entries(catalogues).map(([language, translation]) => [language, { translation }]),
    ),
    initAsync: false,
    // React escapes what it renders; escaping here too would show `&amp;`.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return instance;
}

/**
 * Whether a key coming from outside the type system (an API error, a thrown response) names a translation. Any
 * loaded catalogue answers for all: the languages have the same keys.
 */
export function isTranslationKey(key: unknown): key is TranslationKey {
  if (typeof key !== 'string' || key === '') return false;
  let node: unknown = catalogues.en ?? catalogues.id;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}
