import { statement } from '../../db/sql';

/**
 * Named SQL of the global search. Tenant data: the workspace id is always `$1`. Each source ranks its own hits:
 * 3 when the text is the query (case aside), 2 when it starts with it, 1 when it only contains it.
 * $2 the `%query%` pattern (LIKE metacharacters escaped), $3 the `query%` pattern, $4 the query lowered, $5 limit.
 */
export interface SearchRow {
  id: string;
  title: string;
  detail: string;
  rank: number;
}

/**
 * Contacts by name, best rank first: `contact_name_trgm_index` finds the fragment. A fragment that most names share
 * misses the 50 ms target at 1,000,000 rows (docs/BENCHMARKS.md): ordering by rank sorts every match, and ordering
 * by name alone measured worse still (the planner kept the trigram bitmap and sorted 80,000 rows).
 */
export const SEARCH_CONTACTS_BY_NAME = statement<SearchRow>(
  'search.contacts-by-name',
  `select id, name as title, phone as detail,
     case when lower(name) = $4 then 3 when name ilike $3 then 2 else 1 end as rank
   from contact where workspace_id = $1 and name ilike $2
   order by rank desc, name, id limit $5`,
);

/**
 * Contacts by a phone fragment (its digits, a national 0 as 62; stored as +62...): `contact_phone_trgm_index`, or
 * `contact_phone_unique` (workspace, phone) walked in order for a fragment that many numbers share.
 */
export const SEARCH_CONTACTS_BY_PHONE = statement<SearchRow>(
  'search.contacts-by-phone',
  `select id, name as title, phone as detail,
     case when phone = '+' || $4 then 3 when phone like '+' || $3 then 2 else 1 end as rank
   from contact where workspace_id = $1 and phone like $2
   order by phone limit $5`,
);

/** Top-up orders by order id (a workspace has hundreds, not millions: its rows, filtered). */
export const SEARCH_PAYMENT_ORDERS = statement<SearchRow & { status: string }>(
  'search.payment-orders',
  `select id, order_id as title, gross_amount::text as detail, status,
     case when lower(order_id) = $4 then 3 when order_id ilike $3 then 2 else 1 end as rank
   from payment_order where workspace_id = $1 and order_id ilike $2
   order by rank desc, created_at desc limit $5`,
);

/** The local copy of Meta's templates by name (`message_template_workspace_name_index` for the workspace). */
export const SEARCH_TEMPLATES = statement<SearchRow>(
  'search.templates',
  `select id, name as title, language || ' · ' || category as detail,
     case when lower(name) = $4 then 3 when name ilike $3 then 2 else 1 end as rank
   from message_template where workspace_id = $1 and name ilike $2
   order by rank desc, name, language limit $5`,
);
