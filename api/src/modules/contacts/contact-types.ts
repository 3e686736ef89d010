import { registerEnumType } from 'type-graphql';

/** Where a contact came from. */
export enum ContactSource {
  MANUAL = 'MANUAL',
  IMPORT = 'IMPORT',
  API = 'API',
  INBOUND = 'INBOUND',
}
registerEnumType(ContactSource, { name: 'ContactSource' });

/** The two suppressions: every send, or marketing templates only. */
export enum SuppressionKind {
  ALL = 'ALL',
  MARKETING = 'MARKETING',
}
registerEnumType(SuppressionKind, {
  name: 'SuppressionKind',
  description: 'ALL: excluded from every send (a keyword reply, or by hand). MARKETING: from marketing templates only.',
});

/** Which contacts a filter keeps by their suppression state. */
export enum SuppressionState {
  ANY = 'ANY',
  /** Neither suppression: every template may reach it. */
  NONE = 'NONE',
  OPTED_OUT = 'OPTED_OUT',
  MARKETING_OPT_OUT = 'MARKETING_OPT_OUT',
  /** Either suppression. */
  SUPPRESSED = 'SUPPRESSED',
}
registerEnumType(SuppressionState, { name: 'SuppressionState' });

export enum ContactOrder {
  CREATED_DESC = 'CREATED_DESC',
  CREATED_ASC = 'CREATED_ASC',
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  PHONE_ASC = 'PHONE_ASC',
}
registerEnumType(ContactOrder, { name: 'ContactOrder' });

export enum DuplicatePolicy {
  /** A number already in the book keeps its name and attributes (it still gets the import's tag). */
  SKIP = 'SKIP',
  /** A number already in the book takes the file's name and attributes; tags are added. */
  UPDATE = 'UPDATE',
}
registerEnumType(DuplicatePolicy, { name: 'DuplicatePolicy' });

export enum ImportStatus {
  UPLOADED = 'UPLOADED',
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}
registerEnumType(ImportStatus, { name: 'ImportStatus' });

export enum BulkAction {
  TAG = 'TAG',
  UNTAG = 'UNTAG',
  DELETE = 'DELETE',
  OPT_OUT = 'OPT_OUT',
  MARKETING_OPT_OUT = 'MARKETING_OPT_OUT',
}
registerEnumType(BulkAction, { name: 'BulkAction' });

/** What a person decided about a reply flagged for review. */
export enum ReviewDecision {
  /** Not an opt-out (e.g. "jangan berhenti kirim promonya"): the contact stays as it is. */
  DISMISS = 'DISMISS',
  /** It was one: the contact is opted out of every send, by this person. */
  OPT_OUT = 'OPT_OUT',
}
registerEnumType(ReviewDecision, { name: 'ReviewDecision' });

export enum JobStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}
registerEnumType(JobStatus, { name: 'JobStatus' });

/** Where a suppression or consent came from (kept with each). */
export const SUPPRESSION_SOURCES = {
  MANUAL: 'MANUAL',
  KEYWORD: 'KEYWORD',
  BUTTON: 'BUTTON',
  USER_PREFERENCES: 'USER_PREFERENCES',
  META_131050: 'META_131050',
  ERASED_NUMBER: 'ERASED_NUMBER',
} as const;

/** The filter as stored in a segment, a bulk job or an export (plain JSON). */
export interface ContactFilterValue {
  search?: string | null;
  tags?: string[] | null;
  anyTags?: string[] | null;
  suppression?: SuppressionState | null;
  source?: ContactSource | null;
  attributes?: { key: string; value: string }[] | null;
  createdAfter?: string | null;
  createdBefore?: string | null;
  /** True: only contacts with a flagged reply awaiting review; false: only those without. */
  needsReview?: boolean | null;
  ids?: string[] | null;
}
