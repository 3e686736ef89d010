import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock';
import { rupiah, type Rupiah } from '../../core/money';
import { execute, query } from '../../db/sql';
import { inTransaction } from '../../db/transaction';
import { Workspace } from '../identity';
import {
  COMPACT_CAMPAIGN_TALLY,
  COMPACT_MESSAGE_HOURLY,
  DAILY_MESSAGES,
  MESSAGES_BY_STATUS,
  TRY_COMPACTION_LOCK,
} from './message-tallies.sql';

/** The longest daily series the overview may ask for (and the widest summary, 30 days). */
export const MAX_STATISTICS_DAYS = 90;

export interface DayStatistics {
  /** `YYYY-MM-DD` in the workspace's time zone. */
  day: string;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  spend: Rupiah;
}

export interface PeriodStatistics {
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  /** Of the messages sent in the period, the share delivered in it; null when none was sent. */
  deliveryRate: number | null;
  /** Of the messages delivered in the period, the share read in it; null when none was delivered. */
  readRate: number | null;
  spend: Rupiah;
}

export interface MessageStatistics {
  timeZone: string;
  today: PeriodStatistics;
  last7Days: PeriodStatistics;
  last30Days: PeriodStatistics;
  daily: DayStatistics[];
}

/** Sums days into a period, with its rates. */
export function summarize(days: DayStatistics[]): PeriodStatistics {
  const sum = (pick: (day: DayStatistics) => number) => days.reduce((total, day) => total + pick(day), 0);
  const sent = sum((day) => day.sent);
  const delivered = sum((day) => day.delivered);
  const read = sum((day) => day.read);
  return {
    sent,
    delivered,
    read,
    failed: sum((day) => day.failed),
    deliveryRate: sent > 0 ? Math.min(1, delivered / sent) : null,
    readRate: delivered > 0 ? Math.min(1, read / delivered) : null,
    spend: rupiah(days.reduce((total, day) => total + day.spend, 0n)),
  };
}

/**
 * The workspace's message statistics (the overview): what happened to its campaign messages each day in its time
 * zone, from the hourly rollup the `campaign_message` triggers keep, and the compaction that keeps the rollups short.
 */
export class MessageStatisticsService {
  constructor(private readonly clock: Clock) {}

  async statistics(em: EntityManager, workspaceId: string, days: number): Promise<MessageStatistics> {
    const workspace = await em.findOneOrFail(Workspace, workspaceId, { fields: ['timeZone'] });
    const span = Math.max(30, days);
    const rows = await query(em, DAILY_MESSAGES, [workspaceId, workspace.timeZone, span, this.clock.now()]);
    const all: DayStatistics[] = rows.map((row) => ({
      day: row.day,
      sent: row.sent,
      delivered: row.delivered,
      read: row.read,
      failed: row.failed,
      spend: rupiah(row.spend),
    }));
    return {
      timeZone: workspace.timeZone,
      today: summarize(all.slice(-1)),
      last7Days: summarize(all.slice(-7)),
      last30Days: summarize(all.slice(-30)),
      daily: all.slice(-days),
    };
  }

  /** Every workspace's campaign messages by status (the operator's gauge), from the campaign tallies. */
  async messagesByStatus(em: EntityManager): Promise<Map<string, number>> {
    return new Map((await query(em, MESSAGES_BY_STATUS, [])).map((row) => [row.status, row.count]));
  }

  /**
   * Folds the delta rows of every campaign tally and every workspace hour into one row per key. Skipped when another
   * compaction holds the lock (a job that runs twice). Returns how many delta rows were folded.
   */
  async compact(em: EntityManager): Promise<number> {
    return inTransaction(em, {}, async (tx) => {
      const [lock] = await query(tx, TRY_COMPACTION_LOCK, []);
      if (!lock?.locked) return 0;
      const [campaigns] = (await execute(tx, COMPACT_CAMPAIGN_TALLY, [])).rows;
      const [hours] = (await execute(tx, COMPACT_MESSAGE_HOURLY, [])).rows;
      return (campaigns?.folded ?? 0) + (hours?.folded ?? 0);
    });
  }
}
