import { counter, gauge } from '../../metrics/registry';
import { MessageStatus } from './campaign-types';
import type { SendOutcome } from './dispatch/messenger';

/**
 * The campaigns module's own metrics (platform.ts's header: a module declares its own next to the code that counts).
 *
 * No channel id as a label, by decision: channels are created by tenants (every workspace connects its own numbers),
 * so a series per channel grows with the customers, and a counter's series outlive the channel in every process that
 * ever held its lease (a channel moves between workers on each takeover and restart). What the dashboard needs from
 * "per channel" is bounded: how many channels are sending (`bizone_dispatch_channels`) and the sends per second, so
 * the rate per sending channel is `sum(rate(sends{outcome="accepted"})) / sum(channels)`. Which channel is slow is a
 * question for the logs: every loop's "dispatch lease given up" line carries its channel id, what it sent and its
 * rate.
 */

/** What Meta's Cloud API answered a send request: the messenger's outcomes, with Meta's "paused" apart. */
export type SendOutcomeLabel = 'accepted' | 'paused' | 'rejected' | 'unknown' | 'not_sent';

export function sendOutcomeLabel(outcome: SendOutcome): SendOutcomeLabel {
  switch (outcome.kind) {
    case 'accepted':
      return outcome.messageStatus === 'paused' ? 'paused' : 'accepted';
    case 'rejected':
      return 'rejected';
    case 'unknown':
      return 'unknown';
    case 'not-sent':
      return 'not_sent';
  }
}

export const dispatchSends = counter(
  'bizone_dispatch_sends_total',
  'Campaign send requests made by this process, by what Meta answered: accepted, paused (accepted, but Meta paused ' +
    'the template), rejected (an error code), unknown (no answer in time: never resent), not_sent (refused before ' +
    'the request left: queued again)',
  ['outcome'],
);

export const dispatchChannels = gauge(
  'bizone_dispatch_channels',
  'Channels whose dispatch lease this process holds (one sending loop each); summed over the workers, the channels sending',
  [],
);

/**
 * Every campaign's messages by status, read from the campaign tallies at each scrape (`read` is the statistics
 * service's `messagesByStatus`): the same figures from every process on the database, hence `max by (status)` in a
 * dashboard. Every status is reported, 0 when no message has it. A read that fails (the database unreachable) leaves
 * the gauge without samples for that scrape instead of failing the scrape: the process's other metrics are what an
 * operator needs most then, and `/readyz` reports the database.
 */
export function observeCampaignMessages(read: () => Promise<Map<string, number>>): void {
  gauge(
    'bizone_campaign_messages',
    'Campaign messages by status (QUEUED, SENDING, SENT, DELIVERED, READ, FAILED, SKIPPED, UNKNOWN), every workspace',
    ['status'],
    async (metric) => {
      const counts = await read().catch(() => null);
      if (!counts) return;
      for (const status of Object.values(MessageStatus)) metric.set({ status }, counts.get(status) ?? 0);
    },
  );
}
