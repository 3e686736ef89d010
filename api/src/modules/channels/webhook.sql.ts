import { statement } from '../../db/sql';

/**
 * Named SQL of the Meta webhook. Bodies belong to no workspace (one POST may carry several
 * WABAs); what is applied is routed to a workspace by the phone number id or the WABA id.
 */

/**
 * Stores a group commit's bodies (one commit for concurrent POSTs): $1 ids, $2 the bodies' UTF-8 bytes one after
 * another (sent as one binary parameter: a text[] literal had every quote of every body escaped, about 5 % of the
 * API's CPU under webhook load), $3 each body's first byte (1-based), $4 each body's length, $5 the clock's time
 * (the pending pass and the purge compare it with the clock, never with the database's now()).
 */
export const STORE_WEBHOOKS = statement(
  'webhook.store',
  `insert into "whatsapp_webhook" (id, body, received_at)
   select id, convert_from(substring($2::bytea from start for length), 'UTF8'), $5::timestamptz
   from unnest($1::uuid[], $3::int[], $4::int[]) as body(id, start, length)`,
);

export interface StoredWebhookRow {
  id: string;
  body: string;
}

/** Claims one stored body for applying (others skip it). $1 id. */
export const CLAIM_WEBHOOK = statement<StoredWebhookRow>(
  'webhook.claim',
  `select id, body from "whatsapp_webhook" where id = $1 and applied_at is null for update skip locked`,
);

/**
 * The oldest bodies not applied yet and not set aside by an error (those are the job's), locked
 * for this applier (`whatsapp_webhook_pending_index`). $1 limit.
 */
export const CLAIM_WEBHOOK_BATCH = statement<StoredWebhookRow>(
  'webhook.claim-batch',
  `select id, body from "whatsapp_webhook" where applied_at is null and last_error is null
   order by received_at limit $1 for update skip locked`,
);

/** $1 ids. */
export const MARK_WEBHOOKS_APPLIED = statement(
  'webhook.mark-batch-applied',
  `update "whatsapp_webhook" set applied_at = now(), attempts = attempts + 1, subjects_indexed = true
   where id = any($1::uuid[])`,
);

/** Bodies stored but not applied (a crash after the 200), oldest first. $1 older than, $2 limit. */
export const PENDING_WEBHOOKS = statement<{ id: string }>(
  'webhook.pending',
  `select id from "whatsapp_webhook" where applied_at is null and received_at < $1::timestamptz
   order by received_at limit $2`,
);

/** $1 id. */
export const MARK_WEBHOOK_APPLIED = statement(
  'webhook.mark-applied',
  `update "whatsapp_webhook" set applied_at = now(), attempts = attempts + 1, last_error = null, subjects_indexed = true
   where id = $1`,
);

/** $1 id, $2 error text. */
export const MARK_WEBHOOK_FAILED = statement(
  'webhook.mark-failed',
  `update "whatsapp_webhook" set attempts = attempts + 1, last_error = left($2, 300) where id = $1`,
);

export interface ChannelRouteRow {
  id: string;
  workspace_id: string;
  waba_id: string;
}

/** The channel a webhook names (`channel_phone_number_id_unique`). $1 phone number id. */
export const CHANNEL_BY_PHONE_NUMBER = statement<ChannelRouteRow>(
  'webhook.channel-by-phone-number',
  `select id, workspace_id, waba_id from "channel" where phone_number_id = $1`,
);

/**
 * When the channel last heard from Meta, without one write to the same row per POST (thousands a
 * second): written only when the stored time is older than $3 ms, or older than the last send
 * (so the first webhook after a send always clears the "no webhook" warning). A row that does
 * not match is neither written nor locked. $1 channel id, $2 now, $3 resolution in ms.
 */
export const TOUCH_CHANNEL_WEBHOOK = statement(
  'webhook.touch-channel',
  `update "channel" set last_webhook_at = $2::timestamptz
   where id = $1 and (last_webhook_at is null or last_webhook_at < $2::timestamptz - make_interval(secs => $3::int / 1000.0)
     or last_webhook_at < last_sent_at)`,
);

/**
 * The same for every channel of a WABA, for the webhooks that name the WABA and no number
 * (account, template, capability updates); the same coalescing, so no hot row write per POST.
 * `channel_waba_id_index`. $1 WABA id, $2 now, $3 resolution in ms.
 */
export const TOUCH_WABA_CHANNELS_WEBHOOK = statement(
  'webhook.touch-waba-channels',
  `update "channel" set last_webhook_at = $2::timestamptz
   where waba_id = $1 and (last_webhook_at is null or last_webhook_at < $2::timestamptz - make_interval(secs => $3::int / 1000.0)
     or last_webhook_at < last_sent_at)`,
);

/**
 * Messages' statuses, forward only (sent < delivered < failed < read; Meta may report a failure
 * after delivery, GATEWAYS.md 1.5): a duplicate or an older status arriving late never moves the
 * status back, but fills in the pricing, errors, callback data or delivery time the row lacks.
 * `delivered_at` is the first delivered or read, so a failure after delivery still says it was
 * delivered. One row per wamid (the caller reduces a batch first).
 * Arrays of the same length: $1 wamids, $2 workspaces, $3 phone number ids, $4 callback data,
 * $5 recipients, $6 statuses, $7 ranks, $8 status times, $9 pricing JSON, $10 errors JSON,
 * $11 delivery times (null when the status is no delivery), $12 the clock's time (campaigns' status pass reads
 * rows updated since its last pass by the clock).
 */
export const UPSERT_MESSAGE_STATUSES = statement(
  'webhook.upsert-message-statuses',
  `insert into "message_status" as m
     (wamid, workspace_id, phone_number_id, callback_data, recipient_id, status, rank, status_at, pricing, errors,
      delivered_at, updated_at)
   select *, $12::timestamptz from unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],
     $7::smallint[], $8::timestamptz[], $9::jsonb[], $10::jsonb[], $11::timestamptz[])
   on conflict (wamid) do update set
     status = case when excluded.rank > m.rank then excluded.status else m.status end,
     rank = greatest(excluded.rank, m.rank),
     status_at = case when excluded.rank > m.rank then excluded.status_at else m.status_at end,
     pricing = coalesce(excluded.pricing, m.pricing),
     errors = coalesce(excluded.errors, m.errors),
     callback_data = coalesce(m.callback_data, excluded.callback_data),
     delivered_at = least(m.delivered_at, excluded.delivered_at),
     updated_at = excluded.updated_at
   -- Forward only; a late status of a lower rank still brings what the row lacks (a delivered
   -- after its read carries the pricing, a failed after read its errors).
   where excluded.rank > m.rank
      or (m.pricing is null and excluded.pricing is not null)
      or (m.errors is null and excluded.errors is not null)
      or (m.callback_data is null and excluded.callback_data is not null)
      or (excluded.delivered_at < m.delivered_at or (m.delivered_at is null and excluded.delivered_at is not null))`,
);

/**
 * `business_capability_update`: the portfolio of the WABA's channels takes the new limit. Returns the workspaces with a
 * channel on a portfolio whose limit this changed: a duplicate delivery (or the same update for another WABA of the
 * portfolio) changes nothing and returns none, so the change is told once. $1 WABA id, $2 limit.
 * `channel_waba_id_index`; the portfolio's channels by a scan of the few channels (no index on portfolio_id).
 */
export const SET_PORTFOLIO_LIMIT_BY_WABA = statement<{ workspace_id: string; messaging_limit: number }>(
  'webhook.set-portfolio-limit',
  `with changed as (
     update "business_portfolio" set messaging_limit = $2, updated_at = now()
     where id in (select portfolio_id from "channel" where waba_id = $1 and portfolio_id is not null)
       and messaging_limit is distinct from $2
     returning id, messaging_limit
   )
   select distinct c.workspace_id, changed.messaging_limit from changed join "channel" c on c.portfolio_id = changed.id`,
);

/** Template category from Meta. $1 WABA id, $2 Meta template id, $3 category. `message_template_meta_id_index`. */
export const UPDATE_TEMPLATE_CATEGORY_BY_META_ID = statement(
  'webhook.update-template-category',
  `update "message_template" set category = $3, updated_at = now() where waba_id = $1 and meta_id = $2`,
);

/**
 * Template status from Meta, in every workspace holding a copy. Returns only the copies it changed: Meta's duplicate
 * deliveries of one event change nothing the second time, so what the change tells is told once.
 * $1 WABA id, $2 Meta template id, $3 status. `message_template_meta_id_index`.
 */
export const SET_TEMPLATE_STATUS_BY_META_ID = statement<{ workspace_id: string; name: string; language: string }>(
  'webhook.set-template-status',
  `update "message_template" set status = $3, updated_at = now()
   where waba_id = $1 and meta_id = $2 and status is distinct from $3
   returning workspace_id, name, language`,
);

/** An account restriction or disable pauses every channel of the WABA. $1 WABA id, $2 reason. */
export const PAUSE_CHANNELS_BY_WABA = statement(
  'webhook.pause-channels',
  `update "channel" set status = 'PAUSED', status_reason = left($2, 200), updated_at = now() where waba_id = $1`,
);

/**
 * Meta reinstated the WABA: its paused channels say so, and stay paused until a person checks
 * one (a reinstatement never resumes sending by itself). $1 WABA id.
 */
export const MARK_CHANNELS_REINSTATED_BY_WABA = statement(
  'webhook.mark-channels-reinstated',
  `update "channel" set status_reason = 'REINSTATED', updated_at = now() where waba_id = $1 and status = 'PAUSED'`,
);

/**
 * THROUGHPUT_UPGRADE names the number by its display number (digits only in the webhook). A coexistence number
 * keeps Meta's fixed 20 msg/s (GATEWAYS.md 1.2). $1 WABA id, $2 digits of the display number, $3 throughput.
 */
export const SET_THROUGHPUT = statement(
  'webhook.set-throughput',
  `update "channel" set throughput = $3, updated_at = now()
   where waba_id = $1 and regexp_replace(coalesce(display_number, ''), '\\D', '', 'g') = $2 and not coexistence`,
);

/**
 * The quality a phone_number_quality_update leaves the number at (FLAGGED -> RED, UNFLAGGED -> UNKNOWN until a
 * check reads it). The event names the number by its display number, like SET_THROUGHPUT. $1 WABA, $2 digits, $3 quality.
 */
export const SET_QUALITY = statement(
  'webhook.set-quality',
  `update "channel" set quality = $3, updated_at = now()
   where waba_id = $1 and regexp_replace(coalesce(display_number, ''), '\\D', '', 'g') = $2`,
);

/**
 * An inbound message; Meta's retries of it are one row. $1 workspace, $2 id, $3 contact, $4 channel, $5 wamid, $6 type,
 * $7 text, $8 payload, $9 at, $10 media id, $11 mime type, $12 file name, $13 location (jsonb).
 */
export const STORE_REPLY = statement(
  'webhook.store-reply',
  `insert into "contact_reply" (workspace_id, id, contact_id, channel_id, wamid, type, text, payload, received_at,
                                media_id, mime_type, file_name, location)
   values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13::jsonb)
   on conflict (wamid) do nothing`,
);

/** Components of the marketing templates of a WABA in a workspace (for their opt-out buttons). $1 workspace, $2 WABA id. */
export const MARKETING_TEMPLATE_COMPONENTS = statement<{ components: unknown }>(
  'webhook.marketing-template-components',
  `select components from "message_template" where workspace_id = $1 and waba_id = $2 and category = 'MARKETING'`,
);

/*
 * The personal-data purge (contacts' `contacts.purge-personal-data` job; every workspace at once,
 * $1 is the cutoff). Meta's bodies carry phone numbers, WhatsApp ids, profile names and texts.
 */

/**
 * Stored bodies received before the cutoff: applied long ago (Meta retries for 7 days at most,
 * so one never applied by then never will be). `whatsapp_webhook_received_index`.
 */
export const PURGE_WEBHOOK_BODIES = statement(
  'webhook.purge-bodies',
  `delete from "whatsapp_webhook" where received_at < $1::timestamptz`,
);

/** The recipient's number on statuses older than the cutoff (status, pricing and errors stay for counts). */
export const PURGE_STATUS_RECIPIENTS = statement(
  'webhook.purge-status-recipients',
  `update "message_status" set recipient_id = null where status_at < $1::timestamptz and recipient_id is not null`,
);

/**
 * The raw copy of inbound messages older than the cutoff (Meta's message object: the sender's
 * number, ids, context); the reply itself (type, text, time) stays on the contact until the
 * contact is erased. $1 cutoff.
 */
export const PURGE_REPLY_PAYLOADS = statement(
  'webhook.purge-reply-payloads',
  `update "contact_reply" set payload = '{}'::jsonb where received_at < $1::timestamptz and payload <> '{}'::jsonb`,
);

/**
 * Inbound texts older than the cutoff: the person's words (a caption too), a document's file name and a shared
 * place, kept for reading on the contact's "Replies" for the retention period, no longer (UU PDP storage
 * limitation); the reply's type, time, media id and mime type stay. $1 cutoff.
 */
export const PURGE_REPLY_TEXTS = statement(
  'webhook.purge-reply-texts',
  `update "contact_reply" set text = null, file_name = null, location = null
   where received_at < $1::timestamptz and (text is not null or file_name is not null or location is not null)`,
);

/*
 * Erasure (contacts' erasure hooks, in the erasing transaction): what names the erased contacts' numbers or Meta's
 * ids of them. Tokens are the numbers' digits as Meta writes them (no '+') and the contacts' `wa_id`/`user_id`.
 */

/**
 * The number on the workspace's message statuses (status, pricing and errors stay for counts). No index leads with
 * recipient_id (it would be one more write per status change, the hottest write there is): one pass over the
 * workspace's statuses per erasure. Returns their wamids (which hold the number too: the caller erases them).
 * $1 workspace, $2 tokens.
 */
export const FORGET_STATUS_RECIPIENTS = statement<{ wamid: string }>(
  'webhook.forget-status-recipients',
  `update "message_status" set recipient_id = null where workspace_id = $1 and recipient_id = any($2::text[])
   returning wamid`,
);

/**
 * The subjects of bodies being applied (webhook-subjects.ts), in the applying transaction. $1 hashes, $2 body ids.
 */
export const RECORD_WEBHOOK_SUBJECTS = statement(
  'webhook.record-subjects',
  `insert into "whatsapp_webhook_subject" (subject_hash, webhook_id)
   select distinct * from unnest($1::char(64)[], $2::uuid[]) on conflict do nothing`,
);

/**
 * Applied bodies that name one of these subjects (keyed hashes of a number, a WhatsApp id, a wamid), deleted: they
 * did their work when applied. By the subject index (its primary key), never reading a body. Bodies belong to no
 * workspace, so one naming the same person for another workspace goes too. $1 subject hashes.
 */
export const DELETE_WEBHOOKS_OF_SUBJECTS = statement(
  'webhook.delete-of-subjects',
  `delete from "whatsapp_webhook" w using "whatsapp_webhook_subject" s
   where s.subject_hash = any($1::char(64)[]) and w.id = s.webhook_id and w.applied_at is not null`,
);

/**
 * The fallback for bodies applied before the subject index existed (`whatsapp_webhook_unindexed_index`: none once the
 * retention purge has taken them): applied bodies that name one of the tokens as a whole JSON string (a status's
 * recipient_id or id, a contact's wa_id or user_id, a message's from), deleted. A hash join against the strings each
 * such body holds; the string pattern excludes JSON's separators, so a match never straddles two strings. $1 tokens.
 */
export const DELETE_WEBHOOKS_NAMING = statement(
  'webhook.delete-naming',
  `delete from "whatsapp_webhook" w using (
     select distinct b.id from "whatsapp_webhook" b
     cross join lateral regexp_matches(b.body, '"([0-9A-Za-z.+/=_-]{5,128})"', 'g') as found(captured)
     join unnest($1::text[]) as erased(token) on erased.token = found.captured[1]
     where b.applied_at is not null and not b.subjects_indexed
   ) named
   where w.id = named.id`,
);
