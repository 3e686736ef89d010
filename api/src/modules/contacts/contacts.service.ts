import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { newId } from '../../core/ids';
import { WORKSPACE_FILTER } from '../../db/base.entity';
import { execute, query, withConnection } from '../../db/sql';
import { inTransaction, sqlState } from '../../db/transaction';
import type { AuditService, Identity, RequestMeta } from '../identity';
import { ContactSettings, Segment } from './contact.entity';
import {
  cappedCountStatement,
  decodeCursor,
  encodeCursor,
  estimateText,
  pageStatement,
  type ContactRow,
} from './contact-filter';
import { accept, cleanAttributes, cleanName, cleanTags, phoneOrProblem } from './contact-input';
import {
  ContactOrder,
  ContactSource,
  ReviewDecision,
  SUPPRESSION_SOURCES,
  SuppressionKind,
  type ContactFilterValue,
} from './contact-types';
import {
  CLEAR_REVIEW,
  CONTACT_BY_WHATSAPP_ID,
  CONTACT_EVENTS,
  FLAG_FOR_REVIEW,
  GET_CONTACT,
  INSERT_CONTACT,
  INSERT_EVENTS,
  MARKETING_OPT_IN_CONTACT,
  MARKETING_OPT_OUT_CONTACTS,
  OPT_IN_CONTACT,
  OPT_OUT_CONTACTS,
  UPDATE_CONTACT,
  UPSERT_INBOUND_CONTACT,
} from './contacts.sql';
import { normalizePhone } from './phone';
import type { PhoneHasher } from './erasure';
import { cleanKeywords, DEFAULT_OPT_OUT_KEYWORDS, matchOptOut, type KeywordMatch } from './keywords';

const UNIQUE_VIOLATION = '23505';

/** Counts are exact up to here; past it the planner's estimate is shown, flagged ("10.000+"). */
export const EXACT_COUNT_LIMIT = 10_000;
/**
 * Past this many expected rows (five times the cap) nobody counts: the planner's estimate would
 * have to be five times too high for a filter of at most 10,000 rows to be shown as an estimate.
 * (At ten times, a tag on 10 % of a million rows sat on the line: its estimate drifts around
 * 100,000 with each ANALYZE, and the page fell back to counting half the time.)
 */
export const ESTIMATE_ONLY_ABOVE = 5 * EXACT_COUNT_LIMIT;

export interface ContactInput {
  phone: string;
  name?: string | null;
  tags?: string[];
  attributes?: { key: string; value: string }[];
  consentStatement?: string | null;
}

export interface ContactPage {
  edges: { cursor: string; node: ContactRow }[];
  hasNextPage: boolean;
  totalCount: number;
  totalCountIsEstimate: boolean;
}

/** A history entry's kind. */
export const EVENT_KINDS = {
  CONSENT: 'CONSENT',
  OPTED_OUT: 'OPTED_OUT',
  OPTED_IN: 'OPTED_IN',
  MARKETING_OPT_OUT: 'MARKETING_OPT_OUT',
  MARKETING_OPT_IN: 'MARKETING_OPT_IN',
  KEYWORD_REVIEW: 'KEYWORD_REVIEW',
  /** A person settled a flagged reply (details.decision: DISMISS or OPT_OUT). */
  REVIEWED: 'REVIEWED',
} as const;

/**
 * The address book: contacts, their suppressions and consent, search, segments and the
 * opt-out keywords. Knows nothing of GraphQL or HTTP; other modules (the webhook, campaigns)
 * call it through the module's face.
 */
export class ContactsService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly hasher: PhoneHasher,
  ) {}

  async create(em: EntityManager, actor: Identity & { workspaceId: string }, meta: RequestMeta, input: ContactInput) {
    const workspaceId = actor.workspaceId;
    const { phone } = accept(phoneOrProblem(input.phone));
    const name = accept(cleanName(input.name));
    const tags = accept(cleanTags(input.tags ?? []));
    const attributes = accept(cleanAttributes(input.attributes ?? []));
    const now = this.clock.now();
    const statement = input.consentStatement?.trim();
    const contact = await inTransaction(em, {}, async (tx) => {
      const [row] = await query(tx, INSERT_CONTACT, [
        workspaceId,
        newId(),
        phone,
        name,
        tags,
        JSON.stringify(attributes),
        actor.kind === 'token' ? ContactSource.API : ContactSource.MANUAL,
        statement ? (actor.kind === 'token' ? 'API' : 'MANUAL') : null,
        now,
        statement ? JSON.stringify({ statement, userId: actor.userId }) : null,
        ...this.hasher.currentAndPrevious(workspaceId, phone),
      ]);
      if (!row) throw new AppError('CONFLICT', 'contacts.phoneTaken', {}, { phone: 'contacts.phoneTaken' });
      if (statement)
        await this.record(tx, workspaceId, [row.id], EVENT_KINDS.CONSENT, 'MANUAL', actor.userId, { statement });
      return row;
    });
    await this.audit.recordBy(em, actor, meta, { action: 'contact.created', target: contact.id });
    return contact;
  }

  async update(
    em: EntityManager,
    actor: Identity & { workspaceId: string },
    meta: RequestMeta,
    input: {
      id: string;
      phone?: string | null;
      name?: string | null;
      tags?: string[] | null;
      attributes?: { key: string; value: string }[] | null;
    },
  ) {
    const workspaceId = actor.workspaceId;
    const updated = await inTransaction(em, {}, async (tx) => {
      const current = await this.get(tx, workspaceId, input.id);
      const phone = input.phone != null ? accept(phoneOrProblem(input.phone)).phone : current.phone;
      const name = input.name !== undefined ? accept(cleanName(input.name)) : current.name;
      const tags = input.tags ? accept(cleanTags(input.tags)) : current.tags;
      const attributes = input.attributes ? accept(cleanAttributes(input.attributes)) : current.attributes;
      try {
        const [row] = await query(tx, UPDATE_CONTACT, [
          workspaceId,
          input.id,
          phone,
          name,
          tags,
          JSON.stringify(attributes),
          this.clock.now(),
        ]);
        return row!;
      } catch (error) {
        if (sqlState(error) === UNIQUE_VIOLATION) {
          throw new AppError('CONFLICT', 'contacts.phoneTaken', {}, { phone: 'contacts.phoneTaken' });
        }
        throw error;
      }
    });
    await this.audit.recordBy(em, actor, meta, { action: 'contact.updated', target: updated.id });
    return updated;
  }

  async get(em: EntityManager, workspaceId: string, id: string): Promise<ContactRow> {
    const [row] = await query(em, GET_CONTACT, [workspaceId, id]);
    if (!row) throw new AppError('NOT_FOUND', 'contacts.notFound');
    return row;
  }

  async find(em: EntityManager, workspaceId: string, id: string): Promise<ContactRow | undefined> {
    const [row] = await query(em, GET_CONTACT, [workspaceId, id]);
    return row;
  }

  async page(
    em: EntityManager,
    workspaceId: string,
    options: { filter: ContactFilterValue; first: number; after?: string | null; orderBy: ContactOrder },
  ): Promise<ContactPage> {
    const after = options.after ? decodeCursor(options.after) : undefined;
    const page = pageStatement(workspaceId, options.filter, options.orderBy, options.first + 1, after);
    // The planner's estimate first (statistics, no scan): counting even 10,001 of a tag held by
    // 100,000 rows builds a bitmap of all 100,000, the slowest part of a page. Far past the cap
    // the estimate is the answer; near it, rows are counted, exactly up to the cap.
    const estimate = await this.estimate(em, workspaceId, options.filter);
    let totalCount: number;
    let rows: ContactRow[];
    if (estimate >= ESTIMATE_ONLY_ABOVE) {
      rows = await query(em, page.statement, page.values);
      totalCount = estimate;
    } else {
      const count = cappedCountStatement(workspaceId, options.filter, EXACT_COUNT_LIMIT);
      // Side by side on two pooled connections; one after the other on a transaction's single one.
      const [found, [counted]] = em.isInTransaction()
        ? [await query(em, page.statement, page.values), await query(em, count.statement, count.values)]
        : await Promise.all([query(em, page.statement, page.values), query(em, count.statement, count.values)]);
      rows = found;
      totalCount = counted?.count ?? 0;
      if (totalCount > EXACT_COUNT_LIMIT) totalCount = Math.max(EXACT_COUNT_LIMIT + 1, estimate);
    }
    const totalCountIsEstimate = totalCount > EXACT_COUNT_LIMIT;
    return {
      edges: rows.slice(0, options.first).map((node) => ({ cursor: encodeCursor(page.keyOf(node)), node })),
      hasNextPage: rows.length > options.first,
      totalCount,
      totalCountIsEstimate,
    };
  }

  /** The planner's row estimate (statistics, no scan), for counts past the exact limit. */
  private async estimate(em: EntityManager, workspaceId: string, filter: ContactFilterValue): Promise<number> {
    const { text, values } = estimateText(workspaceId, filter);
    const result = await withConnection(em, (connection) =>
      connection.query<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }>(text, values),
    );
    return Math.round(result.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0);
  }

  async history(em: EntityManager, workspaceId: string, contactId: string, limit: number) {
    return query(em, CONTACT_EVENTS, [workspaceId, contactId, limit]);
  }

  /** Suppresses these contacts (those not suppressed yet), with a history entry each; returns how many changed. */
  async suppress(
    tx: EntityManager,
    workspaceId: string,
    ids: string[],
    kind: SuppressionKind,
    source: string,
    actorId: string | null,
  ): Promise<number> {
    const changed = await query(tx, kind === SuppressionKind.ALL ? OPT_OUT_CONTACTS : MARKETING_OPT_OUT_CONTACTS, [
      workspaceId,
      ids,
      source,
      this.clock.now(),
    ]);
    const kindOf = kind === SuppressionKind.ALL ? EVENT_KINDS.OPTED_OUT : EVENT_KINDS.MARKETING_OPT_OUT;
    await this.record(
      tx,
      workspaceId,
      changed.map((row) => row.id),
      kindOf,
      source,
      actorId,
      null,
    );
    return changed.length;
  }

  /** Opting back in by hand: an explicit, audited act of a person with CONTACTS_WRITE. */
  async optIn(
    em: EntityManager,
    actor: Identity & { workspaceId: string },
    meta: RequestMeta,
    id: string,
    kind: SuppressionKind,
  ): Promise<ContactRow> {
    const workspaceId = actor.workspaceId;
    const contact = await inTransaction(em, {}, async (tx) => {
      await this.get(tx, workspaceId, id);
      const changed = await this.clear(tx, workspaceId, id, kind, null, actor.userId);
      if (!changed) throw new AppError('CONFLICT', 'contacts.notSuppressed');
      return this.get(tx, workspaceId, id);
    });
    await this.audit.recordBy(em, actor, meta, { action: 'contact.opted-in', target: id, details: { kind } });
    return contact;
  }

  /**
   * A person's decision on a reply flagged for review: dismissed (not an opt-out), or an opt-out of every send made
   * by this person. Either way the contact stops waiting; audited, with a history entry.
   */
  async resolveReview(
    em: EntityManager,
    actor: Identity & { workspaceId: string },
    meta: RequestMeta,
    id: string,
    decision: ReviewDecision,
  ): Promise<ContactRow> {
    const workspaceId = actor.workspaceId;
    const contact = await inTransaction(em, {}, async (tx) => {
      await this.get(tx, workspaceId, id);
      const [waiting] = await query(tx, CLEAR_REVIEW, [workspaceId, id, this.clock.now()]);
      if (!waiting) throw new AppError('CONFLICT', 'contacts.noReviewPending');
      await this.record(tx, workspaceId, [id], EVENT_KINDS.REVIEWED, SUPPRESSION_SOURCES.MANUAL, actor.userId, {
        decision,
      });
      if (decision === ReviewDecision.OPT_OUT) {
        await this.suppress(tx, workspaceId, [id], SuppressionKind.ALL, SUPPRESSION_SOURCES.MANUAL, actor.userId);
      }
      return this.get(tx, workspaceId, id);
    });
    await this.audit.recordBy(em, actor, meta, { action: 'contact.reviewed', target: id, details: { decision } });
    return contact;
  }

  private async clear(
    tx: EntityManager,
    workspaceId: string,
    id: string,
    kind: SuppressionKind,
    onlySource: string | null,
    actorId: string | null,
  ): Promise<boolean> {
    const statement = kind === SuppressionKind.ALL ? OPT_IN_CONTACT : MARKETING_OPT_IN_CONTACT;
    const [changed] = await query(tx, statement, [workspaceId, id, this.clock.now(), onlySource]);
    if (changed) {
      const kindOf = kind === SuppressionKind.ALL ? EVENT_KINDS.OPTED_IN : EVENT_KINDS.MARKETING_OPT_IN;
      await this.record(tx, workspaceId, [id], kindOf, onlySource ?? SUPPRESSION_SOURCES.MANUAL, actorId, null);
    }
    return Boolean(changed);
  }

  /**
   * The contact a WhatsApp message came from (the webhook calls this): found by Meta's `wa_id` or
   * business-scoped `user_id`, else by its number, which joins the book with source INBOUND when
   * it is new. Undefined when Meta sent neither a known id nor a valid mobile number.
   */
  async inboundContact(
    em: EntityManager,
    workspaceId: string,
    from: { phone?: string | null; waId?: string | null; userId?: string | null },
  ): Promise<{ id: string; created: boolean } | undefined> {
    if (from.waId || from.userId) {
      const [known] = await query(em, CONTACT_BY_WHATSAPP_ID, [workspaceId, from.waId ?? null, from.userId ?? null]);
      if (known) return { id: known.id, created: false };
    }
    // Meta writes the number as digits without the plus (`6281234567890`).
    const parsed = from.phone ? normalizePhone(from.phone.startsWith('+') ? from.phone : `+${from.phone}`) : undefined;
    if (!parsed?.ok) return undefined;
    const [row] = await query(em, UPSERT_INBOUND_CONTACT, [
      workspaceId,
      newId(),
      parsed.e164,
      from.waId ?? null,
      from.userId ?? null,
      this.clock.now(),
      ...this.hasher.currentAndPrevious(workspaceId, parsed.e164),
    ]);
    return row;
  }

  /**
   * An inbound reply (the WhatsApp module calls this): the whole message a keyword opts the
   * contact out of every send; a keyword inside a sentence is kept for review, not acted on.
   */
  async handleReply(em: EntityManager, workspaceId: string, contactId: string, text: string): Promise<KeywordMatch> {
    const keywords = await this.keywords(em, workspaceId);
    const match = matchOptOut(text, keywords);
    if (match.kind === 'NONE') return match;
    await inTransaction(em, {}, async (tx) => {
      if (match.kind === 'OPT_OUT') {
        await this.suppress(tx, workspaceId, [contactId], SuppressionKind.ALL, SUPPRESSION_SOURCES.KEYWORD, null);
      } else {
        // The text is personal data: the purge job drops it after the retention period.
        await this.record(tx, workspaceId, [contactId], EVENT_KINDS.KEYWORD_REVIEW, SUPPRESSION_SOURCES.KEYWORD, null, {
          keyword: match.keyword,
          text: text.slice(0, 1000),
        });
        await execute(tx, FLAG_FOR_REVIEW, [workspaceId, contactId, this.clock.now()]);
      }
    });
    return match;
  }

  /**
   * Meta's `user_preferences` (marketing stop / resume): a resume clears only the marketing
   * opt-out a stop set, never one made by hand or by error 131050.
   */
  async applyUserPreference(em: EntityManager, workspaceId: string, contactId: string, preference: 'stop' | 'resume') {
    return inTransaction(em, {}, async (tx) => {
      if (preference === 'stop') {
        const changed = await this.suppress(
          tx,
          workspaceId,
          [contactId],
          SuppressionKind.MARKETING,
          SUPPRESSION_SOURCES.USER_PREFERENCES,
          null,
        );
        return changed > 0;
      }
      return this.clear(
        tx,
        workspaceId,
        contactId,
        SuppressionKind.MARKETING,
        SUPPRESSION_SOURCES.USER_PREFERENCES,
        null,
      );
    });
  }

  async record(
    tx: EntityManager,
    workspaceId: string,
    contactIds: string[],
    kind: string,
    source: string,
    actorId: string | null,
    details: Record<string, unknown> | null,
  ): Promise<void> {
    if (contactIds.length === 0) return;
    await execute(tx, INSERT_EVENTS, [
      workspaceId,
      contactIds.map(() => newId()),
      contactIds,
      kind,
      source,
      actorId,
      details ? JSON.stringify(details) : null,
      this.clock.now(),
    ]);
  }

  async keywords(em: EntityManager, workspaceId: string): Promise<string[]> {
    // Scoped here too: the webhook may call with an entity manager of its own.
    const settings = await em.findOne(
      ContactSettings,
      { workspace: workspaceId },
      { filters: { [WORKSPACE_FILTER]: { workspaceId } } },
    );
    return settings?.optOutKeywords ?? DEFAULT_OPT_OUT_KEYWORDS;
  }

  async setKeywords(
    em: EntityManager,
    actor: Identity & { workspaceId: string },
    meta: RequestMeta,
    keywords: string[],
  ): Promise<string[]> {
    const cleaned = cleanKeywords(keywords);
    if (cleaned.length === 0)
      throw new AppError('BAD_USER_INPUT', 'errors.validation', {}, { keywords: 'contacts.keywordsEmpty' });
    await inTransaction(em, {}, async (tx) => {
      const settings = await tx.findOne(ContactSettings, { workspace: actor.workspaceId });
      if (settings) settings.optOutKeywords = cleaned;
      else tx.create(ContactSettings, { workspace: actor.workspaceId, optOutKeywords: cleaned });
      await tx.flush();
    });
    await this.audit.recordBy(em, actor, meta, { action: 'contacts.keywords-set', details: { keywords: cleaned } });
    return cleaned;
  }

  async segments(em: EntityManager, workspaceId: string): Promise<Segment[]> {
    return em.find(Segment, { workspace: workspaceId }, { orderBy: { name: 'asc' }, limit: 200 });
  }

  async segment(em: EntityManager, workspaceId: string, id: string): Promise<Segment> {
    const segment = await em.findOne(Segment, { workspace: workspaceId, id });
    if (!segment) throw new AppError('NOT_FOUND', 'contacts.segmentNotFound');
    return segment;
  }

  async saveSegment(
    em: EntityManager,
    actor: Identity & { workspaceId: string },
    meta: RequestMeta,
    input: { id?: string | null; name: string; filter: ContactFilterValue },
  ): Promise<Segment> {
    const name = input.name.normalize('NFC').trim();
    const saved = await inTransaction(em, {}, async (tx) => {
      const segment = input.id
        ? await this.segment(tx, actor.workspaceId, input.id)
        : tx.create(Segment, { workspace: actor.workspaceId, name, filter: {} });
      segment.name = name;
      segment.filter = input.filter as Record<string, unknown>;
      await tx.flush();
      return segment;
    }).catch((error: unknown) => {
      // segment_name_unique: one name per workspace, whatever its case.
      if (sqlState(error) === UNIQUE_VIOLATION) {
        throw new AppError('CONFLICT', 'contacts.segmentNameTaken', {}, { name: 'contacts.segmentNameTaken' });
      }
      throw error;
    });
    await this.audit.recordBy(em, actor, meta, { action: 'segment.saved', target: saved.id });
    return saved;
  }

  async deleteSegment(em: EntityManager, actor: Identity & { workspaceId: string }, meta: RequestMeta, id: string) {
    await inTransaction(em, {}, async (tx) => {
      const segment = await this.segment(tx, actor.workspaceId, id);
      tx.remove(segment);
      await tx.flush();
    });
    await this.audit.recordBy(em, actor, meta, { action: 'segment.deleted', target: id });
    return true;
  }

  /** A filter as given, narrowed by a saved segment's filter when one is named. */
  async resolveFilter(
    em: EntityManager,
    workspaceId: string,
    filter: ContactFilterValue & { segmentId?: string | null },
  ): Promise<ContactFilterValue> {
    const { segmentId, ...own } = filter;
    if (!segmentId) return own;
    const saved = (await this.segment(em, workspaceId, segmentId)).filter as ContactFilterValue;
    return mergeFilters(saved, own);
  }
}

/** Both filters at once (tags and attributes add up; the narrower value of the others wins). */
export function mergeFilters(a: ContactFilterValue, b: ContactFilterValue): ContactFilterValue {
  const merged: ContactFilterValue = { ...a };
  for (const [key, value] of Object.entries(b) as [keyof ContactFilterValue, unknown][]) {
    if (value === undefined || value === null) continue;
    if ((key === 'tags' || key === 'attributes') && Array.isArray(a[key])) {
      (merged as Record<string, unknown>)[key] = [...(a[key] as unknown[]), ...(value as unknown[])];
    } else (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}
