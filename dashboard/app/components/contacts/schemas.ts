import * as z from 'zod/mini';

const required = (max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'validation.required' }),
      z.maxLength(max, { error: 'validation.tooLong' }),
    );

export const BULK_INTENTS = [
  'tag',
  'untag',
  'optOut',
  'marketingOptOut',
  'delete',
  'confirmOptOut',
  'confirmMarketingOptOut',
  'confirmDelete',
] as const;

/** The bulk actions that cannot be undone in one step ask first: the intent that asks, and the one it confirms. */
export const CONFIRMED_INTENTS = {
  confirmOptOut: 'optOut',
  confirmMarketingOptOut: 'marketingOptOut',
  confirmDelete: 'delete',
} as const;

export type ConfirmingIntent = keyof typeof CONFIRMED_INTENTS;

export function isConfirming(intent: string): intent is ConfirmingIntent {
  return Object.hasOwn(CONFIRMED_INTENTS, intent);
}

/** A bulk action: on the ticked rows, or (`scope=filter`) on every contact the current filter finds. */
export const bulkActionSchema = z.object({
  intent: z.enum(BULK_INTENTS),
  scope: z.optional(z.enum(['selection', 'filter'])),
  ids: z.array(z.string()),
  tag: z.optional(z.string().check(z.trim(), z.maxLength(64, { error: 'validation.tooLong' }))),
});

export const saveSegmentSchema = z.object({ name: required(120) });

/** Tags typed as one line, separated by commas (how the table and the import write them too). */
export function splitTags(value: string): string[] {
  return [
    ...new Set(
      value
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Attributes typed one a line as `key = value` (the value may hold `=` itself). A line without `=` is the reader's to
 * fix; the key's own rules (a letter, then letters, digits or `_`) are the API's, shown beside the field it answers.
 */
export function splitAttributes(value: string): { key: string; value: string }[] | null {
  const attributes: { key: string; value: string }[] = [];
  for (const line of value.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const at = line.indexOf('=');
    if (at < 0) return null;
    attributes.push({ key: line.slice(0, at).trim(), value: line.slice(at + 1).trim() });
  }
  return attributes;
}

/** The attributes as the form shows them, one `key = value` a line. */
export function joinAttributes(attributes: readonly { key: string; value: string }[]): string {
  return attributes.map(({ key, value }) => `${key} = ${value}`).join('\n');
}

const attributesField = z.string().check(
  z.maxLength(30_000, { error: 'validation.tooLong' }),
  z.refine((value) => splitAttributes(value) !== null, { error: 'contacts.form.attributeLine' }),
);

/** The fields a person edits on a contact (create adds the consent statement). */
export const updateContactSchema = z.object({
  phone: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'validation.required' }),
      z.maxLength(64, { error: 'validation.tooLong' }),
    ),
  name: z.string().check(z.trim(), z.maxLength(200, { error: 'validation.tooLong' })),
  tags: z.string().check(z.trim(), z.maxLength(2000, { error: 'validation.tooLong' })),
  attributes: attributesField,
});

export const createContactSchema = z.object({
  ...updateContactSchema.shape,
  consentStatement: z.string().check(z.trim(), z.maxLength(500, { error: 'validation.tooLong' })),
});

export const optInSchema = z.object({ kind: z.enum(['ALL', 'MARKETING']) });

export const reviewSchema = z.object({ decision: z.enum(['DISMISS', 'OPT_OUT']) });

export const COLUMN_USES = ['ignore', 'phone', 'name', 'tags', 'attribute'] as const;
export type ColumnUse = (typeof COLUMN_USES)[number];

export const startImportSchema = z.object({
  importId: z.string().check(z.minLength(1, { error: 'validation.required' })),
  consentStatement: required(1000),
  tag: z.optional(z.string().check(z.trim(), z.maxLength(64, { error: 'validation.tooLong' }))),
  duplicates: z.enum(['SKIP', 'UPDATE']),
  keepValidRows: z.optional(z.string()),
});

/**
 * An attribute key from a column's header: the API wants a letter, then letters, digits or `_` (up to 40), and
 * the key becomes a template variable, so `Kota Asal` becomes `kota_asal`.
 */
export function attributeKey(column: string, index: number): string {
  const key = column
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return /^[a-z]/.test(key) ? key : `column_${index + 1}`;
}
