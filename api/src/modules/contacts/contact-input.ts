import { AppError } from '../../core/app-error';
import { normalizePhone, PHONE_PROBLEM_KEYS } from './phone';

/**
 * The rules a contact's fields follow, for every way in (GraphQL, import, inbound): the same
 * limits and the same message keys.
 */
export const LIMITS = {
  name: 200,
  tag: 60,
  tags: 50,
  attributes: 50,
  attributeValue: 500,
  selection: 1000,
} as const;

/** Attribute keys become template variables later: a letter, then letters, digits or underscores. */
export const ATTRIBUTE_KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

export type FieldProblem = { field: string; key: string; params?: Record<string, string | number> };

export function phoneOrProblem(raw: string): { phone: string } | FieldProblem {
  const result = normalizePhone(raw);
  return result.ok ? { phone: result.e164 } : { field: 'phone', key: PHONE_PROBLEM_KEYS[result.problem] };
}

export function cleanName(raw: string | null | undefined): string | null | FieldProblem {
  const name = raw?.normalize('NFC').trim() ?? '';
  if (name.length === 0) return null;
  if ([...name].length > LIMITS.name)
    return { field: 'name', key: 'validation.maxLength', params: { max: LIMITS.name } };
  return name;
}

export function cleanTag(raw: string): string | FieldProblem {
  const tag = raw.normalize('NFC').trim();
  if (tag.length === 0 || [...tag].length > LIMITS.tag) {
    return { field: 'tags', key: 'validation.isLength', params: { min: 1, max: LIMITS.tag } };
  }
  return tag;
}

export function cleanTags(raw: readonly string[]): string[] | FieldProblem {
  const tags: string[] = [];
  for (const value of raw) {
    const tag = cleanTag(value);
    if (typeof tag !== 'string') return tag;
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length > LIMITS.tags) return { field: 'tags', key: 'validation.arrayMaxSize', params: { max: LIMITS.tags } };
  return tags.sort();
}

export function cleanAttributes(raw: readonly { key: string; value: string }[]): Record<string, string> | FieldProblem {
  if (raw.length > LIMITS.attributes) {
    return { field: 'attributes', key: 'validation.arrayMaxSize', params: { max: LIMITS.attributes } };
  }
  const attributes: Record<string, string> = {};
  for (const { key, value } of raw) {
    if (!ATTRIBUTE_KEY.test(key)) return { field: 'attributes', key: 'contacts.attributeKey' };
    const text = value.normalize('NFC').trim();
    if ([...text].length > LIMITS.attributeValue) {
      return { field: 'attributes', key: 'validation.maxLength', params: { max: LIMITS.attributeValue } };
    }
    attributes[key] = text;
  }
  return attributes;
}

export function isProblem(value: unknown): value is FieldProblem {
  return typeof value === 'object' && value !== null && 'field' in value && 'key' in value;
}

/** A field problem as the platform's validation error (BAD_USER_INPUT with the field's message key). */
export function refuse(problem: FieldProblem): never {
  throw new AppError(
    'BAD_USER_INPUT',
    'errors.validation',
    {},
    { [problem.field]: problem.key },
    problem.params ? { [problem.field]: problem.params } : undefined,
  );
}

export function accept<T>(value: T | FieldProblem): T {
  if (isProblem(value)) refuse(value);
  return value;
}
