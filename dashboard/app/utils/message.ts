import type { TFunction } from 'i18next';
import { isTranslationKey, type TranslationKey } from '../i18n';

export type MessageParams = Record<string, string | number>;

/**
 * Something to tell the reader, carried from a loader or action to the page: a key of ours (with its
 * interpolation values), or text the API already translated into the reader's language (a key we do not know).
 */
export type Message = { key: TranslationKey; params?: MessageParams } | { text: string };

export function translateMessage(t: TFunction, message: Message): string {
  if ('text' in message) return message.text;
  // The key is checked against the locale files where the message is made; its params are plain values.
  return (t as unknown as (key: string, options?: MessageParams) => string)(message.key, message.params);
}

/** Only strings and finite numbers survive: the API's params are interpolated into a sentence. */
export function toMessageParams(value: unknown): MessageParams {
  const params: MessageParams = {};
  if (typeof value !== 'object' || value === null) return params;
  for (const [name, item] of Object.entries(value)) {
    if (typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item))) params[name] = item;
  }
  return params;
}

export function keyMessage(key: unknown, params?: MessageParams): Message | undefined {
  return isTranslationKey(key) ? { key, ...(params && Object.keys(params).length > 0 ? { params } : {}) } : undefined;
}
