import type { ContactFilter, SuppressionState } from '../../graphql/graphql';

/**
 * The contacts table's filter lives in the URL (`?q=&tag=&segment=&suppression=&review=`), so a filtered view survives a
 * reload, can be shared, and is what a bulk action, a saved segment or an export applies to.
 */
export const SUPPRESSION_STATES = ['ANY', 'NONE', 'OPTED_OUT', 'MARKETING_OPT_OUT', 'SUPPRESSED'] as const;

export interface ContactFilterParams {
  search: string;
  tag: string;
  segmentId: string;
  suppression: SuppressionState | '';
  /** Only contacts with a reply flagged for review (`review=1`). */
  needsReview: boolean;
}

export function readFilterParams(params: URLSearchParams): ContactFilterParams {
  const suppression = params.get('suppression') ?? '';
  return {
    search: (params.get('q') ?? '').trim(),
    tag: (params.get('tag') ?? '').trim(),
    segmentId: params.get('segment') ?? '',
    suppression: (SUPPRESSION_STATES as readonly string[]).includes(suppression)
      ? (suppression as SuppressionState)
      : '',
    needsReview: params.get('review') === '1',
  };
}

/** The API's filter for these params (only the parts the reader set). */
export function toContactFilter(filter: ContactFilterParams): ContactFilter {
  return {
    ...(filter.search ? { search: filter.search } : {}),
    ...(filter.tag ? { tags: [filter.tag] } : {}),
    ...(filter.segmentId ? { segmentId: filter.segmentId } : {}),
    ...(filter.suppression ? { suppression: filter.suppression } : {}),
    ...(filter.needsReview ? { needsReview: true } : {}),
  };
}

export function hasFilter(filter: ContactFilterParams): boolean {
  return Boolean(filter.search || filter.tag || filter.segmentId || filter.suppression || filter.needsReview);
}

// Counts are grouped the Indonesian way in both languages, like rupiah amounts (10.000+).
const countFormat = new Intl.NumberFormat('id-ID');

/** "1.234", or "10.000+" when the API's count is PostgreSQL's estimate. */
export function formatContactCount(totalCount: number, isEstimate: boolean): string {
  return isEstimate ? `${countFormat.format(10_000)}+` : countFormat.format(totalCount);
}
