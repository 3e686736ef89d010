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

/** Campaigns worth watching live: the overview polls while one of these is on it. */
export function isSending(status: CampaignStatus): boolean {
  return status === 'RUNNING';
}
