import { z } from 'zod';
import { defaultLanguage, languages, type Language } from './language';

export const LANGUAGE_COOKIE = 'lng';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

// Server-only: the switch has no free input to check in the browser, and zod would add ~24 kB to every page.
export const languageSchema = z.enum(languages);

/** The language switch form: the chosen language and the page to come back to. */
export const setLanguageSchema = z.object({
  lng: languageSchema,
  redirectTo: z.string().optional(),
});

/** The reader's language: the `lng` cookie they chose, else what their browser prefers, else Indonesian. */
export function getLanguage(request: Request): Language {
  return (
    languageFromCookie(request.headers.get('Cookie')) ??
    languageFromAcceptLanguage(request.headers.get('Accept-Language')) ??
    defaultLanguage
  );
}

/** The cookie is plain `lng=en|id` (not Remix's base64 JSON) so it stays readable in curl and devtools. */
export function serializeLanguageCookie(lng: Language): string {
  return `${LANGUAGE_COOKIE}=${lng}; Max-Age=${ONE_YEAR_SECONDS}; Path=/; SameSite=Lax; HttpOnly`;
}

export function languageFromCookie(header: string | null): Language | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.split('=');
    if (name?.trim() !== LANGUAGE_COOKIE) continue;
    const parsed = languageSchema.safeParse(rest.join('=').trim());
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

/**
 * The supported language the browser ranks highest (RFC 9110 quality values; ties keep header order).
 * `in` is the code Indonesian had before 1989, still sent by some old Android builds.
 */
export function languageFromAcceptLanguage(header: string | null): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { primary: tag.trim().toLowerCase().split('-')[0] ?? '', quality, index };
    })
    .filter((entry) => Number.isFinite(entry.quality) && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { primary } of ranked) {
    if (primary === 'en') return 'en';
    if (primary === 'id' || primary === 'in') return 'id';
  }
  return undefined;
}
