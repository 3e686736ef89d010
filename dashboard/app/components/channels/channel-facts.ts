import type { BadgeTone } from '../ui/badge';

/** Meta's quality rating as a badge colour; a rating this dashboard does not know yet stays neutral. */
export function qualityTone(quality: string | null | undefined): BadgeTone {
  switch (quality) {
    case 'GREEN':
      return 'success';
    case 'YELLOW':
      return 'warning';
    case 'RED':
      return 'danger';
    default:
      return 'neutral';
  }
}

export function statusTone(status: string): BadgeTone {
  if (status === 'CONNECTED') return 'success';
  if (status === 'PAUSED') return 'danger';
  return 'neutral';
}

// Counts are grouped the Indonesian way in both languages, like rupiah amounts.
const countFormat = new Intl.NumberFormat('id-ID');

export function formatCount(value: number): string {
  return countFormat.format(value);
}

/**
 * The portfolio's messaging limit as the API gives it: unique recipients per rolling 24 hours, -1 for unlimited,
 * null before Meta told us (no check or capability webhook yet).
 */
export type MessagingLimit = { kind: 'unknown' } | { kind: 'unlimited' } | { kind: 'limited'; recipients: string };

export function messagingLimit(value: number | null | undefined): MessagingLimit {
  if (value === null || value === undefined) return { kind: 'unknown' };
  if (value < 0) return { kind: 'unlimited' };
  return { kind: 'limited', recipients: countFormat.format(value) };
}
