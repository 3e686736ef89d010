import { statement } from '../../db/sql';
import type { StoredReplyColumns } from '../channels';

/** Read-only SQL behind the campaign detail page: its activity over time and the replies it drew. $1 workspace. */

export interface SpanRow {
  first: Date | null;
  last: Date | null;
}

/**
 * The first and last status event of a campaign's messages (to size the timeline's buckets). One pass over the
 * campaign's rows through `campaign_message_status_index` (campaign_id leads it). $1 workspace, $2 campaign.
 */
export const TIMELINE_SPAN = statement<SpanRow>(
  'campaign-insights.timeline-span',
  `select min(least(sent_at, delivered_at, read_at, failed_at)) as first,
          max(greatest(sent_at, delivered_at, read_at, failed_at)) as last
   from "campaign_message" where workspace_id = $1 and campaign_id = $2`,
);

export interface BucketRow {
  bucket: Date;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
}

/**
 * Status events of a campaign's messages per bucket of $3 seconds, counted by when each happened (a message that was
 * sent, delivered and read counts once in each column, at its own time). A read message was delivered: when its
 * `delivered` status came in the same webhook pass as `read`, only `read_at` is kept, so it counts as delivered then.
 * Same index as the span. $1 workspace,
 * $2 campaign, $3 bucket seconds.
 */
export const TIMELINE_BUCKETS = statement<BucketRow>(
  'campaign-insights.timeline-buckets',
  `with rows as (
     select sent_at, delivered_at, read_at, failed_at from "campaign_message"
     where workspace_id = $1 and campaign_id = $2
       and (sent_at is not null or delivered_at is not null or read_at is not null or failed_at is not null)
   ), events as (
     select sent_at as at, 1 as sent, 0 as delivered, 0 as read, 0 as failed from rows where sent_at is not null
     union all select coalesce(delivered_at, read_at), 0, 1, 0, 0 from rows
       where delivered_at is not null or read_at is not null
     union all select read_at, 0, 0, 1, 0 from rows where read_at is not null
     union all select failed_at, 0, 0, 0, 1 from rows where failed_at is not null
   )
   select to_timestamp(floor(extract(epoch from at) / $3::int) * $3::int) as bucket,
          sum(sent)::int as sent, sum(delivered)::int as delivered, sum(read)::int as read, sum(failed)::int as failed
   from events group by 1 order by 1`,
);

export interface CampaignReplyRow extends StoredReplyColumns {
  id: string;
  contact_id: string;
  phone: string;
  name: string | null;
  received_at: Date;
}

/**
 * Replies a campaign drew: inbound messages on the campaign's channel from its recipients, received after their
 * message was sent and within $4 seconds of it, newest first, keyset-paged by (received_at, id). Each recipient's
 * replies come from `contact_reply_contact_index` (contact_id, received_at). $1 workspace, $2 campaign,
 * $3 channel, $4 attribution window in seconds, $5 after (a reply id) or null, $6 limit.
 */
export const CAMPAIGN_REPLIES = statement<CampaignReplyRow>(
  'campaign-insights.replies',
  `select r.id, r.contact_id, c.phone, c.name, r.type, r.text, r.received_at,
          r.media_id, r.mime_type, r.file_name, r.location
   from "campaign_message" m
   join "contact_reply" r on r.workspace_id = m.workspace_id and r.contact_id = m.contact_id
     and r.received_at >= m.sent_at and r.received_at < m.sent_at + make_interval(secs => $4::int)
   join "contact" c on c.id = r.contact_id
   where m.workspace_id = $1 and m.campaign_id = $2 and m.sent_at is not null and r.channel_id = $3::uuid
     and ($5::uuid is null or (r.received_at, r.id) < (
       select a.received_at, a.id from "contact_reply" a where a.workspace_id = $1 and a.id = $5::uuid))
   order by r.received_at desc, r.id desc limit $6`,
);

/** How many replies a campaign drew (same rules as CAMPAIGN_REPLIES). $1 workspace, $2 campaign, $3 channel, $4 window s. */
export const COUNT_CAMPAIGN_REPLIES = statement<{ count: number }>(
  'campaign-insights.count-replies',
  `select count(*)::int as count
   from "campaign_message" m
   join "contact_reply" r on r.workspace_id = m.workspace_id and r.contact_id = m.contact_id
     and r.received_at >= m.sent_at and r.received_at < m.sent_at + make_interval(secs => $4::int)
   where m.workspace_id = $1 and m.campaign_id = $2 and m.sent_at is not null and r.channel_id = $3::uuid`,
);
