import { registerCatalogue } from './i18n';
import en from './locales/en.json';
import id from './locales/id.json';

/**
 * The server renders any reader's language, so it holds both from the start (entry.server calls this as the build
 * loads). A function, not an import for its side effect: the package declares `sideEffects: false`, and the
 * bundler drops a bare import.
 */
export function registerAllCatalogues(): void {
  registerCatalogue('en', en);
  registerCatalogue('id', id);
}
