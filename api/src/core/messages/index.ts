import i18next, { type TFunction } from 'i18next';
import en from './en.json';
import id from './id.json';

export const LANGUAGES = ['en', 'id'] as const;
export type Language = (typeof LANGUAGES)[number];

/** API-side messages (errors a script or the dashboard shows), in both languages. */
const messages = i18next.createInstance();
void messages.init({
  resources: { en: { translation: en }, id: { translation: id } },
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

const translators: Record<Language, TFunction> = {
  en: messages.getFixedT('en'),
  id: messages.getFixedT('id'),
};

export function translate(language: Language, key: string, params: Record<string, unknown> = {}): string {
  return translators[language](key, params) as string;
}
