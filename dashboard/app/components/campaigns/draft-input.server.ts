import { DateTime } from 'luxon';
import type { CampaignDraftInput, VariableSource } from '../../graphql/graphql';
import type { FieldErrors } from '../../utils/forms';
import { VARIABLE_SOURCES, isStatus } from './campaign-facts';
import { splitTags, type draftSchema } from './schemas';
import type * as z from 'zod/mini';

/**
 * The editor form as the API's CampaignDraftInput. The variable mapping comes as `var.<parameter>.source`,
 * `.value` and `.fallback` for each parameter the chosen template has (the `parameters` hidden fields).
 */
export function draftInput(
  fields: z.infer<typeof draftSchema>,
  form: FormData,
): { input: CampaignDraftInput; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const parameters = form.getAll('parameters').filter((value): value is string => typeof value === 'string');
  const variables = parameters.map((parameter) => {
    const source = String(form.get(`var.${parameter}.source`) ?? '');
    const value = String(form.get(`var.${parameter}.value`) ?? '').trim();
    const fallback = String(form.get(`var.${parameter}.fallback`) ?? '').trim();
    if (!isStatus(VARIABLE_SOURCES, source)) fieldErrors[`var.${parameter}.source`] = { key: 'validation.required' };
    if ((source === 'ATTRIBUTE' || source === 'TEXT') && value === '') {
      fieldErrors[`var.${parameter}.value`] = { key: 'validation.required' };
    }
    return {
      parameter,
      source: (isStatus(VARIABLE_SOURCES, source) ? source : 'TEXT') as VariableSource,
      value: value || null,
      fallback: fallback || null,
    };
  });
  const tags = splitTags(fields.tags);
  if (fields.audienceKind === 'TAGS' && tags.length === 0) fieldErrors.tags = { key: 'validation.required' };
  if (fields.audienceKind === 'SEGMENT' && !fields.segmentId) fieldErrors.segmentId = { key: 'validation.required' };
  const windowStart = fields.windowStart || null;
  const windowEnd = fields.windowEnd || null;
  if ((windowStart === null) !== (windowEnd === null)) {
    fieldErrors[windowStart ? 'windowEnd' : 'windowStart'] = { key: 'campaigns.form.windowBoth' };
  }
  const input: CampaignDraftInput = {
    name: fields.name,
    channelId: fields.channelId || null,
    templateId: fields.templateId || null,
    variables,
    // A retarget's audience cannot change: leaving it out keeps it.
    ...(fields.audienceKind === 'RETARGET'
      ? {}
      : {
          audience: {
            kind: fields.audienceKind,
            tags: fields.audienceKind === 'TAGS' ? tags : null,
            segmentId: fields.audienceKind === 'SEGMENT' ? (fields.segmentId ?? null) : null,
          },
        }),
    ...(windowStart && windowEnd ? { windowStart, windowEnd } : { clearWindow: true }),
  };
  return { input, fieldErrors };
}

/** `2026-12-24T08:00` read on the workspace's wall clock (WIB, WITA or WIT) as an instant; null if no such time. */
export function zonedInstant(local: string, timeZone: string): string | null {
  const moment = DateTime.fromISO(local, { zone: timeZone });
  return moment.isValid ? moment.toUTC().toISO() : null;
}

/** The instant as the workspace's wall clock, for a `datetime-local` input's value. */
export function zonedLocal(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone).toFormat("yyyy-MM-dd'T'HH:mm");
}
