import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import { execute } from '../../db/sql';
import { PURGE_EVENT_TEXTS, PURGE_EXPORTS, PURGE_IMPORT_REPORTS, PURGE_STALE_UPLOADS } from './contacts.sql';

export const PURGE_JOB = 'contacts.purge-personal-data';
export const PURGE_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * A later module's share of the purge (the channels module's stored webhook bodies): rows older
 * than `cutoff` that carry personal data, erased; answers how many.
 */
export type PurgeStep = (em: EntityManager, cutoff: Date) => Promise<number>;

/**
 * UU PDP storage limitation: personal data kept only for a passing purpose is erased after
 * the retention period (PERSONAL_DATA_RETENTION_DAYS, default 90): the texts of replies kept
 * for review, the reports of rejected import rows, uploads never started, expired exports.
 * Every workspace at once: this is housekeeping of the installation, not of one tenant. Modules
 * that store personal data of their own add their steps (`addStep`), so one job and one
 * retention period cover all of it.
 */
export class PersonalDataPurge {
  constructor(
    private readonly clock: Clock,
    private readonly retentionDays: number,
    private readonly logger: Logger,
  ) {}

  private readonly steps = new Map<string, PurgeStep>();

  /** Adds a module's purge under the name its count is reported by (one step per name). */
  addStep(name: string, step: PurgeStep): void {
    this.steps.set(name, step);
  }

  async run(orm: MikroORM): Promise<Record<string, number>> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.retentionDays * 86_400_000);
    const em = orm.em.fork();
    const counts: Record<string, number> = {
      replyTexts: (await execute(em, PURGE_EVENT_TEXTS, [cutoff])).rowCount,
      importReports: (await execute(em, PURGE_IMPORT_REPORTS, [cutoff])).rowCount,
      // An upload nobody started within a day is abandoned: its file goes sooner.
      staleUploads: (await execute(em, PURGE_STALE_UPLOADS, [new Date(now.getTime() - 86_400_000)])).rowCount,
      exports: (await execute(em, PURGE_EXPORTS, [now])).rowCount,
    };
    for (const [name, step] of this.steps) counts[name] = await step(em, cutoff);
    this.logger.info(counts, 'personal data purged');
    return counts;
  }
}
