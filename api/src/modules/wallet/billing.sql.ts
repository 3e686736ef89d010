import { statement } from '../../db/sql';

/** Named SQL of prices, billing profiles and statements. */

export interface PriceRow {
  category: string;
  workspace_id: string | null;
  amount: string;
  valid_from: Date;
}

/**
 * The price in force for each category at a moment: the workspace's own, else the
 * installation's (message_price_lookup_index). $1 workspace (or null: installation only), $2 at.
 */
export const CURRENT_PRICES = statement<PriceRow>(
  'billing.current-prices',
  `select distinct on (category) category, workspace_id, amount::text, valid_from from "message_price"
   where (workspace_id is null or workspace_id = $1::uuid) and valid_from <= $2::timestamptz
   order by category, (workspace_id is null), valid_from desc`,
);

/** The history, newest first: $1 workspace (null: installation rows only), $2 limit. */
export const PRICE_HISTORY = statement<PriceRow>(
  'billing.price-history',
  `select category, workspace_id, amount::text, valid_from from "message_price"
   where workspace_id is null or workspace_id = $1::uuid order by valid_from desc, id desc limit $2`,
);

/** $1 workspace or null, $2 id, $3 category, $4 amount, $5 valid from (now), $6 set by. */
export const INSERT_PRICE = statement(
  'billing.insert-price',
  `insert into "message_price" (id, workspace_id, category, amount, valid_from, set_by, created_at, updated_at)
   values ($2, $1::uuid, $3, $4::bigint, $5::timestamptz, $6, $5::timestamptz, $5::timestamptz)`,
);

export interface BillingProfileRow {
  legal_name: string;
  npwp: string | null;
  address: string;
  invoice_email: string;
  updated_at: Date;
}

export const READ_BILLING_PROFILE = statement<BillingProfileRow>(
  'billing.read-profile',
  `select legal_name, npwp, address, invoice_email, updated_at from "billing_profile" where workspace_id = $1`,
);

/** One per workspace (unique workspace_id): $1 workspace, $2 id, $3 legal name, $4 npwp, $5 address, $6 e-mail, $7 now. */
export const UPSERT_BILLING_PROFILE = statement(
  'billing.upsert-profile',
  `insert into "billing_profile" (id, workspace_id, legal_name, npwp, address, invoice_email, created_at, updated_at)
   values ($2, $1, $3, $4, $5, $6, $7::timestamptz, $7::timestamptz)
   on conflict (workspace_id) do update set legal_name = excluded.legal_name, npwp = excluded.npwp,
     address = excluded.address, invoice_email = excluded.invoice_email, updated_at = excluded.updated_at`,
);

export interface StatementRow {
  created_at: Date;
  kind: string;
  reference: string;
  entries: number;
  amount: string;
}

/**
 * A month of the ledger for the statement, grouped so usage reads per campaign: holds and
 * releases move no money and are left out. $1 workspace, $2 from, $3 to (exclusive).
 */
export const STATEMENT_ROWS = statement<StatementRow>(
  'billing.statement-rows',
  `select min(created_at) as created_at, kind, reference, count(*)::int as entries, sum(amount)::text as amount
   from "ledger_entry"
   where workspace_id = $1 and created_at >= $2::timestamptz and created_at < $3::timestamptz and amount <> 0
   group by kind, reference order by min(created_at), min(id::text)`,
);
