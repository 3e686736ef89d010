import { statement } from '../../db/sql';
import type { StoredReplyColumns } from './inbound-media';

/** Named SQL of inbound replies and their forwarding to a workspace's webhook. */

/** `location` is jsonb {latitude, longitude, name, address} (name and address only on rows stored since 2026-12-02). */
export interface ReplyRow extends StoredReplyColumns {
  id: string;
  contact_id: string;
  channel_id: string | null;
  wamid: string;
  received_at: Date;
}

/**
 * A contact's replies, newest first, keyset-paged after the reply `$3` (null: from the newest).
 * `contact_reply_contact_index` (contact_id, received_at). $1 workspace, $2 contact, $3 after, $4 limit.
 */
export const CONTACT_REPLIES = statement<ReplyRow>(
  'replies.page',
  `select id, contact_id, channel_id, wamid, type, text, received_at, media_id, mime_type, file_name, location
   from "contact_reply" r
   where r.workspace_id = $1 and r.contact_id = $2
     and ($3::uuid is null or (r.received_at, r.id) < (
       select a.received_at, a.id from "contact_reply" a where a.workspace_id = $1 and a.id = $3::uuid))
   order by r.received_at desc, r.id desc limit $4`,
);

export interface ForwardingRow {
  url: string;
  enabled: boolean;
  secret_sealed: string;
  updated_at: string;
}

/** $1 workspace. */
export const READ_FORWARDING = statement<ForwardingRow>(
  'replies.read-forwarding',
  `select url, enabled, secret_sealed, updated_at from "reply_forwarding" where workspace_id = $1`,
);

/** $1 workspace, $2 url, $3 enabled, $4 sealed secret, $5 now. */
export const SAVE_FORWARDING = statement(
  'replies.save-forwarding',
  `insert into "reply_forwarding" (workspace_id, url, enabled, secret_sealed, updated_at) values ($1, $2, $3, $4, $5)
   on conflict (workspace_id) do update set
     url = excluded.url, enabled = excluded.enabled, secret_sealed = excluded.secret_sealed, updated_at = excluded.updated_at`,
);

/**
 * A stored reply joins the outbox when its workspace forwards replies (in the transaction that
 * stored it: a reply is forwarded if and only if it was stored). $1 workspace, $2 outbox id, $3 reply, $4 due.
 */
export const QUEUE_FORWARD = statement(
  'replies.queue-forward',
  `insert into "reply_forward" (id, workspace_id, reply_id, next_attempt_at)
   select $2, $1, $3, $4 from "reply_forwarding" f where f.workspace_id = $1 and f.enabled
   on conflict (reply_id) do nothing`,
);

export interface DueForwardRow extends StoredReplyColumns {
  id: string;
  workspace_id: string;
  attempts: number;
  url: string;
  enabled: boolean;
  secret_sealed: string;
  reply_id: string;
  contact_id: string;
  phone: string | null;
  channel_id: string | null;
  wamid: string;
  received_at: Date;
}

/**
 * Claims due deliveries: each is leased (pushed to $3) so a concurrent job skips it, and
 * delivered outside any transaction. `reply_forward_due_index`. $1 now, $2 limit, $3 lease end.
 */
export const CLAIM_DUE_FORWARDS = statement<DueForwardRow>(
  'replies.claim-due',
  `with due as (
     select id from "reply_forward" where delivered_at is null and gave_up_at is null and next_attempt_at <= $1
     order by next_attempt_at limit $2 for update skip locked)
   update "reply_forward" q set next_attempt_at = $3, attempts = q.attempts + 1 from due, "reply_forwarding" f,
     "contact_reply" r join "contact" c on c.id = r.contact_id
   where q.id = due.id and f.workspace_id = q.workspace_id and r.id = q.reply_id
   returning q.id, q.workspace_id, q.attempts, f.url, f.enabled, f.secret_sealed, r.id as reply_id, r.contact_id,
     c.phone, r.channel_id, r.wamid, r.type, r.text, r.received_at, r.media_id, r.mime_type, r.file_name, r.location`,
);

/** $1 id, $2 now. */
export const MARK_FORWARDED = statement(
  'replies.mark-forwarded',
  `update "reply_forward" set delivered_at = $2, last_error = null where id = $1`,
);

/** A failed attempt: retried at $2, or given up when $3 is set. $1 id, $2 next attempt, $3 gave up at, $4 error. */
export const MARK_FORWARD_FAILED = statement(
  'replies.mark-forward-failed',
  `update "reply_forward" set next_attempt_at = $2, gave_up_at = $3, last_error = left($4, 300) where id = $1`,
);
