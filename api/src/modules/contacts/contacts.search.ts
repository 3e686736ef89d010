import { query, statement } from '../../db/sql';
import { Permission } from '../identity';
import {
  likePatterns,
  longEnough,
  MIN_PHONE_QUERY,
  SearchKind,
  type SearchHit,
  type SearchRow,
  type SearchSource,
} from '../search';
import { isPhoneSearch } from './contact-filter';
import { phoneFragmentDigits } from './phone';

/**
 * How many names that only contain the fragment are gathered before they are put in order (each is a heap row read:
 * 1,000 measured 20 ms of the 41 of a rare fragment with a cold cache, docs/BENCHMARKS.md); a fragment that
 * 100,000 names contain would otherwise sort them all for ten. Of those, the first ten by name are shown; the
 * reader types more to narrow (the contacts page lists them all).
 */
export const CONTAINS_CANDIDATES = 200;

/**
 * Contacts by name. $1 workspace, $2 `%text%`, $3 `lowered text%`, $4 the text lowered, $5 the limit.
 * First the names that are or start with the text (rank 3 or 2), walked in order on `contact_name_lower_index`
 * (the exact name sorts first: a string sorts before its extensions); only when those are fewer than the limit,
 * names that contain it elsewhere (rank 1): `contact_name_trgm_index`, capped at CONTAINS_CANDIDATES before the
 * sort. The outer limit stops the second branch from running at all when the first fills the page.
 */
export const SEARCH_CONTACTS_BY_NAME = statement<SearchRow>(
  'contacts.search-by-name',
  `(select id, name as title, phone as detail, case when lower(name) = $4 then 3 else 2 end as rank
    from contact where workspace_id = $1 and lower(name) collate "C" like $3
    order by lower(name) collate "C", id limit $5)
   union all
   (select id, title, detail, 1 from (
      select id, name as title, phone as detail from contact
      where workspace_id = $1 and name ilike $2 and lower(name) collate "C" not like $3
      limit ${CONTAINS_CANDIDATES}) candidates
    order by title, id limit $5)
   limit $5`,
);

/**
 * Contacts by a phone fragment (its digits, a national 0 as 62; stored as +62...): `contact_phone_trgm_index`, or
 * `contact_phone_unique` (workspace, phone) walked in order for a fragment that many numbers share.
 * $1 workspace, $2 `%digits%`, $3 `digits%`, $4 the digits, $5 the limit.
 */
export const SEARCH_CONTACTS_BY_PHONE = statement<SearchRow>(
  'contacts.search-by-phone',
  `select id, name as title, phone as detail,
     case when phone = '+' || $4 then 3 when phone like '+' || $3 then 2 else 1 end as rank
   from contact where workspace_id = $1 and phone like $2
   order by phone limit $5`,
);

export const CONTACT_SEARCH_STATEMENTS = [SEARCH_CONTACTS_BY_NAME, SEARCH_CONTACTS_BY_PHONE];

function toHit(row: SearchRow): SearchHit {
  return {
    kind: SearchKind.CONTACT,
    id: row.id,
    title: row.title,
    detail: row.detail,
    link: `/contacts/${row.id}`,
    rank: row.rank,
  };
}

/** Contacts by name (3 characters or more) or by phone fragment (4 digits or more, counted as typed). */
export const contactSearchSource: SearchSource = {
  kind: SearchKind.CONTACT,
  permission: Permission.CONTACTS_READ,
  async find(em, workspaceId, text, limit) {
    if (isPhoneSearch(text)) {
      // Counted as typed ("081" is three digits, though stored as +6281), as the contacts page counts them.
      if (text.replace(/\D/g, '').length < MIN_PHONE_QUERY) return [];
      const match = likePatterns(phoneFragmentDigits(text));
      const rows = await query(em, SEARCH_CONTACTS_BY_PHONE, [
        workspaceId,
        match.contains,
        match.prefix,
        match.lowered,
        limit,
      ]);
      return rows.map(toHit);
    }
    if (!longEnough(text)) return [];
    const match = likePatterns(text);
    const rows = await query(em, SEARCH_CONTACTS_BY_NAME, [
      workspaceId,
      match.contains,
      match.prefix,
      match.lowered,
      limit,
    ]);
    return rows.map(toHit);
  },
};
