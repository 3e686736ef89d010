import { DateTime } from 'luxon';
import type { CampaignDraftInput } from '../../graphql/graphql';
import type { FieldErrors } from '../../utils/forms';
import { splitTags, type draftSchema } from './schemas';
import type * as z from 'zod/mini';

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

/**
 * The editor form as the nested draft that draftSchema checks. The variable mapping comes as `var.<parameter>.source`,
 * `.value` and `.fallback` for each parameter the chosen template has, in the order of the `parameters` hidden
 * fields: `mapping.<index>` is the index-th of those.
 */
export function draftValues(form: FormData): unknown {
  const parameters = form.getAll('parameters').filter((value): value is string => typeof value === 'string');
  return {
    name: text(form, 'name'),
    channelId: text(form, 'channelId'),
    templateId: text(form, 'templateId'),
    audienceKind: text(form, 'audienceKind'),
    tags: text(form, 'tags'),
    segmentId: text(form, 'segmentId'),
    mapping: parameters.map((parameter) => ({
      parameter,
      source: text(form, `var.${parameter}.source`),
      value: text(form, `var.${parameter}.value`) ?? '',
      fallback: text(form, `var.${parameter}.fallback`) ?? '',
    })),
    window: { start: text(form, 'windowStart'), end: text(form, 'windowEnd') },
  };
}

/** A checked draft as the API's CampaignDraftInput. */
export function draftInput(draft: z.infer<typeof draftSchema>): CampaignDraftInput {
  const { start, end } = draft.window;
  return {
    name: draft.name,
    channelId: draft.channelId || null,
    templateId: draft.templateId || null,
    variables: draft.mapping.map((mapping) => ({
      parameter: mapping.parameter,
      source: mapping.source,
      value: mapping.value || null,
      fallback: mapping.fallback || null,
    })),
    // A retarget's audience cannot change: leaving it out keeps it.
    ...(draft.audienceKind === 'RETARGET'
      ? {}
      : {
          audience: {
            kind: draft.audienceKind,
            tags: draft.audienceKind === 'TAGS' ? splitTags(draft.tags) : null,
            segmentId: draft.audienceKind === 'SEGMENT' ? (draft.segmentId ?? null) : null,
          },
        }),
    ...(start && end ? { windowStart: start, windowEnd: end } : { clearWindow: true }),
  };
}

/**
 * The API's refusal of a draft field, named as the form names it: `variables.2.value` is the form's `mapping.2.value`,
 * `audience.tags` its `tags`, `windowStart` its `window.start`.
 */
export function draftFieldName(apiPath: string): string {
  const path = apiPath.replace(/^input\./, '');
  if (path.startsWith('variables.')) return `mapping.${path.slice('variables.'.length)}`;
  if (path.startsWith('audience.')) return path.slice('audience.'.length);
  if (path === 'windowStart') return 'window.start';
  if (path === 'windowEnd') return 'window.end';
  return path;
}

export function draftFieldErrors(apiFields: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(apiFields).map(([path, message]) => [draftFieldName(path), message]));
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
