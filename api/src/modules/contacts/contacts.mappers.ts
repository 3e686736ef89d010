import { translate, type Language } from '../../core/messages';
import type { ContactBulkJob, ContactImport } from './contact-import.entity';
import type { ContactRow } from './contact-filter';
import type { ContactSource, ContactFilterValue } from './contact-types';
import type { EventRow } from './contacts.sql';
import type { Contact, ContactBulkJobView, ContactEventView, ContactFilter, ContactImportView } from './contacts.types';
import { ReviewDecision, type BulkAction, type ImportStatus, type JobStatus } from './contact-types';

/** Rows and entities as GraphQL objects. */

export const REPORT_PATH = '/api/contacts/imports/report';
export const EXPORT_PATH = '/api/contacts/exports/download';

export function toContact(row: ContactRow): Contact {
  const evidence = row.consent_evidence ?? {};
  return {
    id: row.id,
    phone: row.phone,
    name: row.name,
    tags: row.tags,
    attributes: Object.entries(row.attributes).map(([key, value]) => ({ key, value })),
    source: row.source as ContactSource,
    waId: row.wa_id,
    waUserId: row.wa_user_id,
    consent:
      row.consent_source && row.consent_at
        ? {
            source: row.consent_source,
            at: new Date(row.consent_at),
            statement: evidence.statement ?? null,
            importId: evidence.importId ?? null,
            userId: evidence.userId ?? null,
          }
        : null,
    optedOut: row.opted_out_at !== null,
    optedOutAt: row.opted_out_at ? new Date(row.opted_out_at) : null,
    optedOutSource: row.opted_out_source,
    marketingOptOut: row.marketing_opt_out_at !== null,
    marketingOptOutAt: row.marketing_opt_out_at ? new Date(row.marketing_opt_out_at) : null,
    marketingOptOutSource: row.marketing_opt_out_source,
    reviewPendingAt: row.review_pending_at ? new Date(row.review_pending_at) : null,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

function isDecision(value: unknown): value is ReviewDecision {
  return value === ReviewDecision.DISMISS || value === ReviewDecision.OPT_OUT;
}

export function toEvent(row: EventRow): ContactEventView {
  return {
    id: row.id,
    kind: row.kind,
    source: row.source,
    actorId: row.actor_id,
    keyword: typeof row.details?.keyword === 'string' ? row.details.keyword : null,
    statement: typeof row.details?.statement === 'string' ? row.details.statement : null,
    decision: isDecision(row.details?.decision) ? row.details.decision : null,
    createdAt: new Date(row.created_at),
  };
}

export function toImport(found: ContactImport, language: Language): ContactImportView {
  return {
    id: found.id,
    status: found.status as ImportStatus,
    fileName: found.fileName,
    fileBytes: found.fileBytes,
    columns: found.columns,
    totalRows: found.totalRows,
    processedRows: found.processedRows,
    createdRows: found.createdRows,
    updatedRows: found.updatedRows,
    skippedRows: found.skippedRows,
    rejectedRows: found.rejectedRows,
    reportUrl: found.rejectedRows > 0 ? `${REPORT_PATH}?id=${found.id}` : null,
    failure: found.failureKey ? translate(language, found.failureKey, found.failureParams ?? {}) : null,
    createdAt: found.createdAt,
    finishedAt: found.finishedAt ?? null,
  };
}

export function toBulkJob(job: ContactBulkJob): ContactBulkJobView {
  return {
    id: job.id,
    action: job.action as BulkAction,
    status: job.status as JobStatus,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt ?? null,
  };
}

/** A GraphQL filter as the plain JSON a segment, job or export stores (dates as ISO text). */
export function toFilterValue(
  filter: ContactFilter | null | undefined,
): ContactFilterValue & { segmentId?: string | null } {
  if (!filter) return {};
  return {
    search: filter.search ?? undefined,
    tags: filter.tags ?? undefined,
    anyTags: filter.anyTags ?? undefined,
    suppression: filter.suppression ?? undefined,
    source: filter.source ?? undefined,
    attributes: filter.attributes?.map(({ key, value }) => ({ key, value })) ?? undefined,
    createdAfter: filter.createdAfter?.toISOString(),
    createdBefore: filter.createdBefore?.toISOString(),
    needsReview: filter.needsReview ?? undefined,
    segmentId: filter.segmentId ?? undefined,
  };
}

/** Drops undefined keys, so a stored filter is stable JSON. */
export function compact(filter: ContactFilterValue): ContactFilterValue {
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined && value !== null),
  ) as ContactFilterValue;
}
