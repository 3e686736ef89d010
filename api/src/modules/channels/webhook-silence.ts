import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock';
import { execute } from '../../db/sql';
import { inTransaction } from '../../db/transaction';
import { Permission } from '../identity';
import { NotificationType, type NotificationsService } from '../notifications';
import { CLAIM_SILENT_CHANNELS, CLEAR_LAPSED_SILENCE } from './channels.sql';

/** The "no webhook" warning lasts until 10 minutes after the channel's last send. */
export const SILENCE_WINDOW_MS = 10 * 60_000;
/** Meta's status webhooks come within about a second (GATEWAYS.md 1.2); a minute without one is worth a warning. */
export const SILENCE_GRACE_MS = 60_000;

/** The channel page's warning: sent 1-10 minutes ago and no webhook heard since that send. */
export function webhookSilent(
  channel: { lastSentAt?: Date | null; lastWebhookAt?: Date | null },
  now: number,
): boolean {
  return (
    !!channel.lastSentAt &&
    now - channel.lastSentAt.getTime() <= SILENCE_WINDOW_MS &&
    now - channel.lastSentAt.getTime() >= SILENCE_GRACE_MS &&
    (!channel.lastWebhookAt || channel.lastWebhookAt < channel.lastSentAt)
  );
}

/**
 * Tells the members who manage channels when a channel goes silent as the warning says, once per episode: the channel
 * is marked (`silence_notified_at`) by the update that finds it silent, and the mark is spent by a webhook heard after
 * it or by the warning lapsing (10 minutes without a send). Run by the `channels.webhook-silence` job.
 */
export class WebhookSilenceWatch {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** One pass over every channel of the installation; returns how many channels were told about. */
  async announce(em: EntityManager): Promise<number> {
    return inTransaction(em, { lockTimeoutMs: 5_000 }, async (tx) => {
      const now = this.clock.now();
      await execute(tx, CLEAR_LAPSED_SILENCE, [now, SILENCE_WINDOW_MS]);
      const { rows } = await execute(tx, CLAIM_SILENT_CHANNELS, [now, SILENCE_WINDOW_MS, SILENCE_GRACE_MS]);
      for (const channel of rows) {
        await this.notifications.notify(
          tx,
          channel.workspace_id,
          NotificationType.CHANNEL_NO_WEBHOOKS,
          { channel: channel.name },
          { permission: Permission.CHANNELS_MANAGE },
        );
      }
      return rows.length;
    });
  }
}
