import { statement } from '../../db/sql';
import type { HeaderMediaValue } from './campaign-types';

/**
 * Named SQL of campaigns and the dispatcher. Tenant data: the workspace id is `$1`, except the
 * lease and the portfolio's recipients, which belong to a channel and a portfolio, and the worker
 * registry (`dispatch_worker`), whose rows are worker processes that serve every workspace.
 */

export interface MessagePageRow {
  id: string;
  contact_id: string | null;
  phone: string | null;
  status: string;
  attempt: number;
  wamid: string | null;
  error_code: number | null;
  charged: string;
  // Raw rows carry timestamps as PostgreSQL's text, not Date: the resolver parses them.
  sent_at: string | null;
  delivered_at: string | null;
  read_at: string | null;
  failed_at: string | null;
  updated_at: string;
}

/**
 * Recipients of a campaign, keyset-paged by id, optionally one status and one error code
 * (`campaign_message_status_index`). $1 workspace, $2 campaign, $3 status or null, $4 error
 * code or null, $5 after id or null, $6 limit.
 */
export const PAGE_MESSAGES = statement<MessagePageRow>(
  'campaigns.page-messages',
  `select id, contact_id, phone, status, attempt, wamid, error_code, charged::text as charged,
          sent_at, delivered_at, read_at, failed_at, updated_at
   from "campaign_message"
   where workspace_id = $1 and campaign_id = $2 and ($3::text is null or status = $3)
     and ($4::int is null or error_code = $4) and ($5::uuid is null or id > $5::uuid)
   order by id limit $6`,
);

/** Unique recipients of a portfolio in the current rolling 24 h. $1 portfolio, $2 window start (now - 24 h). */
export const PORTFOLIO_USED = statement<{ used: number }>(
  'campaigns.portfolio-used',
  `select count(*)::int as used from "portfolio_recipient" where portfolio_id = $1 and window_start > $2::timestamptz`,
);

/**
 * Unique recipients each portfolio reached in the rolling 24 h, for many portfolios in one query: the channels
 * module's `MessagingLimitUsage` (a channel read shows today's use of its portfolio's limit).
 * `portfolio_recipient_window_index`. $1 portfolio ids, $2 window start (now - 24 h).
 */
export const PORTFOLIOS_USED = statement<{ portfolio_id: string; used: number }>(
  'campaigns.portfolios-used',
  `select portfolio_id, count(*)::int as used from "portfolio_recipient"
   where portfolio_id = any($1::text[]) and window_start > $2::timestamptz group by portfolio_id`,
);

/**
 * Counts recipients against the portfolio (called under LOCK_PORTFOLIO): a number reached in
 * the last 24 h counts once; one whose window is over starts a new one. Numbers are kept as the
 * contacts module's keyed hash (PhoneHasher, scoped by portfolio): countable, not readable, and
 * nothing an erasure has to find. The new ones are added to `portfolio_usage` (when it has the portfolio).
 * $1 portfolio, $2 phone hashes, $3 now, $4 now - 24 h.
 */
export const RESERVE_PORTFOLIO = statement(
  'campaigns.reserve-portfolio',
  `with reserved as (
     insert into "portfolio_recipient" (portfolio_id, phone_hash, window_start)
     select $1, unnest($2::text[]), $3::timestamptz
     on conflict (portfolio_id, phone_hash) do update set window_start = excluded.window_start
     where "portfolio_recipient".window_start <= $4::timestamptz
     returning 1
   )
   -- Each row inserted or renewed is a recipient new to the window: the kept count grows by as many.
   update "portfolio_usage" set used = used + (select count(*) from reserved) where portfolio_id = $1`,
);

/**
 * The portfolio's kept count of unique recipients in the rolling 24 h (read under LOCK_PORTFOLIO), and when it was
 * last counted from `portfolio_recipient`; RESERVE_PORTFOLIO adds to it. $1 portfolio.
 */
export const PORTFOLIO_USAGE = statement<{ used: number; counted_at: Date }>(
  'campaigns.portfolio-usage',
  `select used, counted_at from "portfolio_usage" where portfolio_id = $1`,
);

/** A fresh count of the portfolio's recipients, kept with its moment. $1 portfolio, $2 count, $3 counted at. */
export const STORE_PORTFOLIO_USAGE = statement(
  'campaigns.store-portfolio-usage',
  `insert into "portfolio_usage" (portfolio_id, used, counted_at) values ($1, $2, $3::timestamptz)
   on conflict (portfolio_id) do update set used = excluded.used, counted_at = excluded.counted_at`,
);

/** How many of these numbers are already counted in the current window. $1 portfolio, $2 phone hashes, $3 now - 24 h. */
export const ALREADY_COUNTED = statement<{ counted: number }>(
  'campaigns.already-counted',
  `select count(*)::int as counted from "portfolio_recipient"
   where portfolio_id = $1 and phone_hash = any($2::text[]) and window_start > $3::timestamptz`,
);

/**
 * The personal-data purge's share: recipients whose 24 h window is over count nothing (RESERVE_PORTFOLIO starts a
 * new window for them), so they go; every portfolio at once. $1 now - 24 h.
 */
export const PURGE_PORTFOLIO_RECIPIENTS = statement(
  'campaigns.purge-portfolio-recipients',
  `delete from "portfolio_recipient" where window_start <= $1::timestamptz`,
);

// ---- The dispatch lease ------------------------------------------------------------------------

/*
 * A lease's `expires_at` is its takeover moment: from then any worker may take it (dispatch/lease-timing.ts, which
 * also says why it is not a column of its own). It is written and compared on the database's clock only
 * (`clock_timestamp()`, the moment of the statement, after the holder asked), never a worker's: no host's clock skew
 * can shorten a live holder's lease.
 */

/**
 * Takes a channel's lease when it is free (past its takeover moment) or already this holder's; every taking
 * increments the fencing token. $1 channel, $2 holder, $3 takeover after (ms).
 */
export const ACQUIRE_LEASE = statement<{ fence: string }>(
  'campaigns.acquire-lease',
  `insert into "dispatch_lease" (channel_id, holder, fence, expires_at, renewed_at)
   values ($1, $2, 1, clock_timestamp() + make_interval(secs => $3::double precision / 1000), clock_timestamp())
   on conflict (channel_id) do update set holder = excluded.holder, fence = "dispatch_lease".fence + 1,
     expires_at = excluded.expires_at, renewed_at = excluded.renewed_at, declined_at = null
   where "dispatch_lease".expires_at <= clock_timestamp() or "dispatch_lease".holder = $2
   returning fence::text as fence`,
);

/** How long until the channel's lease may be taken, on the database's clock (none: no row). $1 channel. */
export const LEASE_LEFT = statement<{ left_ms: number }>(
  'campaigns.lease-left',
  `select greatest(0, extract(epoch from expires_at - clock_timestamp()) * 1000)::float8 as left_ms
   from "dispatch_lease" where channel_id = $1`,
);

/** Extends the lease only while this token still holds it. $1 channel, $2 fence, $3 takeover after (ms). */
export const RENEW_LEASE = statement<{ fence: string }>(
  'campaigns.renew-lease',
  `update "dispatch_lease"
   set expires_at = clock_timestamp() + make_interval(secs => $3::double precision / 1000), renewed_at = clock_timestamp()
   where channel_id = $1 and fence = $2::bigint returning fence::text as fence`,
);

/**
 * Gives the lease up at once (a drained shutdown): another worker may take it immediately. Ends it now, not at
 * -infinity: the end is when the lease became free. $1 channel, $2 fence.
 */
export const RELEASE_LEASE = statement(
  'campaigns.release-lease',
  `update "dispatch_lease" set expires_at = clock_timestamp() where channel_id = $1 and fence = $2::bigint`,
);

/** The lease row under a share lock, to check the token inside an outcome's transaction. $1 channel. */
export const LOCK_LEASE = statement<{ fence: string }>(
  'campaigns.lock-lease',
  `select fence::text as fence from "dispatch_lease" where channel_id = $1 for share`,
);

// ---- Spreading leases over workers --------------------------------------------------------------

/**
 * Serializes the spreading decisions of every worker (one transaction each, few a second): two workers racing for
 * free channels cannot both decline or both count a stale load.
 */
export const SPREAD_LOCK = statement(
  'campaigns.spread-lock',
  `select pg_advisory_xact_lock(hashtext('campaigns.dispatch-spread'))`,
);

/** A worker's heartbeat (the platform clock). $1 worker, $2 now. */
export const SEE_WORKER = statement(
  'campaigns.see-worker',
  `insert into "dispatch_worker" (holder, seen_at) values ($1, $2::timestamptz)
   on conflict (holder) do update set seen_at = excluded.seen_at`,
);

/** A worker that stops says so: it no longer counts as a live worker with room. $1 worker. */
export const FORGET_WORKER = statement('campaigns.forget-worker', `delete from "dispatch_worker" where holder = $1`);

/** A lease row for a channel never held, free since now. $1 channel. */
export const PREPARE_LEASE = statement(
  'campaigns.prepare-lease',
  `insert into "dispatch_lease" (channel_id, holder, fence, expires_at, renewed_at)
   values ($1, '', 0, clock_timestamp(), clock_timestamp()) on conflict (channel_id) do nothing`,
);

/** The channel's lease under the row's lock, for the spreading decision: whether it is live now. $1 channel. */
export const LEASE_FOR_SPREAD = statement<{ holder: string; live: boolean; declined_at: Date | null }>(
  'campaigns.lease-for-spread',
  `select holder, expires_at > clock_timestamp() as live, declined_at from "dispatch_lease"
   where channel_id = $1 for update`,
);

/**
 * How many live leases this worker holds, and the fewest any other live worker (heartbeat since $3) holds; null
 * when no other worker is live. A lease's holder is "worker:loop". A scan of two small tables (a row per channel,
 * a row per worker process). $1 worker, $2 fresh since.
 */
export const WORKER_LOADS = statement<{ mine: number; fewest: number | null }>(
  'campaigns.worker-loads',
  `select (select count(*)::int from "dispatch_lease" l
           where l.expires_at > clock_timestamp() and starts_with(l.holder, $1 || ':')) as mine,
          (select min((select count(*) from "dispatch_lease" l
                       where l.expires_at > clock_timestamp() and starts_with(l.holder, w.holder || ':')))::int
           from "dispatch_worker" w where w.seen_at > $2::timestamptz and w.holder <> $1) as fewest`,
);

/**
 * A worker declined the free lease: a lighter worker's heartbeat picks the channel up. The first decline since the
 * lease was last taken stays: the grace runs from it. $1 channel, $2 now.
 */
export const MARK_DECLINED = statement(
  'campaigns.mark-declined',
  `update "dispatch_lease" set declined_at = coalesce(declined_at, $2::timestamptz) where channel_id = $1`,
);

/** Channels whose free lease a worker declined since $1 and that nobody has taken since. $1 since. */
export const DECLINED_CHANNELS = statement<{ channel_id: string }>(
  'campaigns.declined-channels',
  `select channel_id from "dispatch_lease"
   where declined_at > $1::timestamptz and expires_at <= clock_timestamp()`,
);

// ---- Dispatch ----------------------------------------------------------------------------------

export interface DispatchChannelRow {
  id: string;
  workspace_id: string;
  phone_number_id: string;
  portfolio_id: string | null;
  access_token_sealed: string;
  throughput: number;
  status: string;
}

/** The channel a dispatcher serves (its workspace comes from it). $1 channel. */
export const DISPATCH_CHANNEL = statement<DispatchChannelRow>(
  'campaigns.dispatch-channel',
  `select id, workspace_id, phone_number_id, portfolio_id, access_token_sealed, throughput, status
   from "channel" where id = $1`,
);

export interface RunningCampaignRow {
  id: string;
  name: string;
  template_name: string;
  template_language: string;
  template_category: string;
  template_status: string | null;
  parameter_format: string;
  components: unknown[];
  variables: unknown[];
  header_media: HeaderMediaValue | null;
  price: string;
  hold_id: string;
  window_start: number | null;
  window_end: number | null;
  time_zone: string;
  /** False while the launch snapshot is still being written: the loop writes the rest as it sends. */
  snapshot_complete: boolean;
}

/**
 * The running campaigns of a channel, least recently served first (round robin),
 * `campaign_running_index`; and completed ones with a 131049 retry now due (`campaign_message_retry_index`:
 * a completed campaign's only QUEUED messages), unless the wallet is in debt (balance below held: no retry goes out
 * until a top-up covers it; the claim checks again under the campaign's lock). $1 workspace, $2 channel, $3 now.
 */
export const RUNNING_CAMPAIGNS = statement<RunningCampaignRow>(
  'campaigns.running',
  `select c.id, c.name, c.template_name, c.template_language, c.template_category, t.status as template_status,
          coalesce(t.parameter_format, 'POSITIONAL') as parameter_format, coalesce(t.components, '[]') as components,
          c.variables, c.header_media, c.price::text as price, c.hold_id, c.window_start, c.window_end, c.time_zone,
          coalesce(s.complete, true) as snapshot_complete
   from "campaign" c left join "message_template" t on t.id = c.template_id
     left join "campaign_snapshot" s on s.campaign_id = c.id
   where c.workspace_id = $1 and c.channel_id = $2
     and (c.status = 'RUNNING'
          or (c.status = 'COMPLETED' and c.id in (
            select m.campaign_id from "campaign_message" m
            where m.workspace_id = $1 and m.status = 'QUEUED' and m.error_code = 131049
              and m.not_before <= $3::timestamptz)
          and not exists (select 1 from "wallet" w where w.workspace_id = $1 and w.balance < w.held)))
   order by c.last_claimed_at asc nulls first, c.id`,
);

/**
 * Channels with running campaigns (or a due 131049 retry) and no lease live past the takeover window, for the tick
 * that starts their dispatch jobs. $1 now, $2 the takeover window (ms, from the database's clock): a lease that a live
 * holder renews never gets that close to its takeover (dispatch/lease-timing.ts), so one that does is a dead
 * holder's, and its job waits for the takeover (ChannelDispatcher.run) instead of the next tick.
 */
export const CHANNELS_WITH_WORK = statement<{ channel_id: string }>(
  'campaigns.channels-with-work',
  `select distinct c.channel_id from "campaign" c
   where (c.status = 'RUNNING'
          or (c.status = 'COMPLETED' and c.id in (
            select m.campaign_id from "campaign_message" m
            where m.status = 'QUEUED' and m.error_code = 131049 and m.not_before <= $1::timestamptz)
          and not exists (select 1 from "wallet" w where w.workspace_id = c.workspace_id and w.balance < w.held)))
     and c.channel_id is not null
     and not exists (select 1 from "dispatch_lease" l where l.channel_id = c.channel_id
                     and l.expires_at > clock_timestamp() + make_interval(secs => $2::double precision / 1000))`,
);

/**
 * Channels with a running campaign whose lease, held by another, comes within the takeover window ($1, ms, on the
 * database's clock) of its takeover: a dead holder's. Each worker's heartbeat asks every second and starts a loop
 * that waits for the takeover, so a handover never waits for the tick, which is one job for the whole cluster and
 * may itself have been running on the killed worker (its job lock then holds it for max(10 s, 3 ticks)). A scan of
 * the lease table (a row per channel); `campaign_running_index` for the campaign.
 */
export const DYING_LEASES = statement<{ channel_id: string }>(
  'campaigns.dying-leases',
  `select l.channel_id from "dispatch_lease" l
   where l.expires_at > clock_timestamp()
     and l.expires_at <= clock_timestamp() + make_interval(secs => $1::double precision / 1000)
     and exists (select 1 from "campaign" c where c.channel_id = l.channel_id and c.status = 'RUNNING')`,
);

/**
 * Channels whose campaign messages may still change, for the tick's status pass: running or paused campaigns, or
 * finished in the last two days (unknown outcomes to expire), and any channel whose number got statuses since the
 * pass's window began ($2), however long ago its campaigns finished: Meta delivers to a phone that comes back
 * online for up to 30 days and retries its webhooks for days, and a late `delivered` left unapplied would have the
 * daily job refund a message Meta bills. The second part reads the window through `message_status_updated_index`.
 * Cross-workspace (the tick serves every workspace). $1 two days ago, $2 the status window's start.
 */
export const CHANNELS_WITH_STATUSES = statement<{ channel_id: string }>(
  'campaigns.channels-with-statuses',
  `select channel_id from "campaign"
   where channel_id is not null and (status in ('RUNNING', 'PAUSED') or completed_at > $1::timestamptz)
   union
   select ch.id from (
     select distinct workspace_id, phone_number_id from "message_status" where updated_at >= $2::timestamptz
   ) ms join "channel" ch on ch.workspace_id = ms.workspace_id and ch.phone_number_id = ms.phone_number_id`,
);

export interface ClaimedRow {
  id: string;
  status: string;
  attempt: number;
  phone: string | null;
  name: string | null;
  attributes: Record<string, string> | null;
}

/**
 * Claims a batch: the next QUEUED messages of one campaign (`campaign_message_queued_index`,
 * `skip locked` so two claimers never take the same row) become SENDING with the next attempt
 * number and the lease's token, committed before any HTTP call. Suppression is judged here,
 * against the contact as it is now: an opted-out contact (or a marketing opt-out for a
 * marketing template, or an erased one) becomes SKIPPED instead. `$7` is a keyset cursor: only ids above it
 * (the loop's last claimed id, or the nil UUID for the whole queue), so a claim seeks past the index entries of
 * the rows claimed before it instead of walking them (dead until vacuum: a walk of O(n) per batch, O(n^2) per
 * campaign; measured 6,700 index entries read per claim over 20,000 recipients).
 * $1 workspace, $2 campaign, $3 now, $4 limit, $5 marketing, $6 fence, $7 after this id.
 */
export const CLAIM_BATCH = statement<ClaimedRow>(
  'campaigns.claim-batch',
  `with picked as (
     select m.id, m.contact_id from "campaign_message" m
     where m.workspace_id = $1 and m.campaign_id = $2 and m.status = 'QUEUED' and m.id > $7::uuid
       and (m.not_before is null or m.not_before <= $3::timestamptz)
     order by m.id limit $4 for update of m skip locked
   ), judged as (
     select p.id, c.name, c.attributes, c.phone,
            (c.id is null or c.opted_out_at is not null or ($5::boolean and c.marketing_opt_out_at is not null))
              as suppressed
     from picked p left join "contact" c on c.id = p.contact_id and c.workspace_id = $1
   ), claimed as (
     update "campaign_message" m set
       status = case when j.suppressed then 'SKIPPED' else 'SENDING' end,
       attempt = case when j.suppressed then m.attempt else m.attempt + 1 end,
       fence = $6::bigint, claimed_at = $3::timestamptz, updated_at = $3::timestamptz,
       phone = coalesce(j.phone, m.phone)
     from judged j where m.id = j.id
     returning m.id, m.status, m.attempt, m.phone
   )
   select k.id, k.status, k.attempt, k.phone, j.name, j.attributes
   from claimed k join judged j on j.id = k.id`,
);

/**
 * The claim's first step on the campaign: its row lock, only while it may still send (running, or completed with a
 * 131049 retry due). The loop lists its campaigns before it claims; a pause, cancel or reversal that commits in
 * between waits for no claim, so without this condition the claim took that campaign's queued messages after its
 * stop (a reversal had released their share of the hold already). Re-checked on the row after any lock wait.
 * $1 workspace, $2 campaign, $3 now.
 */
export const TOUCH_CAMPAIGN = statement<{ status: string }>(
  'campaigns.touch',
  `update "campaign" set last_claimed_at = $3::timestamptz
   where workspace_id = $1 and id = $2 and status in ('RUNNING', 'COMPLETED')
   returning status`,
);

/**
 * Accepted by Meta: SENT with its wamid and the price charged, only while this token's claim
 * still holds the row, naming the batch's CAPTURE entry (null when nothing is charged). $1 workspace, $2 ids,
 * $3 wamids, $4 fence, $5 price, $6 now, $7 charge entry id.
 */
export const RECORD_SENT = statement<{ id: string; wamid: string; erased: boolean }>(
  'campaigns.record-sent',
  `update "campaign_message" m set status = 'SENT', status_rank = 1, wamid = v.wamid, charged = $5::bigint,
     charge_entry_id = $7::uuid, refund_entry_id = null,
     sent_at = $6::timestamptz, updated_at = $6::timestamptz, error_code = null
   from unnest($2::uuid[], $3::text[]) as v(id, wamid)
   where m.workspace_id = $1 and m.id = v.id and m.status = 'SENDING' and m.fence = $4::bigint
   returning m.id, m.wamid, m.contact_id is null as erased`,
);

/**
 * A definite rejection with a retryable code: QUEUED again, not before the given time.
 * $1 workspace, $2 ids, $3 not-before times, $4 error codes, $5 fence, $6 now.
 */
export const RECORD_REQUEUE = statement<{ id: string }>(
  'campaigns.record-requeue',
  `update "campaign_message" m set status = 'QUEUED', not_before = v.not_before, error_code = v.code,
     fence = null, updated_at = $6::timestamptz
   from unnest($2::uuid[], $3::timestamptz[], $4::int[]) as v(id, not_before, code)
   where m.workspace_id = $1 and m.id = v.id and m.status = 'SENDING' and m.fence = $5::bigint
   returning m.id`,
);

/** A permanent error: FAILED, nothing charged. $1 workspace, $2 ids, $3 error codes, $4 fence, $5 now. */
export const RECORD_FAILED = statement<{ id: string }>(
  'campaigns.record-failed',
  `update "campaign_message" m set status = 'FAILED', status_rank = 2, error_code = v.code,
     failed_at = $5::timestamptz, updated_at = $5::timestamptz
   from unnest($2::uuid[], $3::int[]) as v(id, code)
   where m.workspace_id = $1 and m.id = v.id and m.status = 'SENDING' and m.fence = $4::bigint
   returning m.id`,
);

/**
 * No definite answer (a timeout, a reset after the request was written, a 5xx without a Graph
 * body): UNKNOWN until a status webhook or the deadline says. $1 workspace, $2 ids, $3 fence,
 * $4 deadline, $5 now.
 */
export const RECORD_UNKNOWN = statement<{ id: string }>(
  'campaigns.record-unknown',
  `update "campaign_message" m set status = 'UNKNOWN', unknown_deadline = $4::timestamptz,
     updated_at = $5::timestamptz
   where m.workspace_id = $1 and m.id = any($2::uuid[]) and m.status = 'SENDING' and m.fence = $3::bigint
   returning m.id`,
);

export interface AppliedStatusRow {
  id: string;
  campaign_id: string;
  old_status: string;
  /** An UNKNOWN message still within its deadline: its share is held, and its outcome now settles it. */
  awaited: boolean;
  status: string;
  /** It reached the phone (a later failure does not undo that: Meta bills a delivered message). */
  delivered: boolean;
  charged: string;
  error_code: number | null;
  contact_id: string | null;
  attempt: number;
  price: string;
  hold_id: string | null;
  template_category: string | null;
  campaign_status: string;
  /**
   * The wamid Meta reported for a message of an erased contact that had none yet (an UNKNOWN one's first status):
   * not written (it holds the number); the caller erases it and gives the message its erased id.
   */
  unnamed_wamid: string | null;
}

/**
 * Applies the status webhooks of a channel's numbers to campaign messages, forward only:
 * matched by `biz_opaque_callback_data` (the message id) first, then by wamid. Rows that match
 * nothing yet (a status faster than our own outcome write) stay in `message_status` and are
 * applied by a later pass over the same window. An UNKNOWN message that Meta reports was sent
 * is now known to be accepted. $1 workspace, $2 phone number id, $3 updated since, $4 now.
 */
export const APPLY_STATUSES = statement<AppliedStatusRow>(
  'campaigns.apply-statuses',
  `with s as (
     select ms.wamid, ms.status, ms.rank, ms.status_at, ms.delivered_at, (ms.errors -> 0 ->> 'code')::int as code,
            case when ms.callback_data ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                 then ms.callback_data::uuid end as message_id
     from "message_status" ms
     where ms.workspace_id = $1 and ms.phone_number_id = $2 and ms.updated_at >= $3::timestamptz
   ), candidates as (
     -- By our own id first (the primary key), then by wamid (campaign_message_wamid_index, partial on
     -- wamid is not null, spelled out so the plan never depends on proving it from the join): two index
     -- joins, never one join on an OR that would scan every message.
     select m.id, m.status as old_status, m.status_rank, m.unknown_deadline, s.wamid, s.status, s.rank, s.status_at,
            s.delivered_at, s.code
     from s join "campaign_message" m on m.id = s.message_id
     where m.workspace_id = $1
     union all
     select m.id, m.status, m.status_rank, m.unknown_deadline, s.wamid, s.status, s.rank, s.status_at,
            s.delivered_at, s.code
     from s join "campaign_message" m on m.wamid = s.wamid
     where s.message_id is null and m.workspace_id = $1 and m.wamid is not null
   ), matched as (
     select distinct on (c.id) c.* from candidates c
     where c.old_status in ('SENT', 'DELIVERED', 'READ', 'UNKNOWN') and c.rank > c.status_rank
     order by c.id, c.rank desc
   ), locked as (
     select m.id from "campaign_message" m join matched x on x.id = m.id for update of m
   ), updated as (
     update "campaign_message" m set
       -- An erased contact's message never takes an original wamid (it holds the number), only an erased one.
       status = upper(x.status), status_rank = x.rank,
       wamid = coalesce(m.wamid, case when m.contact_id is not null or x.wamid like 'erased.%' then x.wamid end),
       -- The webhook keeps when the message first reached the phone (delivered, or read with no delivered seen):
       -- a pass that sees read, or failed after delivery, still records it.
       delivered_at = coalesce(m.delivered_at, x.delivered_at,
                               case when x.status = 'delivered' then x.status_at end),
       read_at = case when x.status = 'read' then x.status_at else m.read_at end,
       failed_at = case when x.status = 'failed' then x.status_at else m.failed_at end,
       error_code = case when x.status = 'failed' then x.code else m.error_code end,
       unknown_deadline = null, updated_at = $4::timestamptz
     from matched x where m.id = x.id and m.id in (select id from locked) and m.status_rank < x.rank
       -- "awaited" below comes from this statement's snapshot: if the UNKNOWN's deadline expired (its share
       -- released) in between, the row waits for the next pass, which sees it unawaited (no capture twice).
       and (m.unknown_deadline is null) = (x.unknown_deadline is null)
     returning m.id, m.campaign_id, x.old_status, x.unknown_deadline is not null as awaited, m.status,
               m.delivered_at is not null as delivered,
               m.charged::text as charged, m.error_code, m.contact_id, m.attempt,
               case when m.wamid is null then x.wamid end as unnamed_wamid
   )
   select u.*, c.price::text as price, c.hold_id, c.template_category, c.status as campaign_status
   from updated u join "campaign" c on c.id = u.campaign_id`,
);

/**
 * A `failed` status with 131049 on a first attempt: QUEUED again for attempt 2 a day later, as if never sent
 * (no wamid, nothing charged: the caller refunded it); the error code marks it as a pending retry.
 * $1 workspace, $2 ids, $3 not before, $4 now.
 */
export const QUEUE_MARKETING_RETRY = statement<{ id: string }>(
  'campaigns.queue-marketing-retry',
  `update "campaign_message" set status = 'QUEUED', status_rank = 0, not_before = $3::timestamptz, wamid = null,
     charged = 0, charge_entry_id = null, refund_entry_id = null, fence = null, failed_at = null, unknown_deadline = null, updated_at = $4::timestamptz
   where workspace_id = $1 and id = any($2::uuid[]) and status = 'FAILED' and error_code = 131049 and attempt = 1
   returning id`,
);

/** UNKNOWN messages confirmed accepted: charged from the hold by entry $5. $1 workspace, $2 ids, $3 amount each, $4 now. */
export const SET_CHARGED = statement(
  'campaigns.set-charged',
  `update "campaign_message" set charged = $3::bigint, charge_entry_id = $5::uuid, refund_entry_id = null,
     updated_at = $4::timestamptz
   where workspace_id = $1 and id = any($2::uuid[])`,
);

/**
 * Refunds messages (the charge policy: once per message and attempt), each by the REFUND entry named beside it:
 * inserts each charged message's (id, attempt) into `message_refund` (its primary key) `on conflict do nothing`,
 * and only the rows inserted are uncharged and returned with the amount they were charged, which the caller sums
 * into that one entry in the same transaction. A message a replay, another status pass or the daily job refunded
 * already (this attempt) is skipped by the key, not by a check. The caller holds the rows' locks. $1 workspace,
 * $2 message ids, $3 refund entry ids (pairwise), $4 now.
 */
export const RECORD_REFUNDS = statement<{ id: string; campaign_id: string; amount: string; entry_id: string }>(
  'campaigns.record-refunds',
  `with refunded as (
     insert into "message_refund" (message_id, attempt, workspace_id, amount, charge_entry_id, refund_entry_id,
       created_at)
     select m.id, m.attempt, m.workspace_id, m.charged, m.charge_entry_id, r.entry_id, $4::timestamptz
     from unnest($2::uuid[], $3::uuid[]) as r(id, entry_id) join "campaign_message" m on m.id = r.id
     where m.workspace_id = $1 and m.charged > 0
     on conflict (message_id, attempt) do nothing
     returning message_id, amount, refund_entry_id
   ), uncharged as (
     update "campaign_message" m set charged = 0, refund_entry_id = r.refund_entry_id, updated_at = $4::timestamptz
     from refunded r where m.workspace_id = $1 and m.id = r.message_id
     returning m.id, m.campaign_id
   )
   select u.id, u.campaign_id, r.amount::text as amount, r.refund_entry_id as entry_id
   from uncharged u join refunded r on r.message_id = u.id`,
);

/**
 * The workspaces with messages Meta accepted before $1 that never got a final status (still SENT) and are still
 * charged: the daily refund job's work list (campaign_message_unanswered_index). Cross-workspace: the job serves
 * every workspace, one at a time. $2 limit (of messages looked at; the job asks again until none are left).
 */
export const UNANSWERED_WORKSPACES = statement<{ workspace_id: string }>(
  'campaigns.unanswered-workspaces',
  `select distinct workspace_id from (
     select workspace_id from "campaign_message"
     where status = 'SENT' and charged > 0 and sent_at <= $1::timestamptz
     order by sent_at limit $2
   ) due`,
);

/**
 * Up to $3 messages of workspace $1 accepted before $2 and still SENT and charged, locked (skip locked: a status
 * pass that holds one applies it itself), each with its campaign; the caller refunds them (RECORD_REFUNDS) in the
 * same transaction. A message once refunded has charged 0 and its (id, attempt) in `message_refund`, so neither a
 * second pass nor a late `failed` refunds it again.
 */
export const CLAIM_UNANSWERED = statement<{ id: string; campaign_id: string }>(
  'campaigns.claim-unanswered',
  `select id, campaign_id from "campaign_message"
   where workspace_id = $1 and status = 'SENT' and charged > 0 and sent_at <= $2::timestamptz
   order by sent_at limit $3 for update skip locked`,
);

export interface ExpiredRow {
  id: string;
  campaign_id: string;
  price: string;
  hold_id: string | null;
}

/**
 * UNKNOWN messages whose deadline passed with no status: left UNKNOWN (unconfirmed), never
 * charged, their share of the hold released by the caller. `campaign_message_unknown_index`.
 * $1 workspace, $2 now, $3 limit.
 */
export const EXPIRE_UNKNOWN = statement<ExpiredRow>(
  'campaigns.expire-unknown',
  `with due as (
     select m.id from "campaign_message" m
     where m.workspace_id = $1 and m.status = 'UNKNOWN' and m.unknown_deadline <= $2::timestamptz
     order by m.unknown_deadline limit $3 for update skip locked
   ), expired as (
     update "campaign_message" m set unknown_deadline = null, updated_at = $2::timestamptz
     from due where m.id = due.id returning m.id, m.campaign_id
   )
   select e.id, e.campaign_id, c.price::text as price, c.hold_id from expired e join "campaign" c on c.id = e.campaign_id`,
);

export interface CompletedRow {
  id: string;
  name: string;
  hold_id: string | null;
  price: string;
  in_flight: number;
  /** 131049 retries waiting for their day: their share stays held. */
  retrying: number;
  sent: number;
}

/**
 * Running campaigns of a channel with nothing left to claim or send and a complete snapshot: COMPLETED. What they
 * still hold for SENDING or UNKNOWN messages stays held. $1 workspace, $2 channel, $3 now.
 */
export const COMPLETE_CAMPAIGNS = statement<CompletedRow>(
  'campaigns.complete',
  `with done as (
     select c.id from "campaign" c
     where c.workspace_id = $1 and c.channel_id = $2 and c.status = 'RUNNING'
       -- a launch snapshot still being written has more to send
       and not exists (select 1 from "campaign_snapshot" s where s.campaign_id = c.id and not s.complete)
       and not exists (select 1 from "campaign_message" m
                       where m.campaign_id = c.id and m.status in ('QUEUED', 'SENDING')
                         -- a 131049 retry waiting for its day does not hold the campaign open
                         and (m.status = 'SENDING' or m.error_code is distinct from 131049))
     for update of c
   ), completed as (
     update "campaign" c set status = 'COMPLETED', completed_at = $3::timestamptz, updated_at = $3::timestamptz
     from done where c.id = done.id returning c.id, c.name, c.hold_id, c.price::text as price
   )
   select k.*,
     (select count(*)::int from "campaign_message" m
       where m.campaign_id = k.id and m.status = 'UNKNOWN' and m.unknown_deadline is not null) as in_flight,
     (select count(*)::int from "campaign_message" m
       where m.campaign_id = k.id and m.status = 'QUEUED' and m.error_code = 131049) as retrying,
     (select count(*)::int from "campaign_message" m
       where m.campaign_id = k.id and m.status in ('SENT', 'DELIVERED', 'READ')) as sent
   from completed k`,
);

/** Messages whose share of a hold is still needed: SENDING, and UNKNOWN before its deadline. $1 workspace, $2 campaign. */
export const IN_FLIGHT = statement<{ count: number }>(
  'campaigns.in-flight',
  `select count(*)::int as count from "campaign_message"
   where workspace_id = $1 and campaign_id = $2
     and (status = 'SENDING' or (status = 'UNKNOWN' and unknown_deadline is not null))`,
);

/** Cancel: every QUEUED message of the campaign becomes SKIPPED. $1 workspace, $2 campaign, $3 now. */
export const SKIP_QUEUED = statement(
  'campaigns.skip-queued',
  `update "campaign_message" set status = 'SKIPPED', updated_at = $3::timestamptz
   where workspace_id = $1 and campaign_id = $2 and status = 'QUEUED'`,
);

/**
 * Open campaigns whose channel was disconnected, across workspaces: deleting the channel row sets their `channel_id`
 * to null (a scheduled or launched campaign always had one), so nothing can send them. $1 limit. A scan of the open
 * campaigns, few at any time.
 */
export const WITHOUT_CHANNEL = statement<{ id: string; workspace_id: string }>(
  'campaigns.without-channel',
  `select c.id, c.workspace_id from "campaign" c
   where c.status in ('SCHEDULED', 'RUNNING', 'PAUSED')
     and (c.channel_id is null or not exists (select 1 from "channel" ch where ch.id = c.channel_id))
   limit $1`,
);

/**
 * Running campaigns whose channel Meta stopped (an account restriction or disable pauses the channel): the dispatcher
 * sends nothing for them, so they pause with the reason. Across workspaces, `campaign_running_index`. $1 limit.
 */
export const RUNNING_ON_STOPPED_CHANNELS = statement<{ id: string; workspace_id: string }>(
  'campaigns.running-on-stopped-channels',
  `select c.id, c.workspace_id from "campaign" c join "channel" ch on ch.id = c.channel_id
   where c.status = 'RUNNING' and ch.status <> 'CONNECTED'
   limit $1`,
);

/** The due scheduled campaigns (`campaign_scheduled_index`), across workspaces. $1 now, $2 limit. */
export const DUE_SCHEDULED = statement<{ id: string; workspace_id: string }>(
  'campaigns.due-scheduled',
  `select id, workspace_id from "campaign" where status = 'SCHEDULED' and scheduled_at <= $1::timestamptz
   order by scheduled_at limit $2`,
);

/**
 * The campaigns a reversal will pause, locked before the wallet (the order a launch, a claim or a completion takes
 * them: the campaign, then the wallet). `campaign_page_index` (workspace, id), in id order. $1 workspace.
 */
export const LOCK_FOR_REVERSAL = statement<{ id: string }>(
  'campaigns.lock-for-reversal',
  `select id from "campaign" where workspace_id = $1 and status in ('RUNNING', 'SCHEDULED') order by id for update`,
);

/**
 * Campaigns a payment reversal pauses (every running or scheduled one, under the wallet's lock), with what their
 * in-flight messages keep held: SENDING, or UNKNOWN still awaited. $1 workspace, $2 now.
 */
export const PAUSE_FOR_REVERSAL = statement<{ id: string; name: string; hold_id: string | null; keep: string }>(
  'campaigns.pause-for-reversal',
  `with paused as (
     update "campaign" set status = 'PAUSED', pause_reason = 'WALLET_REVERSAL', updated_at = $2::timestamptz
     where workspace_id = $1 and status in ('RUNNING', 'SCHEDULED') returning id, name, hold_id, price
   )
   select p.id, p.name, p.hold_id, (coalesce(p.price, 0) * (select count(*) from "campaign_message" m
     where m.campaign_id = p.id and (m.status = 'SENDING' or (m.status = 'UNKNOWN' and m.unknown_deadline is not null))))::text as keep
   from paused p`,
);

/**
 * Erasure of contacts: the wamids of their campaign messages, and of the statuses Meta reported for them (by our
 * message id, `message_status_callback_index`: a 131049 retry's first wamid is on its status only). Each holds the
 * number. One pass over the workspace's messages, like FORGET_CONTACTS. $1 workspace, $2 contact ids.
 */
export const ERASING_MESSAGE_IDS = statement<{ wamid: string }>(
  'campaigns.erasing-message-ids',
  `with erasing as (
     select id, wamid from "campaign_message" where workspace_id = $1 and contact_id = any($2::uuid[])
   )
   select wamid from erasing where wamid is not null
   union
   select s.wamid from erasing e join "message_status" s on s.callback_data = e.id::text`,
);

/** Their messages take the erased ids (`campaign_message_wamid_index`). $1 workspace, $2 wamids, $3 erased ids. */
export const RENAME_ERASED_MESSAGES = statement(
  'campaigns.rename-erased-messages',
  `update "campaign_message" m set wamid = v.erased
   from unnest($2::text[], $3::text[]) as v(wamid, erased)
   where m.wamid = v.wamid and m.workspace_id = $1 and m.wamid is not null`,
);

/**
 * Erased contacts' messages that had no wamid take the erased id of the one Meta reported since (primary key).
 * $1 workspace, $2 message ids, $3 erased ids.
 */
export const NAME_ERASED_MESSAGES = statement(
  'campaigns.name-erased-messages',
  `update "campaign_message" m set wamid = v.erased
   from unnest($2::uuid[], $3::text[]) as v(id, erased)
   where m.workspace_id = $1 and m.id = v.id and m.wamid is null`,
);

/** Erasure of contacts: their campaign messages forget the number. $1 workspace, $2 contact ids. */
export const FORGET_CONTACTS = statement(
  'campaigns.forget-contacts',
  `update "campaign_message" set phone = null, contact_id = null, updated_at = now()
   where workspace_id = $1 and contact_id = any($2::uuid[])`,
);

/**
 * Messages a dead holder left SENDING: their outcome is unknown (never resent blindly).
 * $1 workspace, $2 channel, $3 now, $4 deadline, $5 the new fence.
 */
export const ORPHANS_TO_UNKNOWN = statement(
  'campaigns.orphans-to-unknown',
  `update "campaign_message" m set status = 'UNKNOWN', unknown_deadline = $4::timestamptz, updated_at = $3::timestamptz
   from "campaign" c
   where m.workspace_id = $1 and c.id = m.campaign_id and c.channel_id = $2
     and m.status = 'SENDING' and m.fence < $5::bigint`,
);

/** Skips what is still queued for one country after 130497. $1 workspace, $2 campaign, $3 prefix, $4 now. */
export const SKIP_COUNTRY = statement<{ id: string }>(
  'campaigns.skip-country',
  `update "campaign_message" set status = 'SKIPPED', error_code = 130497, updated_at = $4::timestamptz
   where workspace_id = $1 and campaign_id = $2 and status = 'QUEUED' and phone like $3 returning id`,
);

/** The contacts of these messages (erased ones have none). $1 workspace, $2 message ids. */
export const CONTACT_IDS_OF = statement<{ contact_id: string }>(
  'campaigns.contact-ids-of',
  `select contact_id from "campaign_message" where workspace_id = $1 and id = any($2::uuid[]) and contact_id is not null`,
);

// ---- The launch snapshot, in chunks (snapshot.service.ts) ---------------------------------------

/** A launch whose snapshot goes on after its transaction: what was counted and held, and the first chunk's cursor. */
export const INSERT_SNAPSHOT = statement(
  'campaigns.insert-snapshot',
  `insert into "campaign_snapshot" (campaign_id, workspace_id, audience, marketing, total, inserted, "after", complete,
     created_at, updated_at)
   values ($2, $1, $3::jsonb, $4::boolean, $5::int, $6::int, $7::uuid, false, $8::timestamptz, $8::timestamptz)`,
);

/**
 * The campaign a chunk writes for, `for key share`: a cancel or a failure (`for update`) waits for the chunk to commit
 * and then skips what it wrote; the claim's `last_claimed_at` update (`for no key update`) does not wait. $1
 * workspace, $2 campaign.
 */
export const SNAPSHOT_CAMPAIGN = statement<{ status: string; price: string | null; hold_id: string | null }>(
  'campaigns.snapshot-campaign',
  `select status, price::text as price, hold_id from "campaign" where workspace_id = $1 and id = $2 for key share`,
);

export interface SnapshotRow {
  audience: unknown;
  marketing: boolean;
  total: number;
  inserted: number;
  after: string | null;
}

/**
 * The unfinished snapshot's cursor, locked for one chunk; `skip locked`: a chunk already under way elsewhere (another
 * loop, a zombie) is left to finish, never run twice at once. $1 workspace, $2 campaign.
 */
export const LOCK_SNAPSHOT = statement<SnapshotRow>(
  'campaigns.lock-snapshot',
  `select audience, marketing, total, inserted, "after" from "campaign_snapshot"
   where workspace_id = $1 and campaign_id = $2 and not complete for update skip locked`,
);

/** Moves the cursor past a chunk, in the chunk's transaction. $1 workspace, $2 campaign, $3 after, $4 inserted, $5 complete, $6 now. */
export const ADVANCE_SNAPSHOT = statement(
  'campaigns.advance-snapshot',
  `update "campaign_snapshot" set "after" = $3::uuid, inserted = $4::int, complete = $5::boolean,
     updated_at = $6::timestamptz
   where workspace_id = $1 and campaign_id = $2`,
);

/** Recipients counted at launch and not yet written (0 once the snapshot is complete). $1 workspace, $2 campaign. */
export const SNAPSHOT_PENDING = statement<{ pending: number }>(
  'campaigns.snapshot-pending',
  `select coalesce(sum(total - inserted), 0)::int as pending from "campaign_snapshot"
   where workspace_id = $1 and campaign_id = $2 and not complete`,
);
