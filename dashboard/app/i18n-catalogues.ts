import { hasCatalogue, registerCatalogue, type Catalogue } from './i18n';
import enUrl from './locales/en.json?url';
import idUrl from './locales/id.json?url';
import type { Language } from './utils/language';

/**
 * Each language's strings as a hashed file under /assets (immutable, compressed), not a script: a browser fetches
 * only the reader's language, and JSON.parse reads it faster than the engine parses the same object as JavaScript.
 */
export const catalogueUrls: Record<Language, string> = { en: enUrl, id: idUrl };

const loading = new Map<Language, Promise<void>>();

/**
 * Fetches and registers a language's strings once (later calls share the request; a failed one may be retried).
 * The document preloads the reader's language (root.tsx), so before hydration this usually finds it in flight.
 */
export function loadCatalogue(lng: Language): Promise<void> {
  if (hasCatalogue(lng)) return Promise.resolve();
  let pending = loading.get(lng);
  if (!pending) {
    pending = fetch(catalogueUrls[lng], { credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`${catalogueUrls[lng]} answered ${response.status}`);
        registerCatalogue(lng, (await response.json()) as Catalogue);
      })
      .finally(() => loading.delete(lng));
    loading.set(lng, pending);
  }
  return pending;
}
