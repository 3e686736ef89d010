import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import { newId } from '../../core/ids';
import { workspaceEm } from '../../db/base.entity';
import { execute, query } from '../../db/sql';
import { inTransaction, LONG_RUNNING } from '../../db/transaction';
import type { JobQueue } from '../../jobs/queue';
import type { AuditAction, AuditService, Identity, RequestMeta } from '../identity';
import { ContactBulkJob } from './contact-import.entity';
import { batchIdsStatement, cappedCountStatement } from './contact-filter';
import { accept, cleanTag, LIMITS } from './contact-input';
import { BulkAction, JobStatus, SUPPRESSION_SOURCES, SuppressionKind, type ContactFilterValue } from './contact-types';
import { DELETE_CONTACTS, ERASING_CONTACTS, INSERT_ERASED, TAG_CONTACTS, UNTAG_CONTACTS } from './contacts.sql';
import type { ContactsService } from './contacts.service';
import type { PhoneHasher } from './erasure';
import { erasureFence } from './erasure-fence';

export const BULK_JOB = 'contacts.bulk';
/** Rows per transaction of a bulk job: short locks, progress every batch. */
export const BULK_BATCH = 5000;
/** An erasure of a selection, in the request: its hooks scan stored webhook bodies. */
const ERASE_STATEMENT_TIMEOUT_MS = 60_000;

/**
 * What the erased contacts were known by, for the modules that must forget them too. `phones` are
 * E.164 numbers and `waIds` Meta's ids of them (`wa_id`, business-scoped `user_id`): handed over in
 * the erasing transaction to find rows that name them, never to be stored.
 */
export interface ErasedContacts {
  contactIds: string[];
  phoneHashes: string[];
  phones: string[];
  waIds: string[];
}

/**
 * What else holds a contact's personal data and must forget it when the contact is erased
 * (campaign messages, message statuses, Meta's stored bodies). Other modules register one, in the
 * same transaction as the erasure.
 */
export type ErasureHook = (tx: EntityManager, workspaceId: string, erased: ErasedContacts) => Promise<void>;

export interface Selection {
  ids?: string[] | null;
  filter?: ContactFilterValue | null;
}

export type BulkOutcome = { affected: number; job?: undefined } | { affected?: undefined; job: ContactBulkJob };

/** What each bulk action is called in the audit log. */
const BULK_AUDIT_ACTIONS: Record<BulkAction, AuditAction> = {
  [BulkAction.TAG]: 'contacts.tag',
  [BulkAction.UNTAG]: 'contacts.untag',
  [BulkAction.DELETE]: 'contacts.delete',
  [BulkAction.OPT_OUT]: 'contacts.opt_out',
  [BulkAction.MARKETING_OPT_OUT]: 'contacts.marketing_opt_out',
};

/**
 * Tag, untag, suppress or erase contacts: a selection of ids at once in the request; a whole
 * filter (up to the whole book) as one background job that walks it in id order, a batch per
 * transaction, with progress. Each batch is idempotent, so a job that runs twice is harmless.
 */
export class ContactBulkService {
  private readonly erasureHooks: ErasureHook[] = [];

  constructor(
    private readonly contacts: ContactsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly hasher: PhoneHasher,
    private readonly queue: JobQueue,
    private readonly logger: Logger,
  ) {}

  onErase(hook: ErasureHook): void {
    this.erasureHooks.push(hook);
  }

  async apply(
    em: EntityManager,
    actor: Identity & { workspaceId: string },
    meta: RequestMeta,
    action: BulkAction,
    selection: Selection,
    tag?: string | null,
  ): Promise<BulkOutcome> {
    const cleanedTag = action === BulkAction.TAG || action === BulkAction.UNTAG ? accept(cleanTag(tag ?? '')) : null;
    if (Boolean(selection.ids) === Boolean(selection.filter)) {
      throw new AppError('BAD_USER_INPUT', 'errors.validation', {}, { selection: 'contacts.selectionOne' });
    }
    if (selection.ids) {
      if (selection.ids.length > LIMITS.selection) {
        throw new AppError(
          'BAD_USER_INPUT',
          'errors.validation',
          {},
          { 'selection.ids': 'validation.arrayMaxSize' },
          {
            'selection.ids': { max: LIMITS.selection },
          },
        );
      }
      const ids = [...new Set(selection.ids)];
      // An erasure also looks through Meta's stored bodies for the numbers (one pass over them, however many
      // numbers): more than the default statement timeout allows once months of webhooks are kept.
      const options = action === BulkAction.DELETE ? { statementTimeoutMs: ERASE_STATEMENT_TIMEOUT_MS } : {};
      const affected = await inTransaction(em, options, (tx) =>
        this.applyToIds(tx, actor.workspaceId, action, ids, cleanedTag, actor.userId),
      );
      await this.audit.recordBy(em, actor, meta, { action: BULK_AUDIT_ACTIONS[action], details: { affected } });
      return { affected };
    }
    const job = await inTransaction(em, {}, async (tx) => {
      const created = tx.create(ContactBulkJob, {
        workspace: actor.workspaceId,
        createdBy: actor.userId,
        action,
        filter: selection.filter as Record<string, unknown>,
        tag: cleanedTag,
        status: JobStatus.QUEUED,
      });
      await tx.flush();
      return created;
    });
    await this.queue.enqueue(BULK_JOB, { jobId: job.id, workspaceId: actor.workspaceId });
    await this.audit.recordBy(em, actor, meta, { action: BULK_AUDIT_ACTIONS[action], target: job.id });
    return { job };
  }

  async job(em: EntityManager, workspaceId: string, id: string): Promise<ContactBulkJob> {
    const job = await em.findOne(ContactBulkJob, { workspace: workspaceId, id });
    if (!job) throw new AppError('NOT_FOUND', 'contacts.jobNotFound');
    return job;
  }

  /** The job: counts the filter, then walks it batch by batch (each its own transaction). */
  async run(orm: MikroORM, workspaceId: string, jobId: string): Promise<void> {
    const em = workspaceEm(orm.em, workspaceId);
    const job = await em.findOne(ContactBulkJob, { workspace: workspaceId, id: jobId });
    if (!job || job.status === JobStatus.COMPLETED) return;
    const filter = job.filter as ContactFilterValue;
    try {
      const count = cappedCountStatement(workspaceId, filter, 100_000_000);
      const [{ count: total } = { count: 0 }] = await query(em, count.statement, count.values);
      job.status = JobStatus.RUNNING;
      job.totalRows = total;
      job.processedRows = 0;
      await em.flush();
      const batch = batchIdsStatement(workspaceId, filter);
      let cursor: string | null = null;
      for (;;) {
        const values = [...batch.values];
        values[batch.cursorAt] = cursor;
        values[batch.cursorAt + 1] = BULK_BATCH;
        const done: number = await inTransaction(em, LONG_RUNNING, async (tx) => {
          const ids = (await query(tx, batch.statement, values)).map((row) => row.id);
          if (ids.length === 0) return 0;
          await this.applyToIds(
            tx,
            workspaceId,
            job.action as BulkAction,
            ids,
            job.tag ?? null,
            job.createdBy?.id ?? null,
          );
          cursor = ids[ids.length - 1]!;
          return ids.length;
        });
        if (done === 0) break;
        job.processedRows = Math.min(job.totalRows, job.processedRows + done);
        await em.flush();
        if (done < BULK_BATCH) break;
      }
      job.status = JobStatus.COMPLETED;
      job.processedRows = job.totalRows;
      job.finishedAt = this.clock.now();
      await em.flush();
    } catch (error) {
      this.logger.error({ err: error, jobId }, 'contact bulk job failed');
      job.status = JobStatus.FAILED;
      job.finishedAt = this.clock.now();
      await em.flush();
    }
  }

  async applyToIds(
    tx: EntityManager,
    workspaceId: string,
    action: BulkAction,
    ids: string[],
    tag: string | null,
    actorId: string | null,
  ): Promise<number> {
    const now = this.clock.now();
    switch (action) {
      case BulkAction.TAG:
        return (await execute(tx, TAG_CONTACTS, [workspaceId, ids, tag, now])).rowCount;
      case BulkAction.UNTAG:
        return (await execute(tx, UNTAG_CONTACTS, [workspaceId, ids, tag, now])).rowCount;
      case BulkAction.OPT_OUT:
        return this.contacts.suppress(tx, workspaceId, ids, SuppressionKind.ALL, SUPPRESSION_SOURCES.MANUAL, actorId);
      case BulkAction.MARKETING_OPT_OUT:
        return this.contacts.suppress(
          tx,
          workspaceId,
          ids,
          SuppressionKind.MARKETING,
          SUPPRESSION_SOURCES.MANUAL,
          actorId,
        );
      case BulkAction.DELETE:
        return this.erase(tx, workspaceId, ids);
    }
  }

  /**
   * Erases contacts (UU PDP): the rows go, with their history; a suppressed number leaves only
   * its keyed hash and suppressions, so importing it again keeps it suppressed. The other modules'
   * hooks run first, while their rows still name the contact.
   */
  async erase(tx: EntityManager, workspaceId: string, ids: string[]): Promise<number> {
    // First, before any row lock: no wamid writer may read "not erased" now and write after the commit.
    await erasureFence.alone(tx);
    const gone = await query(tx, ERASING_CONTACTS, [workspaceId, ids]);
    if (gone.length === 0) return 0;
    const hashes = gone.map((row) => this.hasher.hash(workspaceId, row.phone));
    const suppressed = gone
      .map((row, index) => ({ ...row, hash: hashes[index]! }))
      .filter((row) => row.opted_out_at || row.marketing_opt_out_at);
    if (suppressed.length > 0) {
      await execute(tx, INSERT_ERASED, [
        workspaceId,
        suppressed.map(() => newId()),
        suppressed.map((row) => row.hash),
        suppressed.map((row) => row.opted_out_at),
        suppressed.map((row) => row.opted_out_source),
        suppressed.map((row) => row.marketing_opt_out_at),
        suppressed.map((row) => row.marketing_opt_out_source),
        this.clock.now(),
      ]);
    }
    const erased: ErasedContacts = {
      contactIds: gone.map((row) => row.id),
      phoneHashes: hashes,
      phones: gone.map((row) => row.phone),
      waIds: [...new Set(gone.flatMap((row) => [row.wa_id, row.wa_user_id]).filter((id): id is string => !!id))],
    };
    for (const hook of this.erasureHooks) await hook(tx, workspaceId, erased);
    await execute(tx, DELETE_CONTACTS, [workspaceId, erased.contactIds]);
    return gone.length;
  }
}
