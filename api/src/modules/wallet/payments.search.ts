import { query, statement } from '../../db/sql';
import { Permission } from '../identity';
import { likePatterns, longEnough, SearchKind, type SearchRow, type SearchSource } from '../search';

/**
 * Top-up orders by order id (a workspace has hundreds, not millions: its rows, filtered).
 * $1 workspace, $2 `%text%`, $3 `lowered text%`, $4 the text lowered, $5 the limit.
 */
export const SEARCH_PAYMENT_ORDERS = statement<SearchRow & { status: string }>(
  'wallet.search-payment-orders',
  `select id, order_id as title, gross_amount::text as detail, status,
     case when lower(order_id) = $4 then 3 when order_id ilike $3 then 2 else 1 end as rank
   from payment_order where workspace_id = $1 and order_id ilike $2
   order by rank desc, created_at desc limit $5`,
);

/** Payment orders by order id; a paid one opens its receipt, any other the wallet page. */
export const paymentOrderSearchSource: SearchSource = {
  kind: SearchKind.PAYMENT_ORDER,
  permission: Permission.PAYMENTS_READ,
  async find(em, workspaceId, text, limit) {
    if (!longEnough(text)) return [];
    const match = likePatterns(text);
    const rows = await query(em, SEARCH_PAYMENT_ORDERS, [
      workspaceId,
      match.contains,
      match.prefix,
      match.lowered,
      limit,
    ]);
    return rows.map((row) => ({
      kind: SearchKind.PAYMENT_ORDER,
      id: row.id,
      title: row.title,
      detail: row.detail,
      link: row.status === 'PAID' ? `/wallet/receipts/${encodeURIComponent(row.title)}` : '/wallet',
      rank: row.rank,
    }));
  },
};
