import type { TranslationKey } from '../i18n';
import type { MessageParams } from './message';

/** A short notice after an action, shown once (see toast.server.ts). */
export interface Toast {
  /** Fresh per toast, so the same notice twice in a row is shown twice. */
  id: string;
  type: 'success' | 'info' | 'error';
  key: TranslationKey;
  params?: MessageParams;
}
