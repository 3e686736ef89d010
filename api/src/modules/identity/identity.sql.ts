import type { Statement } from '../../db/prepared-statements';

/**
 * Named SQL for the identity hot paths and the security counters that must be atomic. Each
 * query names the index that serves it. The statements every authenticated request runs are
 * prepared once per connection (db/prepared-statements.ts, `$n` placeholders); the others run
 * through MikroORM (`?` placeholders).
 */

/** Session by token: `session_token_hash_unique`; membership by `membership_workspace_id_user_id_unique`. */
const SESSION_IDENTITY = `
  select s.id as session_id, s.user_id, s.workspace_id, s.last_seen_at, s.created_at as session_created_at,
         u.is_platform_admin, u.must_change_password, r.permissions
  from "session" s
  join "user" u on u.id = s.user_id
  left join "membership" m on m.user_id = s.user_id and m.workspace_id = s.workspace_id
  left join "role" r on r.id = m.role_id`;

export const RESOLVE_SESSION: Statement = {
  name: 'identity.resolve-session',
  text: `${SESSION_IDENTITY} where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now()`,
};

/** The same, by session id (after the session changed workspace). */
export const RESOLVE_SESSION_BY_ID: Statement = {
  name: 'identity.resolve-session-by-id',
  text: `${SESSION_IDENTITY} where s.id = $1 and s.revoked_at is null and s.expires_at > now()`,
};

/**
 * API token by hash: `api_token_token_hash_unique`. The creator must still be a member: a
 * token never outlives its creator's access, and its permissions are cut to the creator's.
 */
export const RESOLVE_API_TOKEN: Statement = {
  name: 'identity.resolve-api-token',
  text: `
  select t.id as token_id, t.name as token_name, t.workspace_id, t.created_by_id as user_id, t.last_used_at,
         t.permissions as token_permissions, r.permissions as role_permissions, u.is_platform_admin
  from "api_token" t
  join "membership" m on m.user_id = t.created_by_id and m.workspace_id = t.workspace_id
  join "role" r on r.id = m.role_id
  join "user" u on u.id = t.created_by_id
  where t.token_hash = $1 and t.revoked_at is null`,
};

/** Sliding expiry, written at most once a minute per session (primary key). */
export const TOUCH_SESSION: Statement = {
  name: 'identity.touch-session',
  text: `
  update "session" set last_seen_at = now(),
    expires_at = least(now() + make_interval(secs => $1), created_at + make_interval(secs => $2))
  where id = $3 and last_seen_at < now() - interval '1 minute'`,
};

/** Last use of a token, at most once a minute (primary key); returns whether a new day began. */
export const TOUCH_API_TOKEN: Statement = {
  name: 'identity.touch-api-token',
  text: `
  update "api_token" t set last_used_at = now()
  from (select id, last_used_at as previous from "api_token" where id = $1) p
  where t.id = p.id and (t.last_used_at is null or t.last_used_at < now() - interval '1 minute')
  returning (p.previous is null or p.previous::date <> now()::date) as first_today`,
};

/** Is this e-mail or IP locked right now? (`login_throttle` primary key) */
export const THROTTLE_LOCKED_UNTIL = `
  select key, locked_until from "login_throttle" where key in (?, ?) and locked_until > now()`;

/**
 * Counts one failure for a key; the window restarts when it is older than the lock period
 * or an earlier lock has expired. Locks when the count reaches the limit. Atomic under
 * concurrent failures (one row, upsert).
 */
export const THROTTLE_FAIL = `
  insert into "login_throttle" as t (key, failures, first_failure_at, locked_until)
  values (?, 1, now(), case when 1 >= ? then now() + make_interval(secs => ?) end)
  on conflict (key) do update set
    failures = case when t.first_failure_at < now() - make_interval(secs => ?) or t.locked_until <= now()
                    then 1 else t.failures + 1 end,
    first_failure_at = case when t.first_failure_at < now() - make_interval(secs => ?) or t.locked_until <= now()
                    then now() else t.first_failure_at end,
    locked_until = case when (case when t.first_failure_at < now() - make_interval(secs => ?) or t.locked_until <= now()
                    then 1 else t.failures + 1 end) >= ? then now() + make_interval(secs => ?) else null end
  returning failures, locked_until`;

export const THROTTLE_RESET = `delete from "login_throttle" where key = ?`;

/** Challenge by token (`login_challenge_token_hash_unique`), counting the attempt atomically. */
export const CHALLENGE_ATTEMPT = `
  update "login_challenge" set attempts = attempts + 1
  where token_hash = ? and expires_at > now() and attempts < ?
  returning id, user_id, ip, user_agent`;

export const CHALLENGE_CREATE = `
  insert into "login_challenge" (user_id, token_hash, expires_at, ip, user_agent)
  values (?, ?, now() + make_interval(secs => ?), ?, ?)`;

export const CHALLENGE_DELETE = `delete from "login_challenge" where id = ? or expires_at < now()`;

/** A recovery code works once: the update that marks it used is the check. */
export const RECOVERY_CODE_USE = `
  update "recovery_code" set used_at = now()
  where user_id = ? and code_hash = ? and used_at is null
  returning id`;

export const RECOVERY_CODES_DELETE = `delete from "recovery_code" where user_id = ?`;

export const RECOVERY_CODE_INSERT = `insert into "recovery_code" (user_id, code_hash) values (?, ?)`;

/** Accepts a TOTP step only if it is newer than the last one accepted (replay protection). */
export const TOTP_ACCEPT_STEP = `
  update "user" set totp_last_step = ?
  where id = ? and (totp_last_step is null or totp_last_step < ?)`;
