import * as z from 'zod/mini';

const TIME_OF_DAY = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

const optionalTime = z.optional(
  z.string().check(
    z.trim(),
    z.refine((value) => value === '' || TIME_OF_DAY.test(value), 'campaigns.form.timeFormat'),
  ),
);

export const newCampaignSchema = z.object({
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'validation.required' }),
      z.maxLength(120, { error: 'validation.tooLong' }),
    ),
  channelId: z.string().check(z.minLength(1, { error: 'validation.required' })),
});

/** The editor's fixed fields; the variable mapping (`var.<parameter>.source` ...) is read beside it. */
export const draftSchema = z.object({
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'validation.required' }),
      z.maxLength(120, { error: 'validation.tooLong' }),
    ),
  channelId: z.optional(z.string()),
  templateId: z.optional(z.string()),
  // RETARGET: the audience is an earlier campaign's recipients, fixed at retargeting (the form sends it back as is).
  audienceKind: z.enum(['ALL', 'TAGS', 'SEGMENT', 'RETARGET']),
  tags: z.optional(z.string().check(z.trim(), z.maxLength(1200, { error: 'validation.tooLong' }))),
  segmentId: z.optional(z.string()),
  windowStart: optionalTime,
  windowEnd: optionalTime,
});

export const testSendSchema = z.object({
  phone: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'validation.required' }),
      z.maxLength(30, { error: 'validation.tooLong' }),
    ),
});

export const scheduleSchema = z.object({
  at: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'campaigns.form.scheduleFormat' })),
});

/** Tags typed as `vip, jakarta`: trimmed, empty ones dropped, each once. */
export function splitTags(text: string | undefined): string[] {
  return [
    ...new Set(
      (text ?? '')
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}
