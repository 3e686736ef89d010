export const languages = ['en', 'id'] as const;
export type Language = (typeof languages)[number];

/** Indonesian unless the reader's browser prefers English. */
export const defaultLanguage: Language = 'id';

/** The locale `Intl` formats with for each language (British English: day before month, 24-hour clock). */
export const intlLocales: Record<Language, string> = { en: 'en-GB', id: 'id-ID' };
