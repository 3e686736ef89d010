import { statement } from '../../db/sql';

/** Named SQL of the wallet. Tenant data: the workspace id is always `$1`. Money travels as bigint text. */

export interface WalletRow {
  id: string;
  balance: string;
  held: string;
  low_balance_threshold: string;
}

/** Creates the wallet the first time it is needed (unique workspace_id): $1 workspace, $2 id, $3 now. */
export const ENSURE_WALLET = statement(
  'wallet.ensure',
  `insert into "wallet" (id, workspace_id, balance, held, low_balance_threshold, created_at, updated_at)
   values ($2, $1, 0, 0, 0, $3::timestamptz, $3::timestamptz) on conflict (workspace_id) do nothing`,
);

/** The row lock every balance change takes first (unique index on workspace_id): $1 workspace. */
export const LOCK_WALLET = statement<WalletRow>(
  'wallet.lock',
  `select id, balance::text, held::text, low_balance_threshold::text from "wallet" where workspace_id = $1 for update`,
);

export const READ_WALLET = statement<WalletRow>(
  'wallet.read',
  `select id, balance::text, held::text, low_balance_threshold::text from "wallet" where workspace_id = $1`,
);

/** $1 workspace, $2 balance, $3 held, $4 now. */
export const UPDATE_WALLET = statement(
  'wallet.update',
  `update "wallet" set balance = $2::bigint, held = $3::bigint, updated_at = $4::timestamptz where workspace_id = $1`,
);

/** $1 workspace, $2 threshold, $3 now. */
export const SET_THRESHOLD = statement(
  'wallet.set-threshold',
  `update "wallet" set low_balance_threshold = $2::bigint, updated_at = $3::timestamptz where workspace_id = $1`,
);

export interface LedgerRow {
  id: string;
  kind: string;
  amount: string;
  held_delta: string;
  balance_after: string;
  held_after: string;
  reference: string;
  idempotency_key: string;
  actor: string;
  details: Record<string, unknown>;
  created_at: Date;
}

const LEDGER_COLUMNS = `id, kind, amount::text, held_delta::text, balance_after::text, held_after::text, reference,
  idempotency_key, actor, details, created_at`;

/** An earlier entry with this key (ledger_entry_idempotency_unique): $1 workspace, $2 wallet, $3 key. */
export const FIND_ENTRY_BY_KEY = statement<LedgerRow>(
  'wallet.find-entry-by-key',
  `select ${LEDGER_COLUMNS} from "ledger_entry" where workspace_id = $1 and wallet_id = $2 and idempotency_key = $3`,
);

/**
 * $1 workspace, $2 id, $3 wallet, $4 kind, $5 amount, $6 held delta, $7 balance after, $8 held after,
 * $9 reference, $10 key, $11 actor, $12 details, $13 now.
 */
export const INSERT_ENTRY = statement(
  'wallet.insert-entry',
  `insert into "ledger_entry" (id, workspace_id, wallet_id, kind, amount, held_delta, balance_after, held_after,
     reference, idempotency_key, actor, details, created_at, updated_at)
   values ($2, $1, $3, $4, $5::bigint, $6::bigint, $7::bigint, $8::bigint, $9, $10, $11, $12::jsonb,
     $13::timestamptz, $13::timestamptz)`,
);

/** Newest first, keyset by id (ledger_entry_page_index): $1 workspace, $2 cursor or null, $3 kinds or null, $4 limit. */
export const PAGE_ENTRIES = statement<LedgerRow>(
  'wallet.page-entries',
  `select ${LEDGER_COLUMNS} from "ledger_entry"
   where workspace_id = $1 and ($2::uuid is null or id < $2::uuid) and ($3::text[] is null or kind = any($3::text[]))
     and ($5::timestamptz is null or created_at >= $5::timestamptz) and ($6::timestamptz is null or created_at < $6::timestamptz)
   order by id desc limit $4`,
);

/** The invariant, computed from the entries: $1 workspace. */
export const LEDGER_SUMS = statement<{ balance: string; held: string; entries: number }>(
  'wallet.ledger-sums',
  `select coalesce(sum(amount), 0)::text as balance, coalesce(sum(held_delta), 0)::text as held, count(*)::int as entries
   from "ledger_entry" where workspace_id = $1`,
);

export interface HoldRow {
  id: string;
  reference: string;
  amount: string;
  remaining: string;
  captured: string;
  status: 'OPEN' | 'CLOSED';
}

const HOLD_COLUMNS = `id, reference, amount::text, remaining::text, captured::text, status`;

/** A hold, read under the wallet's lock (its primary key): $1 workspace, $2 hold id. */
export const READ_HOLD = statement<HoldRow>(
  'wallet.read-hold',
  `select ${HOLD_COLUMNS} from "wallet_hold" where workspace_id = $1 and id = $2`,
);

/** Open holds (wallet_hold_open_index): $1 workspace. */
export const OPEN_HOLDS = statement<HoldRow>(
  'wallet.open-holds',
  `select ${HOLD_COLUMNS} from "wallet_hold" where workspace_id = $1 and status = 'OPEN' order by id`,
);

/** $1 workspace, $2 id, $3 wallet, $4 reference, $5 amount, $6 now. */
export const INSERT_HOLD = statement(
  'wallet.insert-hold',
  `insert into "wallet_hold" (id, workspace_id, wallet_id, reference, amount, remaining, captured, status, created_at,
     updated_at)
   values ($2, $1, $3, $4, $5::bigint, $5::bigint, 0, 'OPEN', $6::timestamptz, $6::timestamptz)`,
);

/** $1 workspace, $2 hold id, $3 remaining, $4 captured, $5 status, $6 now. */
export const UPDATE_HOLD = statement(
  'wallet.update-hold',
  `update "wallet_hold" set remaining = $3::bigint, captured = $4::bigint, status = $5, updated_at = $6::timestamptz
   where workspace_id = $1 and id = $2`,
);

/**
 * The row locks of many wallets, in workspace order (two batches never wait on each other in a
 * cycle): $1 workspaces. Cross-workspace: a batch of top-up credits of the installation.
 */
export const LOCK_WALLETS = statement<WalletRow & { workspace_id: string }>(
  'wallet.lock-many',
  `select workspace_id, id, balance::text, held::text, low_balance_threshold::text from "wallet"
   where workspace_id = any($1::uuid[]) order by workspace_id for update`,
);

/** Creates the wallets not there yet: $1 workspaces, $2 ids (pairwise), $3 now. */
export const ENSURE_WALLETS = statement(
  'wallet.ensure-many',
  `insert into "wallet" (id, workspace_id, balance, held, low_balance_threshold, created_at, updated_at)
   select id, workspace_id, 0, 0, 0, $3::timestamptz, $3::timestamptz
   from unnest($1::uuid[], $2::uuid[]) as w(workspace_id, id)
   on conflict (workspace_id) do nothing`,
);

/** Which of these keys have an entry already (ledger_entry_idempotency_unique): $1 workspaces, $2 wallets, $3 keys. */
export const FIND_ENTRY_KEYS = statement<{ workspace_id: string; idempotency_key: string }>(
  'wallet.find-entry-keys',
  `select l.workspace_id, l.idempotency_key from "ledger_entry" l
   join unnest($1::uuid[], $2::uuid[], $3::text[]) as k(workspace_id, wallet_id, idempotency_key)
     on l.workspace_id = k.workspace_id and l.wallet_id = k.wallet_id and l.idempotency_key = k.idempotency_key`,
);

/** Many entries at once: the arrays of INSERT_ENTRY's parameters $1-$12, pairwise, and $13 now. */
export const INSERT_ENTRIES = statement(
  'wallet.insert-entries',
  `insert into "ledger_entry" (id, workspace_id, wallet_id, kind, amount, held_delta, balance_after, held_after,
     reference, idempotency_key, actor, details, created_at, updated_at)
   select id, workspace_id, wallet_id, kind, amount, held_delta, balance_after, held_after, reference,
     idempotency_key, actor, details, $13::timestamptz, $13::timestamptz
   from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[],
               $9::text[], $10::text[], $11::text[], $12::jsonb[])
     as e(workspace_id, id, wallet_id, kind, amount, held_delta, balance_after, held_after, reference,
          idempotency_key, actor, details)`,
);

/** Many wallets' new totals: $1 workspaces, $2 balances, $3 held (pairwise), $4 now. */
export const UPDATE_WALLETS = statement(
  'wallet.update-many',
  `update "wallet" w set balance = u.balance, held = u.held, updated_at = $4::timestamptz
   from unnest($1::uuid[], $2::bigint[], $3::bigint[]) as u(workspace_id, balance, held)
   where w.workspace_id = u.workspace_id`,
);
