import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql';
import {
  CAMPAIGN_REPLIES,
  COUNT_CAMPAIGN_REPLIES,
  TIMELINE_BUCKETS,
  TIMELINE_SPAN,
  type BucketRow,
  type CampaignReplyRow,
} from './campaign-insights.sql';
import type { CampaignsService } from './campaigns.service';

/** Interval lengths a timeline may use, shortest first: the first that keeps the chart within MAX_POINTS wins. */
const BUCKETS_S = [60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86_400, 7 * 86_400];
export const MAX_TIMELINE_POINTS = 120;
/** A reply counts as drawn by a campaign when it comes within 3 days of the recipient's message (Meta's own
 * conversation-attribution windows are 24-72 h). */
export const REPLY_WINDOW_S = 3 * 86_400;

export interface TimelinePoint {
  at: Date;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
}

/** The smallest interval that fits [first, last] in MAX_TIMELINE_POINTS intervals (a week for anything longer). */
export function bucketSecondsFor(first: Date, last: Date): number {
  const spanS = Math.max(0, (last.getTime() - first.getTime()) / 1000);
  return BUCKETS_S.find((seconds) => Math.floor(spanS / seconds) + 1 <= MAX_TIMELINE_POINTS) ?? BUCKETS_S.at(-1)!;
}

/** Every interval from the first bucket to the last, with zeros where nothing happened (a chart's x axis). */
export function fillTimeline(rows: BucketRow[], bucketSeconds: number): TimelinePoint[] {
  if (rows.length === 0) return [];
  const step = bucketSeconds * 1000;
  const byTime = new Map(rows.map((row) => [new Date(row.bucket).getTime(), row]));
  const start = new Date(rows[0]!.bucket).getTime();
  const end = new Date(rows.at(-1)!.bucket).getTime();
  const points: TimelinePoint[] = [];
  for (let at = start; at <= end; at += step) {
    const row = byTime.get(at);
    points.push({
      at: new Date(at),
      sent: row?.sent ?? 0,
      delivered: row?.delivered ?? 0,
      read: row?.read ?? 0,
      failed: row?.failed ?? 0,
    });
  }
  return points;
}

/** Read-only views of one campaign for its detail page: activity over time and the replies it drew. */
export class CampaignInsightsService {
  constructor(private readonly campaigns: CampaignsService) {}

  async timeline(
    em: EntityManager,
    workspaceId: string,
    campaignId: string,
  ): Promise<{ bucketSeconds: number; points: TimelinePoint[] }> {
    await this.campaigns.get(em, workspaceId, campaignId);
    const [span] = await query(em, TIMELINE_SPAN, [workspaceId, campaignId]);
    if (!span?.first || !span.last) return { bucketSeconds: BUCKETS_S[0]!, points: [] };
    const bucketSeconds = bucketSecondsFor(new Date(span.first), new Date(span.last));
    const rows = await query(em, TIMELINE_BUCKETS, [workspaceId, campaignId, bucketSeconds]);
    return { bucketSeconds, points: fillTimeline(rows, bucketSeconds) };
  }

  async replies(
    em: EntityManager,
    workspaceId: string,
    campaignId: string,
    options: { first: number; after?: string | null },
  ): Promise<{ totalCount: number; items: CampaignReplyRow[]; hasNextPage: boolean }> {
    const campaign = await this.campaigns.get(em, workspaceId, campaignId);
    // A campaign whose channel is gone (or that never had one) drew no replies we can attribute.
    if (!campaign.channelId) return { totalCount: 0, items: [], hasNextPage: false };
    const [rows, [count]] = await Promise.all([
      query(em, CAMPAIGN_REPLIES, [
        workspaceId,
        campaignId,
        campaign.channelId,
        REPLY_WINDOW_S,
        options.after ?? null,
        options.first + 1,
      ]),
      query(em, COUNT_CAMPAIGN_REPLIES, [workspaceId, campaignId, campaign.channelId, REPLY_WINDOW_S]),
    ]);
    return {
      totalCount: count?.count ?? 0,
      items: rows.slice(0, options.first),
      hasNextPage: rows.length > options.first,
    };
  }
}
