import { statement } from '../../db/sql';

/**
 * Takes one call from a WABA's hourly budget: a new window when the last began an hour ago or
 * more. No row comes back while Meta's back-off holds ($2 before `blocked_until`); the caller
 * compares `calls` with its budget. One statement, so concurrent syncs count right.
 * $1 WABA id, $2 now.
 */
export const TAKE_WABA_CALL = statement<{ calls: number; window_start: Date }>(
  'waba-budget.take',
  `insert into "waba_call_budget" as b (waba_id, window_start, calls) values ($1, $2::timestamptz, 1)
   on conflict (waba_id) do update set
     window_start = case when b.window_start <= $2::timestamptz - interval '1 hour' then $2::timestamptz else b.window_start end,
     calls = case when b.window_start <= $2::timestamptz - interval '1 hour' then 1 else b.calls + 1 end
   where b.blocked_until is null or b.blocked_until <= $2::timestamptz
   returning calls, window_start`,
);

/** Meta said to slow down: no calls for the WABA until $2. $1 WABA id. */
export const BLOCK_WABA_CALLS = statement(
  'waba-budget.block',
  `insert into "waba_call_budget" (waba_id, window_start, calls, blocked_until) values ($1, $2::timestamptz, 0, $2::timestamptz)
   on conflict (waba_id) do update set blocked_until = greatest(coalesce("waba_call_budget".blocked_until, $2::timestamptz), $2::timestamptz)`,
);
