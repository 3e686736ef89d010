import { statement } from '../../db/sql';

/**
 * Named SQL for the identity hot paths and the security counters that must be atomic. Each
 * query names the index that serves it. `$n` placeholders only (db/sql.ts); the present is
 * always a parameter (the clock's time), never `now()`, so tests can move time. Identity
 * rows are mostly not tenant data (users, sessions, throttles); where a statement is about
 * one workspace, its id comes first.
 */

/** Session by token: `session_token_hash_unique`; membership by `membership_workspace_id_user_id_unique`. */
const SESSION_IDENTITY = `
  select s.id as session_id, s.user_id, s.workspace_id, s.last_seen_at, s.created_at as session_created_at,
         u.is_platform_admin, u.must_change_password, r.permissions
  from "session" s
  join "user" u on u.id = s.user_id
  left join "membership" m on m.user_id = s.user_id and m.workspace_id = s.workspace_id
  left join "role" r on r.id = m.role_id`;

export interface SessionRow {
  session_id: string;
  user_id: string;
  workspace_id: string | null;
  last_seen_at: Date;
  is_platform_admin: boolean;
  must_change_password: boolean;
  permissions: string[] | null;
}

/** $1 token hash, $2 now. */
export const RESOLVE_SESSION = statement<SessionRow>(
  'identity.resolve-session',
  `${SESSION_IDENTITY} where s.token_hash = $1 and s.revoked_at is null and s.expires_at > $2::timestamptz`,
);

/** The same, by session id (after the session changed workspace): $1 session id, $2 now. */
export const RESOLVE_SESSION_BY_ID = statement<SessionRow>(
  'identity.resolve-session-by-id',
  `${SESSION_IDENTITY} where s.id = $1 and s.revoked_at is null and s.expires_at > $2::timestamptz`,
);

export interface TokenRow {
  token_id: string;
  token_name: string;
  workspace_id: string;
  user_id: string;
  token_permissions: string[];
  role_permissions: string[];
  is_platform_admin: boolean;
}

/**
 * API token by hash: `api_token_token_hash_unique`. The creator must still be a member: a
 * token never outlives its creator's access, and its permissions are cut to the creator's.
 */
export const RESOLVE_API_TOKEN = statement<TokenRow>(
  'identity.resolve-api-token',
  `
  select t.id as token_id, t.name as token_name, t.workspace_id, t.created_by_id as user_id, t.last_used_at,
         t.permissions as token_permissions, r.permissions as role_permissions, u.is_platform_admin
  from "api_token" t
  join "membership" m on m.user_id = t.created_by_id and m.workspace_id = t.workspace_id
  join "role" r on r.id = m.role_id
  join "user" u on u.id = t.created_by_id
  where t.token_hash = $1 and t.revoked_at is null`,
);

/**
 * Sliding expiry, written at most once a minute per session (primary key):
 * $1 idle seconds, $2 absolute seconds, $3 session id, $4 now.
 */
export const TOUCH_SESSION = statement(
  'identity.touch-session',
  `
  update "session" set last_seen_at = $4::timestamptz,
    expires_at = least($4::timestamptz + make_interval(secs => $1), created_at + make_interval(secs => $2))
  where id = $3 and last_seen_at < $4::timestamptz - interval '1 minute'`,
);

/** Last use of a token, at most once a minute (primary key); returns whether a new day began. $1 id, $2 now. */
export const TOUCH_API_TOKEN = statement<{ first_today: boolean }>(
  'identity.touch-api-token',
  `
  update "api_token" t set last_used_at = $2::timestamptz
  from (select id, last_used_at as previous from "api_token" where id = $1) p
  where t.id = p.id and (t.last_used_at is null or t.last_used_at < $2::timestamptz - interval '1 minute')
  returning (p.previous is null or p.previous::date <> ($2::timestamptz)::date) as first_today`,
);

/**
 * Reserves one attempt for a key before the secret is checked, atomically (one row, upsert):
 * the count restarts when its window (the lock period) has passed or an earlier lock has
 * expired, and the key locks when the count reaches the limit; an existing lock is never
 * extended by attempts made during it. The caller checks the secret only when the returned
 * count is within the limit, so a burst cannot buy more checks than the limit allows.
 * $1 key, $2 limit, $3 lock seconds, $4 now.
 */
export const THROTTLE_RESERVE = statement<{ failures: number; locked_until: Date | null }>(
  'identity.throttle-reserve',
  `
  insert into "login_throttle" as t (key, failures, first_failure_at, locked_until)
  values ($1, 1, $4::timestamptz, case when 1 >= $2::int then $4::timestamptz + make_interval(secs => $3) end)
  on conflict (key) do update set
    failures = case when t.first_failure_at < $4::timestamptz - make_interval(secs => $3)
                      or t.locked_until <= $4::timestamptz
                    then 1 else t.failures + 1 end,
    first_failure_at = case when t.first_failure_at < $4::timestamptz - make_interval(secs => $3)
                      or t.locked_until <= $4::timestamptz
                    then $4::timestamptz else t.first_failure_at end,
    locked_until = case
                    when t.locked_until > $4::timestamptz then t.locked_until
                    when (case when t.first_failure_at < $4::timestamptz - make_interval(secs => $3)
                            or t.locked_until <= $4::timestamptz
                          then 1 else t.failures + 1 end) >= $2::int
                    then $4::timestamptz + make_interval(secs => $3) else null end
  returning failures, locked_until`,
);

/** A reserved attempt that succeeded and must not count (a correct sign-in from a shared IP). $1 key. */
export const THROTTLE_RELEASE = statement(
  'identity.throttle-release',
  `update "login_throttle" set failures = greatest(failures - 1, 0) where key = $1`,
);

/** $1 key. */
export const THROTTLE_RESET = statement('identity.throttle-reset', `delete from "login_throttle" where key = $1`);

/**
 * Challenge by token (`login_challenge_token_hash_unique`), counting the attempt atomically:
 * $1 token hash, $2 attempt limit, $3 now.
 */
export const CHALLENGE_ATTEMPT = statement<{
  id: string;
  user_id: string;
  ip: string | null;
  user_agent: string | null;
}>(
  'identity.challenge-attempt',
  `
  update "login_challenge" set attempts = attempts + 1
  where token_hash = $1 and expires_at > $3::timestamptz and attempts < $2
  returning id, user_id, ip, user_agent`,
);

/** $1 user, $2 token hash, $3 now, $4 lifetime seconds, $5 ip, $6 user agent. */
export const CHALLENGE_CREATE = statement(
  'identity.challenge-create',
  `
  insert into "login_challenge" (user_id, token_hash, expires_at, ip, user_agent)
  values ($1, $2, $3::timestamptz + make_interval(secs => $4), $5, $6)`,
);

/** The used challenge and any expired ones: $1 challenge id, $2 now. */
export const CHALLENGE_DELETE = statement(
  'identity.challenge-delete',
  `delete from "login_challenge" where id = $1 or expires_at < $2::timestamptz`,
);

/** A recovery code works once: the update that marks it used is the check. $1 user, $2 code hash, $3 now. */
export const RECOVERY_CODE_USE = statement<{ id: string }>(
  'identity.recovery-code-use',
  `
  update "recovery_code" set used_at = $3::timestamptz
  where user_id = $1 and code_hash = $2 and used_at is null
  returning id`,
);

/** $1 user. */
export const RECOVERY_CODES_DELETE = statement(
  'identity.recovery-codes-delete',
  `delete from "recovery_code" where user_id = $1`,
);

/** Ten codes in one statement: $1 user, $2 the codes' hashes. */
export const RECOVERY_CODES_INSERT = statement(
  'identity.recovery-codes-insert',
  `insert into "recovery_code" (user_id, code_hash) select $1, unnest($2::text[])`,
);

/** Accepts a TOTP step only if it is newer than the last one accepted (replay protection). $1 step, $2 user. */
export const TOTP_ACCEPT_STEP = statement(
  'identity.totp-accept-step',
  `
  update "user" set totp_last_step = $1
  where id = $2 and (totp_last_step is null or totp_last_step < $1)`,
);

/** Members per role in one workspace: $1 workspace (`membership_workspace_id_user_id_unique`). */
export const MEMBER_COUNTS_BY_ROLE = statement<{ role_id: string; count: string }>(
  'identity.member-counts-by-role',
  `select role_id, count(*) from "membership" where workspace_id = $1 group by role_id`,
);

/** Members per workspace, for the platform operator (a scan; a few hundred workspaces). */
export const MEMBER_COUNTS_BY_WORKSPACE = statement<{ workspace_id: string; count: string }>(
  'identity.member-counts-by-workspace',
  `select workspace_id, count(*) from "membership" group by workspace_id`,
);

/**
 * The members of one workspace, optionally only those whose role holds a permission:
 * $1 workspace, $2 permission or null (`membership_workspace_id_user_id_unique`).
 */
export const MEMBER_USER_IDS = statement<{ user_id: string }>(
  'identity.member-user-ids',
  `select m.user_id from "membership" m join "role" r on r.id = m.role_id
   where m.workspace_id = $1 and ($2::text is null or $2::text = any(r.permissions))`,
);

/**
 * The serialization point of a workspace's membership: every change of who holds which role
 * takes this row lock first (the locking rule: workspace-level rows first). $1 workspace.
 */
export const LOCK_WORKSPACE = statement<{ id: string }>(
  'identity.lock-workspace',
  `select id from "workspace" where id = $1 for update`,
);

/** The caller's current role in the workspace (read under LOCK_WORKSPACE): $1 workspace, $2 user. */
export const CURRENT_ROLE = statement<{ key: string; permissions: string[] }>(
  'identity.current-role',
  `select r.key, r.permissions from "membership" m join "role" r on r.id = m.role_id
   where m.workspace_id = $1 and m.user_id = $2`,
);

/** Owners of the workspace (read under LOCK_WORKSPACE): $1 workspace. */
export const COUNT_OWNERS = statement<{ count: number }>(
  'identity.count-owners',
  `select count(*)::int as count from "membership" m join "role" r on r.id = m.role_id
   where m.workspace_id = $1 and r.key = 'owner' and r.workspace_id is null`,
);

/** Whether an address is already a member: $1 workspace, $2 lower-cased e-mail (`user_email_unique`). */
export const MEMBERSHIP_BY_EMAIL = statement<{ id: string }>(
  'identity.membership-by-email',
  `select m.id from "membership" m join "user" u on u.id = m.user_id where m.workspace_id = $1 and u.email = $2`,
);

/**
 * The workspaces of an account where a given person is not an Owner: an Owner may reset only
 * an account whose every workspace it owns, or a reset link would open doors it does not
 * hold. $1 the account, $2 the Owner.
 */
export const WORKSPACES_BEYOND_OWNER = statement<{ count: number }>(
  'identity.workspaces-beyond-owner',
  `select count(*)::int as count from "membership" m
   where m.user_id = $1 and not exists (
     select 1 from "membership" o join "role" r on r.id = o.role_id
     where o.workspace_id = m.workspace_id and o.user_id = $2 and r.key = 'owner' and r.workspace_id is null)`,
);

/**
 * Serializes the creation of an account for one address (a transaction-scoped advisory lock on
 * its hash), so two invitations accepted at once cannot both create it. $1 lower-cased e-mail.
 */
export const LOCK_ACCOUNT_EMAIL = statement(
  'identity.lock-account-email',
  `select pg_advisory_xact_lock(hashtextextended('account:' || $1::text, 0))`,
);

/** A reset link used: open second-factor challenges of the account end. $1 user. */
export const DELETE_USER_CHALLENGES = statement(
  'identity.delete-user-challenges',
  `delete from "login_challenge" where user_id = $1`,
);
