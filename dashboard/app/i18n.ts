import i18next, { type i18n as I18n, type ParseKeys } from 'i18next';
import en from './locales/en.json';
import id from './locales/id.json';
import type { Language } from './utils/language';

export const resources = {
  en: { translation: en },
  id: { translation: id },
} as const;

export type TranslationKey = ParseKeys<'translation'>;

/**
 * One instance per render (server request or client language), never a shared global: concurrent server renders
 * in different languages must not see each other's language. Resources are inline and `initAsync: false`, so `t`
 * works right after this returns, and the server and the client render the same text.
 */
export function createI18n(lng: Language): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: 'en',
    supportedLngs: ['en', 'id'],
    resources,
    initAsync: false,
    // React escapes what it renders; escaping here too would show `&amp;`.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return instance;
}

/** Whether a key coming from outside the type system (an API error, a thrown response) names a translation. */
export function isTranslationKey(key: unknown): key is TranslationKey {
  if (typeof key !== 'string' || key === '') return false;
  let node: unknown = resources.en.translation;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}
