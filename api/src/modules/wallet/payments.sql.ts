import { statement } from '../../db/sql';

/** Named SQL of top-ups and Midtrans notifications. */

export interface OrderRow {
  id: string;
  workspace_id: string;
  order_id: string;
  gross_amount: string;
  credit_amount: string;
  tax_amount: string;
  status: string;
  midtrans_status: string | null;
  payment_type: string | null;
  flagged: boolean;
  flag_reason: string | null;
  credited: string;
  reversed: string;
  snap_token: string | null;
  redirect_url: string | null;
  expires_at: Date;
  next_check_at: Date | null;
  checks: number;
  paid_at: Date | null;
  created_at: Date;
}

const ORDER_COLUMNS = `id, workspace_id, order_id, gross_amount::text, credit_amount::text, tax_amount::text, status,
  midtrans_status, payment_type, flagged, flag_reason, credited::text, reversed::text, snap_token, redirect_url,
  expires_at, next_check_at, checks, paid_at, created_at`;

/** The same columns, qualified by the alias `o` (for joins). */
const ORDER_COLUMNS_OF_O = ORDER_COLUMNS.split(',')
  .map((column) => `o.${column.trim()}`)
  .join(', ');

/**
 * $1 workspace, $2 id, $3 order id, $4 gross, $5 credit, $6 tax, $7 expires at, $8 first check, $9 created by, $10 now.
 */
export const INSERT_ORDER = statement(
  'payments.insert-order',
  `insert into "payment_order" (id, workspace_id, order_id, gross_amount, credit_amount, tax_amount, status, flagged,
     credited, reversed, expires_at, next_check_at, checks, created_by, created_at, updated_at)
   values ($2, $1, $3, $4::bigint, $5::bigint, $6::bigint, 'PENDING', false, 0, 0, $7::timestamptz, $8::timestamptz, 0,
     $9, $10::timestamptz, $10::timestamptz)`,
);

/** Snap refused the transaction: $1 workspace, $2 order id, $3 now. */
export const FAIL_ORDER = statement(
  'payments.fail-order',
  `update "payment_order" set status = 'FAILED', next_check_at = null, updated_at = $3::timestamptz
   where workspace_id = $1 and order_id = $2 and status = 'PENDING'`,
);

/** $1 workspace, $2 order id, $3 token, $4 redirect url, $5 now. */
export const SET_SNAP = statement(
  'payments.set-snap',
  `update "payment_order" set snap_token = $3, redirect_url = $4, updated_at = $5::timestamptz
   where workspace_id = $1 and order_id = $2`,
);

/** The order row lock, taken before the wallet's (always in that order): $1 workspace, $2 order id. */
export const LOCK_ORDER = statement<OrderRow>(
  'payments.lock-order',
  `select ${ORDER_COLUMNS} from "payment_order" where workspace_id = $1 and order_id = $2 for update`,
);

export const READ_ORDER = statement<OrderRow>(
  'payments.read-order',
  `select ${ORDER_COLUMNS} from "payment_order" where workspace_id = $1 and order_id = $2`,
);

/**
 * $1 workspace, $2 order id, $3 status, $4 midtrans status, $5 payment type, $6 flagged, $7 flag reason,
 * $8 credited, $9 reversed, $10 paid at, $11 next check, $12 now.
 */
export const UPDATE_ORDER = statement(
  'payments.update-order',
  `update "payment_order" set status = $3, midtrans_status = $4, payment_type = coalesce($5, payment_type),
     flagged = $6, flag_reason = $7, credited = $8::bigint, reversed = $9::bigint, paid_at = $10::timestamptz,
     next_check_at = $11::timestamptz, updated_at = $12::timestamptz
   where workspace_id = $1 and order_id = $2`,
);

/** Newest first, keyset by id (payment_order_page_index): $1 workspace, $2 cursor or null, $3 statuses or null, $4 limit. */
export const PAGE_ORDERS = statement<OrderRow>(
  'payments.page-orders',
  `select ${ORDER_COLUMNS} from "payment_order"
   where workspace_id = $1 and ($2::uuid is null or id < $2::uuid) and ($3::text[] is null or status = any($3::text[]))
   order by id desc limit $4`,
);

/**
 * Orders due for a Get Status check, across workspaces (the reconciliation job;
 * payment_order_check_index, partial): $1 now, $2 limit. Claimed by pushing next_check_at
 * forward in the same statement, so two job runs never check the same order at once.
 */
export const CLAIM_DUE_ORDERS = statement<{ workspace_id: string; order_id: string }>(
  'payments.claim-due-orders',
  `update "payment_order" o set next_check_at = $1::timestamptz + interval '2 minutes', checks = o.checks + 1
   where o.id in (select id from "payment_order" where next_check_at <= $1::timestamptz
                  order by next_check_at limit $2 for update skip locked)
   returning o.workspace_id, o.order_id`,
);

/** $1 workspace, $2 order id, $3 next check. */
export const SET_NEXT_CHECK = statement(
  'payments.set-next-check',
  `update "payment_order" set next_check_at = $3::timestamptz where workspace_id = $1 and order_id = $2`,
);

/**
 * Notifications whose handling never finished (the process died between storing and
 * answering): their orders become due for a check now, and they are marked INTERRUPTED.
 * $1 now, $2 stored before (older than any handling still in flight). Cross-workspace (the job).
 */
export const RECOVER_INTERRUPTED = statement<{ order_id: string }>(
  'payments.recover-interrupted',
  `with interrupted as (
     update "midtrans_notification" set outcome = 'INTERRUPTED', updated_at = $1::timestamptz
     where outcome = 'RECEIVED' and created_at < $2::timestamptz returning order_id
   )
   update "payment_order" set next_check_at = $1::timestamptz
   where order_id in (select order_id from interrupted where order_id is not null)
   returning order_id`,
);

/** $1 id, $2 outcome, $3 http status, $4 order id, $5 workspace or null, $6 now. */
export const SET_NOTIFICATION_OUTCOME = statement(
  'payments.set-notification-outcome',
  `update "midtrans_notification" set outcome = $2, http_status = $3, order_id = $4, workspace_id = $5::uuid,
     updated_at = $6::timestamptz
   where id = $1`,
);

/**
 * Serialises receipt numbering across processes (a transaction-scoped advisory lock), taken
 * before the receipts still without a number are read, so two passes never number the same one.
 */
export const LOCK_RECEIPT_NUMBERING = statement(
  'payments.lock-receipt-numbering',
  `select pg_advisory_xact_lock(hashtextextended('bizone:receipt-numbering', 0))`,
);

/**
 * Receipts still without a number, in the order the payments committed, each with its
 * workspace's time zone (the year of a receipt is the year where its workspace is).
 * Cross-workspace: numbering is the operator's.
 */
export const PENDING_RECEIPTS = statement<{ id: string; created_at: Date; time_zone: string }>(
  'payments.pending-receipts',
  `select r.id, r.created_at, w.time_zone from "receipt" r join "workspace" w on w.id = r.workspace_id
   where r.number is null order by r.created_at, r.id`,
);

/** Takes the year's counter row lock (creating it): $1 year. Cross-workspace: numbering is the operator's. */
export const LOCK_RECEIPT_COUNTER = statement<{ last: number }>(
  'payments.lock-receipt-counter',
  `insert into "receipt_counter" (year, last) values ($1, 0)
   on conflict (year) do update set last = "receipt_counter".last returning last`,
);

/**
 * Numbers receipts of one year, in the order given, after the counter's last number, and moves
 * the counter; under the numbering lock and the counter's. $1 year, $2 prefix (`BZ/2026/`),
 * $3 last number so far, $4 receipt ids in order, $5 now. Cross-workspace, like the counter.
 */
export const NUMBER_RECEIPTS = statement<{ numbered: number }>(
  'payments.number-receipts',
  `with pending as (
     select id, n from unnest($4::uuid[]) with ordinality as p(id, n)
   ), numbered as (
     update "receipt" r set number = $2 || lpad(($3::int + p.n)::text, 6, '0'), updated_at = $5::timestamptz
     from pending p where r.id = p.id and r.number is null returning r.id
   )
   update "receipt_counter" set last = $3::int + (select count(*) from numbered) where year = $1
   returning (select count(*)::int from numbered) as numbered`,
);

export const READ_RECEIPT = statement<{ number: string | null; created_at: Date }>(
  'payments.read-receipt',
  `select r.number, r.created_at from "receipt" r join "payment_order" o on o.id = r.payment_order_id
   where r.workspace_id = $1 and o.order_id = $2`,
);

/** Who hears of a flagged order: the platform admins (few; no workspace, so not `$1`). */
export const PLATFORM_ADMIN_IDS = statement<{ id: string }>(
  'payments.platform-admin-ids',
  `select id from "user" where is_platform_admin`,
);

/**
 * Stores many notification bodies as received (outcome RECEIVED) in one statement, and finds
 * the orders they claim in any workspace (a group commit of concurrent requests: each request
 * answers only once its body is committed). $1 ids, $2 bodies, $3 claimed order ids (null
 * where none), $4 now.
 */
export const STORE_NOTIFICATIONS_FIND_ORDERS = statement<OrderRow>(
  'payments.store-notifications-find-orders',
  `with stored as (
     insert into "midtrans_notification" (id, body, order_id, outcome, created_at, updated_at)
     select id, body, order_id, 'RECEIVED', $4::timestamptz, $4::timestamptz
     from unnest($1::uuid[], $2::text[], $3::text[]) as n(id, body, order_id)
   )
   select ${ORDER_COLUMNS} from "payment_order" where order_id = any($3::text[])`,
);

/**
 * The order row locks of a batch of confirmations, in id order (so two batches never wait on
 * each other in a cycle), before any wallet's: $1 workspaces, $2 order ids (pairwise).
 * Cross-workspace: each order is matched with its own workspace.
 */
export const LOCK_ORDERS = statement<OrderRow>(
  'payments.lock-orders',
  `select ${ORDER_COLUMNS_OF_O}
   from "payment_order" o join unnest($1::uuid[], $2::text[]) as k(workspace_id, order_id)
     on o.workspace_id = k.workspace_id and o.order_id = k.order_id
   order by o.id for update of o`,
);

/**
 * The new state of many orders at once (one row per order): the arrays of UPDATE_ORDER's
 * parameters, pairwise. Cross-workspace: each row is matched with its own workspace.
 */
export const UPDATE_ORDERS = statement(
  'payments.update-orders',
  `update "payment_order" o set status = u.status, midtrans_status = u.midtrans_status,
     payment_type = coalesce(u.payment_type, o.payment_type), flagged = u.flagged, flag_reason = u.flag_reason,
     credited = u.credited, reversed = u.reversed, paid_at = u.paid_at, next_check_at = u.next_check_at,
     updated_at = $12::timestamptz
   from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::bigint[],
               $9::bigint[], $10::timestamptz[], $11::timestamptz[])
     as u(workspace_id, order_id, status, midtrans_status, payment_type, flagged, flag_reason, credited, reversed,
          paid_at, next_check_at)
   where o.workspace_id = u.workspace_id and o.order_id = u.order_id`,
);

/** Receipts of many paid orders, numbered after commit: $1 workspaces, $2 ids, $3 order row ids, $4 now. */
export const INSERT_RECEIPTS = statement(
  'payments.insert-receipts',
  `insert into "receipt" (id, workspace_id, payment_order_id, number, created_at, updated_at)
   select id, workspace_id, payment_order_id, null, $4::timestamptz, $4::timestamptz
   from unnest($1::uuid[], $2::uuid[], $3::uuid[]) as r(workspace_id, id, payment_order_id)
   on conflict (payment_order_id) do nothing`,
);

/** The outcomes of many notifications: $1 ids, $2 outcomes, $3 http statuses, $4 workspaces, $5 now. */
export const SET_NOTIFICATION_OUTCOMES = statement(
  'payments.set-notification-outcomes',
  `update "midtrans_notification" n set outcome = u.outcome, http_status = u.http_status,
     workspace_id = u.workspace_id, updated_at = $5::timestamptz
   from unnest($1::uuid[], $2::text[], $3::int[], $4::uuid[]) as u(id, outcome, http_status, workspace_id)
   where n.id = u.id`,
);
