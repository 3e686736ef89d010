import { hitDetail } from '../components/search/hit-details';
import { matchPages, mergeResults, type SearchResult } from '../components/search/page-matches';
import { graphql } from '../graphql';
import { createI18n } from '../i18n';
import type { CurrentUser } from './auth.server';
import { gqlResult } from './graphql.server';
import { getLanguage } from './language.server';

const SearchQuery = graphql(`
  query GlobalSearch($query: String!, $first: Int!) {
    search(query: $query, first: $first) {
      kind
      id
      title
      detail
      link
      rank
    }
  }
`);

export const SEARCH_LIMIT = 10;
/** The API needs two characters; a page name may match from one. */
const API_MIN_QUERY = 2;
const LOCALES = { en: 'en-US', id: 'id-ID' } as const;

/**
 * What the header's search finds for `query`: the dashboard's pages the reader may open (by their name in the
 * reader's language) and the API's `search` (contacts, campaigns, payment orders, templates the reader may read),
 * merged by rank. An API that refuses the query (too short) or cannot be reached leaves the pages. The API's second
 * lines are data, shown in the reader's language (`hitDetail`).
 */
export async function searchEverything(request: Request, user: CurrentUser, query: string): Promise<SearchResult[]> {
  if (!query) return [];
  const lng = getLanguage(request);
  const i18n = createI18n(lng);
  const pages = matchPages(query, user.permissions, (key) => i18n.t(key), LOCALES[lng]);
  const answer =
    [...query].length >= API_MIN_QUERY
      ? await gqlResult(request, SearchQuery, { query: query.slice(0, 100), first: SEARCH_LIMIT })
      : null;
  const hits: SearchResult[] = (answer?.data?.search ?? []).map((hit) => ({ ...hit, detail: hitDetail(hit, i18n.t) }));
  return mergeResults(pages, hits, SEARCH_LIMIT);
}
