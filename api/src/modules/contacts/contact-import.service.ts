import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify';
import { stringify as stringifyRows } from 'csv-stringify/sync';
import { from as copyFrom } from 'pg-copy-streams';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { newId } from '../../core/ids';
import type { Logger } from '../../core/logger';
import { translate, type Language } from '../../core/messages';
import { workspaceEm } from '../../db/base.entity';
import { execute, query, withConnection } from '../../db/sql';
import { inTransaction, LONG_RUNNING } from '../../db/transaction';
import type { JobQueue } from '../../jobs/queue';
import type { AuditService, Identity, RequestMeta } from '../identity';
import { ContactImport } from './contact-import.entity';
import { ATTRIBUTE_KEY, cleanAttributes, cleanName, cleanTags, isProblem, LIMITS } from './contact-input';
import { DuplicatePolicy, ImportStatus } from './contact-types';
import {
  CLEAR_STAGED,
  IMPORT_PROGRESS,
  IMPORT_REJECTS,
  INSERT_REJECTS,
  LOAD_STAGED,
  AWAIT_IMPORT_LOAD_TURN,
  TRY_IMPORT_LOCK,
} from './contacts.sql';
import {
  checkEncoding,
  countLines,
  detectDelimiter,
  looksLikeHeader,
  MAX_COLUMNS,
  PREVIEW_ROWS,
  readRecords,
  suggestMapping,
} from './csv-file';
import type { PhoneHasher } from './erasure';
import { normalizePhone, PHONE_PROBLEM_KEYS } from './phone';

export const IMPORT_JOB = 'contacts.import';
const PROGRESS_EVERY = 5000;
/** The parameters a rejection's reason may name. */
const REASON_PARAMS = { max: MAX_COLUMNS };
const REJECT_BATCH = 5000;
const COPY_BATCH = 2000;

export interface ColumnMapping {
  phone: number;
  name?: number | null;
  tags?: number | null;
  attributes?: { column: number; key: string }[] | null;
}

export interface ImportOptions {
  hasHeader: boolean;
  mapping?: ColumnMapping;
  duplicates?: DuplicatePolicy;
  tag?: string | null;
  consentStatement?: string;
  keepValidRows?: boolean;
}

export interface UploadResult {
  contactImport: ContactImport;
  preview: string[][];
  suggested: { phone: number; name: number | null; tags: number | null };
}

interface Staged {
  line: number;
  id: string;
  phone: string;
  name: string | null;
  tags: string;
  attributes: string;
  hash: string;
  /** Under ENCRYPTION_KEY_PREVIOUS, while one is set (an erased suppression recorded before a rotation). */
  previousHash: string | null;
}

interface Reject {
  line: number;
  reason: string;
  value: string | null;
}

/**
 * CSV imports: the upload is checked (encoding, separator, header) and kept until the job
 * runs; the job streams the file through csv-parse, COPYs the valid rows into a staging
 * table and loads them into the book with one set-based statement, all in one transaction:
 * a failed or refused import changes nothing. Rejected rows go to the report as they are
 * found (outside that transaction, so the report exists even when the import is refused).
 */
export class ContactImportService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly hasher: PhoneHasher,
    private readonly queue: JobQueue,
    private readonly logger: Logger,
  ) {}

  async upload(em: EntityManager, actor: Identity & { workspaceId: string }, fileName: string, file: Buffer) {
    checkEncoding(file);
    const delimiter = detectDelimiter(file);
    const head: string[][] = [];
    for await (const record of readRecords(file, delimiter)) {
      head.push(record.cells);
      if (head.length > PREVIEW_ROWS) break;
    }
    const first = head[0];
    if (!first) throw new AppError('BAD_USER_INPUT', 'contacts.import.empty', {}, { file: 'contacts.import.empty' });
    if (first.length > MAX_COLUMNS) {
      throw new AppError(
        'BAD_USER_INPUT',
        'contacts.import.tooManyColumns',
        { max: MAX_COLUMNS },
        {
          file: 'contacts.import.tooManyColumns',
        },
      );
    }
    const hasHeader = looksLikeHeader(first);
    const rows = hasHeader ? head.slice(1) : head.slice(0, PREVIEW_ROWS);
    if (rows.length === 0) {
      throw new AppError('BAD_USER_INPUT', 'contacts.import.noRows', {}, { file: 'contacts.import.noRows' });
    }
    const width = Math.max(...head.map((cells) => Math.min(cells.length, MAX_COLUMNS)));
    const columns = Array.from({ length: width }, (_, index) =>
      hasHeader && first[index]?.trim() ? first[index]!.trim().slice(0, 100) : `#${index + 1}`,
    );
    const contactImport = await inTransaction(em, {}, async (tx) => {
      const created = tx.create(ContactImport, {
        workspace: actor.workspaceId,
        createdBy: actor.userId,
        status: ImportStatus.UPLOADED,
        fileName: fileName.normalize('NFC').slice(0, 200) || 'contacts.csv',
        fileBytes: file.length,
        file,
        delimiter,
        columns,
        options: { hasHeader } satisfies ImportOptions,
        totalRows: Math.max(0, countLines(file) - (hasHeader ? 1 : 0)),
      });
      await tx.flush();
      return created;
    });
    return {
      contactImport,
      preview: rows.slice(0, PREVIEW_ROWS),
      suggested: hasHeader ? suggestMapping(columns) : { phone: 0, name: null, tags: null },
    } satisfies UploadResult;
  }

  async get(em: EntityManager, workspaceId: string, id: string): Promise<ContactImport> {
    const found = await em.findOne(ContactImport, { workspace: workspaceId, id });
    if (!found) throw new AppError('NOT_FOUND', 'contacts.import.notFound');
    return found;
  }

  async start(
    em: EntityManager,
    actor: Identity & { workspaceId: string },
    meta: RequestMeta,
    input: {
      importId: string;
      mapping: ColumnMapping;
      duplicates: DuplicatePolicy;
      tag?: string | null;
      consentStatement: string;
      keepValidRows: boolean;
    },
  ): Promise<ContactImport> {
    const started = await inTransaction(em, {}, async (tx) => {
      const found = await tx.findOne(
        ContactImport,
        { workspace: actor.workspaceId, id: input.importId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!found) throw new AppError('NOT_FOUND', 'contacts.import.notFound');
      if (found.status !== ImportStatus.UPLOADED) throw new AppError('CONFLICT', 'contacts.import.alreadyStarted');
      const columns = found.columns.length;
      const { mapping } = input;
      const inRange = (index: number | null | undefined) => index == null || (index >= 0 && index < columns);
      const attributeColumns = mapping.attributes ?? [];
      if (
        !inRange(mapping.phone) ||
        !inRange(mapping.name) ||
        !inRange(mapping.tags) ||
        !attributeColumns.every((entry) => inRange(entry.column))
      ) {
        throw new AppError('BAD_USER_INPUT', 'errors.validation', {}, { mapping: 'contacts.import.unknownColumn' });
      }
      if (attributeColumns.some((entry) => !ATTRIBUTE_KEY.test(entry.key))) {
        throw new AppError('BAD_USER_INPUT', 'errors.validation', {}, { mapping: 'contacts.attributeKey' });
      }
      const tag = input.tag?.trim() ? cleanTags([input.tag]) : [];
      if (isProblem(tag))
        throw new AppError('BAD_USER_INPUT', 'errors.validation', {}, { tag: tag.key }, { tag: tag.params ?? {} });
      found.status = ImportStatus.QUEUED;
      found.options = {
        ...(found.options as unknown as ImportOptions),
        mapping,
        duplicates: input.duplicates,
        tag: tag[0] ?? null,
        consentStatement: input.consentStatement.normalize('NFC').trim(),
        keepValidRows: input.keepValidRows,
      } satisfies ImportOptions as unknown as Record<string, unknown>;
      await tx.flush();
      return found;
    });
    await this.queue.enqueue(IMPORT_JOB, { importId: started.id, workspaceId: actor.workspaceId });
    await this.audit.recordBy(em, actor, meta, {
      action: 'contacts.import-started',
      target: started.id,
      details: { consentStatement: input.consentStatement },
    });
    return started;
  }

  /** The job. Running twice is harmless: an advisory lock lets one run; a finished import is left alone. */
  async run(orm: MikroORM, workspaceId: string, importId: string): Promise<void> {
    const em = workspaceEm(orm.em, workspaceId);
    const found = await em.findOne(ContactImport, { workspace: workspaceId, id: importId }, { populate: ['file'] });
    if (!found || (found.status !== ImportStatus.QUEUED && found.status !== ImportStatus.RUNNING)) return;
    const file = found.file;
    const options = found.options as unknown as ImportOptions;
    found.status = ImportStatus.RUNNING;
    found.processedRows = 0;
    await em.flush();
    try {
      const outcome = await inTransaction(em, LONG_RUNNING, async (tx) => {
        const [lock] = await query(tx, TRY_IMPORT_LOCK, [importId]);
        if (!lock?.locked) return undefined;
        if (!file) throw new AppError('BAD_USER_INPUT', 'contacts.import.fileGone');
        const counts = await this.stage(tx, em, found, file, options);
        await execute(tx, CLEAR_STAGED, [importId]);
        return counts;
      });
      if (!outcome) return;
      found.file = null;
      found.totalRows = outcome.rows;
      found.processedRows = outcome.rows;
      found.createdRows = outcome.created;
      found.updatedRows = options.duplicates === DuplicatePolicy.UPDATE ? outcome.existing : 0;
      found.skippedRows =
        outcome.duplicatesInFile + (options.duplicates === DuplicatePolicy.UPDATE ? 0 : outcome.existing);
      found.rejectedRows = outcome.rejected;
      found.finishedAt = this.clock.now();
      if (outcome.refused) {
        found.status = ImportStatus.FAILED;
        found.failureKey = 'contacts.import.rejectedRows';
        found.failureParams = { rejected: outcome.rejected };
        found.createdRows = 0;
        found.updatedRows = 0;
        found.skippedRows = 0;
      } else found.status = ImportStatus.COMPLETED;
      await em.flush();
    } catch (error) {
      if (!(error instanceof AppError)) this.logger.error({ err: error, importId }, 'contact import failed');
      found.status = ImportStatus.FAILED;
      found.file = null;
      found.failureKey = error instanceof AppError ? error.messageKey : 'contacts.import.failed';
      found.failureParams = error instanceof AppError ? (error.params as Record<string, string | number>) : {};
      found.createdRows = 0;
      found.updatedRows = 0;
      found.finishedAt = this.clock.now();
      await em.flush();
    }
  }

  /** Parses, checks and COPYs the rows into staging; loads them unless rejects refuse the import. */
  private async stage(
    tx: EntityManager,
    outside: EntityManager,
    found: ContactImport,
    file: Buffer,
    options: ImportOptions,
  ) {
    const workspaceId = found.workspace.id;
    const mapping = options.mapping!;
    const importTag = options.tag ? [options.tag] : [];
    const seen = new Set<string>();
    const rejects: Reject[] = [];
    let rejected = 0;
    let rows = 0;
    let duplicatesInFile = 0;
    const flushRejects = async () => {
      if (rejects.length === 0) return;
      const batch = rejects.splice(0);
      await execute(outside, INSERT_REJECTS, [
        workspaceId,
        found.id,
        batch.map((entry) => entry.line),
        batch.map((entry) => entry.reason),
        batch.map((entry) => entry.value),
      ]);
    };
    const reject = async (entry: Reject) => {
      rejected++;
      rejects.push(entry);
      if (rejects.length >= REJECT_BATCH) await flushRejects();
    };
    const now = () => this.clock.now();
    const checkRow = (cells: string[], line: number) => this.checkRow(workspaceId, cells, line, mapping, importTag);
    async function* stagedRows(): AsyncGenerator<(string | number | null)[]> {
      let first = true;
      for await (const { cells, line } of readRecords(file, found.delimiter)) {
        if (first && options.hasHeader) {
          first = false;
          continue;
        }
        first = false;
        rows++;
        if (rows % PROGRESS_EVERY === 0) {
          await execute(outside, IMPORT_PROGRESS, [workspaceId, found.id, rows, now()]);
        }
        const row = checkRow(cells, line);
        if ('reason' in row) {
          await reject(row);
          continue;
        }
        if (seen.has(row.phone)) {
          duplicatesInFile++;
          continue;
        }
        seen.add(row.phone);
        yield [
          found.id,
          row.line,
          row.id,
          row.phone,
          row.name,
          row.tags,
          row.attributes,
          row.hash,
          row.previousHash,
          newId(),
        ];
      }
    }
    const started = performance.now();
    // CSV text for COPY a few thousand rows at a time: a stream step per row cost a quarter of the CPU.
    async function* stagedBatches(): AsyncGenerator<string> {
      let batch: (string | number | null)[][] = [];
      for await (const row of stagedRows()) {
        batch.push(row);
        if (batch.length === COPY_BATCH) {
          yield stringifyRows(batch);
          batch = [];
        }
      }
      if (batch.length > 0) yield stringifyRows(batch);
    }
    await withConnection(tx, async (connection) => {
      const copy = connection.query(
        copyFrom(
          'copy contact_import_staging (import_id, line, id, phone, name, tags, attributes, phone_hash, previous_phone_hash, consent_event_id) from stdin with (format csv)',
        ),
      );
      await pipeline(Readable.from(stagedBatches()), copy);
    });
    await flushRejects();
    await execute(outside, IMPORT_PROGRESS, [workspaceId, found.id, rows, this.clock.now()]);
    if (rows === 0) throw new AppError('BAD_USER_INPUT', 'contacts.import.noRows');
    const refused = rejected > 0 && !options.keepValidRows;
    if (refused) return { rows, created: 0, existing: 0, rejected, duplicatesInFile, refused };
    const evidence = JSON.stringify({
      statement: options.consentStatement,
      userId: found.createdBy?.id ?? null,
      importId: found.id,
    });
    const staged = performance.now();
    await execute(tx, AWAIT_IMPORT_LOAD_TURN, [workspaceId, LONG_RUNNING.lockTimeoutMs]);
    const [loaded] = await query(tx, LOAD_STAGED, [
      workspaceId,
      this.clock.now(),
      'IMPORT',
      evidence,
      options.duplicates === DuplicatePolicy.UPDATE,
      found.id,
      found.createdBy?.id ?? null,
    ]);
    const times = { parseAndCopyMs: Math.round(staged - started), loadMs: Math.round(performance.now() - staged) };
    this.logger.info({ importId: found.id, rows, ...times }, 'contact import loaded');
    return {
      rows,
      created: loaded?.created ?? 0,
      existing: loaded?.existing ?? 0,
      rejected,
      duplicatesInFile,
      refused,
    };
  }

  private checkRow(
    workspaceId: string,
    cells: string[],
    line: number,
    mapping: ColumnMapping,
    importTag: string[],
  ): Staged | Reject {
    if (cells.length > MAX_COLUMNS) return { line, reason: 'contacts.import.tooManyColumns', value: null };
    const rawPhone = cells[mapping.phone]?.trim() ?? '';
    if (!rawPhone) return { line, reason: 'contacts.import.phoneMissing', value: null };
    const phone = normalizePhone(rawPhone);
    if (!phone.ok) return { line, reason: PHONE_PROBLEM_KEYS[phone.problem], value: rawPhone.slice(0, 200) };
    const name = cleanName(mapping.name == null ? null : cells[mapping.name]);
    if (isProblem(name)) return { line, reason: 'contacts.import.nameTooLong', value: null };
    const rowTags = mapping.tags == null ? [] : (cells[mapping.tags] ?? '').split(/[|,;]/).filter((tag) => tag.trim());
    const tags = cleanTags([...rowTags, ...importTag]);
    if (isProblem(tags)) return { line, reason: 'contacts.import.badTags', value: null };
    const attributes = cleanAttributes(
      (mapping.attributes ?? [])
        .map(({ column, key }) => ({ key, value: cells[column] ?? '' }))
        .filter((entry) => entry.value.trim() !== ''),
    );
    if (isProblem(attributes)) return { line, reason: 'contacts.import.badAttribute', value: null };
    const [hash, previousHash] = this.hasher.currentAndPrevious(workspaceId, phone.e164);
    return {
      line,
      id: newId(),
      phone: phone.e164,
      name,
      tags: JSON.stringify(tags),
      attributes: JSON.stringify(attributes),
      hash,
      previousHash,
    };
  }

  /** The report of rejected rows as CSV (line, reason in the reader's language, value), streamed. */
  report(em: EntityManager, workspaceId: string, importId: string, language: Language): Readable {
    const header = [
      translate(language, 'contacts.report.line'),
      translate(language, 'contacts.report.reason'),
      translate(language, 'contacts.report.value'),
    ];
    async function* rows() {
      yield header;
      let after = 0;
      for (;;) {
        const page = await query(em, IMPORT_REJECTS, [workspaceId, importId, after, 5000]);
        for (const row of page) yield [row.line, translate(language, row.reason, REASON_PARAMS), row.value ?? ''];
        if (page.length < 5000) return;
        after = page[page.length - 1]!.line;
      }
    }
    return Readable.from(rows()).pipe(stringify({ bom: true }));
  }
}

export const IMPORT_LIMITS = { columns: MAX_COLUMNS, tags: LIMITS.tags };
