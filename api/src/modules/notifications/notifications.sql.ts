import { statement } from '../../db/sql';

/** Named SQL of the notification inbox. Tenant data: the workspace id is always `$1`. */

/**
 * One row per recipient in one statement: $1 workspace, $2 ids, $3 user ids (zipped by
 * position), $4 type, $5 params, $6 now.
 */
export const INSERT_NOTIFICATIONS = statement(
  'notifications.insert',
  `insert into "notification" (id, workspace_id, user_id, type, params, created_at, updated_at)
   select unnest($2::uuid[]), $1, unnest($3::uuid[]), $4, $5::jsonb, $6::timestamptz, $6::timestamptz`,
);

export interface NotificationRow {
  id: string;
  type: string;
  params: Record<string, string | number>;
  created_at: Date;
  read_at: Date | null;
}

/**
 * Newest first, keyset-paged by id (UUIDv7, time-ordered), `notification_inbox_index`:
 * $1 workspace, $2 user, $3 cursor id or null, $4 unread only, $5 limit.
 */
export const PAGE_NOTIFICATIONS = statement<NotificationRow>(
  'notifications.page',
  `select id, type, params, created_at, read_at from "notification"
   where workspace_id = $1 and user_id = $2 and ($3::uuid is null or id < $3::uuid)
     and (not $4::boolean or read_at is null)
   order by id desc limit $5`,
);

/** The badge: `notification_unread_index` (partial, unread only). $1 workspace, $2 user. */
export const COUNT_UNREAD = statement<{ count: number }>(
  'notifications.count-unread',
  `select count(*)::int as count from "notification" where workspace_id = $1 and user_id = $2 and read_at is null`,
);

/** Marks the reader's own notifications read: $1 workspace, $2 user, $3 now, $4 ids (null: all). */
export const MARK_READ = statement(
  'notifications.mark-read',
  `update "notification" set read_at = $3::timestamptz, updated_at = $3::timestamptz
   where workspace_id = $1 and user_id = $2 and read_at is null and ($4::uuid[] is null or id = any($4::uuid[]))`,
);

/**
 * The members of many workspaces holding a permission (null: all members), for `notifyMany`:
 * $1 workspaces, $2 permission or null. Cross-workspace: a batch of payments of the installation.
 */
export const MEMBERS_OF_WORKSPACES = statement<{ workspace_id: string; user_id: string }>(
  'notifications.members-of-workspaces',
  `select m.workspace_id, m.user_id from "membership" m join "role" r on r.id = m.role_id
   where m.workspace_id = any($1::uuid[]) and ($2::text is null or $2::text = any(r.permissions))`,
);

/**
 * One row per recipient of many notifications of one type in one statement: $1 ids,
 * $2 workspaces, $3 user ids, $4 params (zipped by position), $5 type, $6 now. Cross-workspace.
 */
export const INSERT_NOTIFICATIONS_MANY = statement(
  'notifications.insert-many',
  `insert into "notification" (id, workspace_id, user_id, type, params, created_at, updated_at)
   select id, workspace_id, user_id, $5, params, $6::timestamptz, $6::timestamptz
   from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::jsonb[]) as n(id, workspace_id, user_id, params)`,
);
