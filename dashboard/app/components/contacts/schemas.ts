import * as z from 'zod/mini';

const required = (max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'validation.required' }),
      z.maxLength(max, { error: 'validation.tooLong' }),
    );

export const BULK_INTENTS = ['tag', 'untag', 'optOut', 'marketingOptOut'] as const;

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

export const updateContactSchema = z.object({
  name: z.string().check(z.trim(), z.maxLength(200, { error: 'validation.tooLong' })),
  tags: z.string().check(z.trim(), z.maxLength(2000, { error: 'validation.tooLong' })),
});

export const optInSchema = z.object({ kind: z.enum(['ALL', 'MARKETING']) });
