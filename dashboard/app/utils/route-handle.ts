import type { TranslationKey } from '../i18n';

/** What a route module may export as `handle`; the root reads `titleKey` for the document title. */
export interface RouteHandle {
  titleKey?: TranslationKey;
}

export function titleKeyOf(handle: unknown): TranslationKey | undefined {
  if (typeof handle !== 'object' || handle === null || !('titleKey' in handle)) return undefined;
  return (handle as RouteHandle).titleKey;
}
