import * as z from 'zod/mini';
import { VARIABLE_SOURCES } from './campaign-facts';

const TIME_OF_DAY = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
// Meta refuses a text parameter with a line break, a tab or more than four spaces in a row (132000/132018 at
// send time, for every recipient): the form says so before a campaign is started with it.
const PARAMETER_TEXT = /^(?![\s\S]*[\n\t])(?![\s\S]* {5})/;

const campaignName = z
  .string()
  .check(z.trim(), z.minLength(1, { error: 'validation.required' }), z.maxLength(120, { error: 'validation.tooLong' }));

const optionalTime = z.optional(
  z.string().check(
    z.trim(),
    z.refine((value) => value === '' || TIME_OF_DAY.test(value), 'campaigns.form.timeFormat'),
  ),
);

const parameterText = z.string().check(
  z.trim(),
  z.maxLength(1024, { error: 'validation.tooLong' }),
  z.refine((value) => PARAMETER_TEXT.test(value), 'campaigns.form.parameterText'),
);

/** The daily send window, `08:00`-`20:00` in the workspace's zone: both ends or neither (the missing end is named). */
export const sendWindowSchema = z.object({ start: optionalTime, end: optionalTime }).check(
  z.refine((window) => !window.start || Boolean(window.end), { error: 'campaigns.form.windowBoth', path: ['end'] }),
  z.refine((window) => !window.end || Boolean(window.start), { error: 'campaigns.form.windowBoth', path: ['start'] }),
);

/** One template parameter's mapping: where its value comes from, and the text when a contact has none. */
const parameterMappingSchema = z
  .object({
    parameter: z.string(),
    source: z.enum(VARIABLE_SOURCES, { error: 'validation.required' }),
    value: parameterText,
    fallback: parameterText,
  })
  .check(
    z.refine((mapping) => !(mapping.source === 'ATTRIBUTE' || mapping.source === 'TEXT') || mapping.value !== '', {
      error: 'validation.required',
      path: ['value'],
    }),
  );

export const newCampaignSchema = z.object({
  name: campaignName,
  channelId: z.string().check(z.minLength(1, { error: 'validation.required' })),
});

/**
 * The editor's draft as draftValues() reads it from the form: its issues name nested fields (`mapping.2.fallback`,
 * `window.end`) and the editor shows each beside its input.
 */
export const draftSchema = z
  .object({
    name: campaignName,
    channelId: z.optional(z.string()),
    templateId: z.optional(z.string()),
    // RETARGET: the audience is an earlier campaign's recipients, fixed at retargeting (the form sends it back as is).
    audienceKind: z.enum(['ALL', 'TAGS', 'SEGMENT', 'RETARGET']),
    tags: z.optional(z.string().check(z.trim(), z.maxLength(1200, { error: 'validation.tooLong' }))),
    segmentId: z.optional(z.string()),
    mapping: z.array(parameterMappingSchema),
    window: sendWindowSchema,
  })
  .check(
    z.refine((draft) => draft.audienceKind !== 'TAGS' || splitTags(draft.tags).length > 0, {
      error: 'validation.required',
      path: ['tags'],
    }),
    z.refine((draft) => draft.audienceKind !== 'SEGMENT' || Boolean(draft.segmentId), {
      error: 'validation.required',
      path: ['segmentId'],
    }),
  );

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
