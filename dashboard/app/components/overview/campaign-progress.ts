/** A campaign's message counts as the API reports them (CampaignCounts). */
export interface CampaignCounts {
  total: number;
  queued: number;
  sending: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  skipped: number;
  unknown: number;
}

export type CampaignStatus = 'DRAFT' | 'SCHEDULED' | 'RUNNING' | 'PAUSED' | 'COMPLETED' | 'CANCELLED' | 'FAILED';

/** Messages past the dispatcher: everything but QUEUED and SENDING. */
export function processedMessages(counts: CampaignCounts): number {
  return Math.max(0, counts.total - counts.queued - counts.sending);
}

/** Percent processed, whole: 100 only once the campaign says COMPLETED (a paused one at 99.9 % is not done). */
export function campaignPercent(status: CampaignStatus, counts: CampaignCounts): number {
  if (status === 'COMPLETED') return 100;
  if (counts.total <= 0) return 0;
  return Math.min(99, Math.floor((processedMessages(counts) / counts.total) * 100));
}

/**
 * Delivery rate: of the messages Meta took (sent, delivered, read, or failed after that), the share delivered or
 * read. Read rate: of the delivered ones, the share read. Null when there is nothing to divide by yet.
 */
export function campaignRates(counts: CampaignCounts): { delivered: number | null; read: number | null } {
  const reachedMeta = counts.sent + counts.delivered + counts.read + counts.failed;
  const delivered = counts.delivered + counts.read;
  return {
    delivered: reachedMeta > 0 ? delivered / reachedMeta : null,
    read: delivered > 0 ? counts.read / delivered : null,
  };
}

/** How often the overview asks again while a campaign sends (its counts move batch by batch), or is due to start. */
export const POLL_MS = 5_000;
/** A campaign scheduled further ahead is looked at this often: the browser's clock may not be the worker's. */
export const SCHEDULED_POLL_MS = 60_000;

/**
 * How long the overview waits before asking again, or null to stop: every few seconds while a campaign runs or a
 * scheduled one is due (so its start shows without a reload), once a minute while the next start is further away,
 * and never once nothing is running or scheduled.
 */
export function livePollDelay(
  campaigns: readonly { status: CampaignStatus; scheduledAt?: string | null }[],
  now: number,
): number | null {
  if (campaigns.some((campaign) => campaign.status === 'RUNNING')) return POLL_MS;
  const starts = campaigns
    .filter((campaign) => campaign.status === 'SCHEDULED')
    .map((campaign) => (campaign.scheduledAt ? Date.parse(campaign.scheduledAt) : now));
  if (starts.length === 0) return null;
  return Math.min(SCHEDULED_POLL_MS, Math.max(POLL_MS, Math.min(...starts) - now));
}
