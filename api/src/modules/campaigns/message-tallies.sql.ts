import { statement } from '../../db/sql';

/**
 * Reading and compacting the tallies the `campaign_message` triggers keep (migration 20261201-200000). Readers sum
 * the delta rows of a key (one after each compaction, plus the statements since); $1 is the workspace.
 */

export interface TallyRow {
  status: string;
  count: number;
  charged: string;
}

/** A campaign's messages by status and what they charged: `campaign_tally_campaign_index`. $1 workspace, $2 campaign. */
export const CAMPAIGN_TALLY = statement<TallyRow>(
  'campaign-tallies.campaign',
  `select status, sum(messages)::int as count, sum(charged)::text as charged from "campaign_tally"
   where workspace_id = $1 and campaign_id = $2 group by status`,
);

/**
 * Every campaign's messages by status, installation-wide, for the `bizone_campaign_messages` gauge (read at each
 * scrape). A sequential scan of `campaign_tally`, not of `campaign_message`: once compacted (every 30 s) the tally
 * holds one row per campaign and status it has, plus the deltas since, so the read costs about campaigns x statuses
 * rows whatever the campaigns' sizes. No workspace: an operator's figure, never shown to a tenant.
 */
export const MESSAGES_BY_STATUS = statement<{ status: string; count: number }>(
  'campaign-tallies.by-status',
  `select status, sum(messages)::float8 as count from "campaign_tally" group by status`,
);

export interface DailyRow {
  day: string;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  spend: string;
}

/**
 * A workspace's messages and spend per day in its time zone: every one of the `$3` days ending with today (the day
 * `$4` falls on there), oldest first, zeros where nothing happened. Hours are UTC hours, so a day in WIB, WITA or WIT
 * (whole hours from UTC) is exactly its 24 hours: `message_hourly_workspace_index`. $1 workspace, $2 time zone (IANA),
 * $3 days, $4 now.
 */
export const DAILY_MESSAGES = statement<DailyRow>(
  'campaign-tallies.daily',
  `with today as (select ($4::timestamptz at time zone $2::text)::date as day),
   hours as (
     select (h.hour at time zone $2::text)::date as day, sum(h.sent) as sent, sum(h.delivered) as delivered,
            sum(h.read) as read, sum(h.failed) as failed, sum(h.spend) as spend
     from "message_hourly" h, today
     where h.workspace_id = $1
       and h.hour >= ((today.day - ($3::int - 1))::timestamp at time zone $2::text)
       and h.hour < ((today.day + 1)::timestamp at time zone $2::text)
     group by 1
   )
   select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(hours.sent, 0)::int as sent,
          coalesce(hours.delivered, 0)::int as delivered, coalesce(hours.read, 0)::int as read,
          coalesce(hours.failed, 0)::int as failed, coalesce(hours.spend, 0)::text as spend
   from today, generate_series(today.day - ($3::int - 1), today.day, interval '1 day') as g (at)
   cross join lateral (select g.at::date as day) d
   left join hours on hours.day = d.day
   order by d.day`,
);

/**
 * Folds every campaign's delta rows into one row per campaign and status, in one statement: the rows deleted are the
 * ones this snapshot sees, so deltas a trigger inserts meanwhile stay and are folded next time; a reader sees the
 * rows before or after, never both (one commit). Only keys with more than one row are touched. No workspace: the
 * job keeps every workspace's tallies short.
 */
export const COMPACT_CAMPAIGN_TALLY = statement<{ folded: number }>(
  'campaign-tallies.compact-campaigns',
  `with gone as (
     delete from "campaign_tally" t
     where (t.campaign_id, t.status) in (
       select campaign_id, status from "campaign_tally" group by campaign_id, status having count(*) > 1
     )
     returning t.*
   ), folded as (
     insert into "campaign_tally" (workspace_id, campaign_id, status, messages, charged)
     select workspace_id, campaign_id, status, sum(messages), sum(charged) from gone
     group by workspace_id, campaign_id, status
     having sum(messages) <> 0 or sum(charged) <> 0
     returning 1
   )
   select (select count(*) from gone)::int as folded`,
);

/** The same for the hourly rollup: one row per workspace and hour. */
export const COMPACT_MESSAGE_HOURLY = statement<{ folded: number }>(
  'campaign-tallies.compact-hourly',
  `with gone as (
     delete from "message_hourly" h
     where (h.workspace_id, h.hour) in (
       select workspace_id, hour from "message_hourly" group by workspace_id, hour having count(*) > 1
     )
     returning h.*
   ), folded as (
     insert into "message_hourly" (workspace_id, hour, sent, delivered, read, failed, spend)
     select workspace_id, hour, sum(sent), sum(delivered), sum(read), sum(failed), sum(spend) from gone
     group by workspace_id, hour
     having sum(sent) <> 0 or sum(delivered) <> 0 or sum(read) <> 0 or sum(failed) <> 0 or sum(spend) <> 0
     returning 1
   )
   select (select count(*) from gone)::int as folded`,
);

/** One compactor at a time (a job may run twice): two would wait on each other's deleted rows. */
export const TRY_COMPACTION_LOCK = statement<{ locked: boolean }>(
  'campaign-tallies.try-compaction-lock',
  `select pg_try_advisory_xact_lock(hashtext('campaign-tallies.compact')) as locked`,
);
