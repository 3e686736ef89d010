import type { EntityManager } from '@mikro-orm/postgresql';
import { query, type Statement } from '../../db/sql';
import { isPhoneSearch, phoneFragmentDigits } from '../contacts';
import { Permission } from '../identity';
import {
  SEARCH_CONTACTS_BY_NAME,
  SEARCH_CONTACTS_BY_PHONE,
  SEARCH_PAYMENT_ORDERS,
  SEARCH_TEMPLATES,
  type SearchRow,
} from './search.sql';
import { SearchKind, type SearchHit } from './search.types';

/** A name fragment shorter than this would scan every contact (trigram indexes need three characters). */
export const MIN_TEXT_QUERY = 3;
/** A phone fragment needs this many digits for the same reason. */
export const MIN_PHONE_QUERY = 4;

interface Patterns {
  contains: string;
  prefix: string;
  lowered: string;
}

/**
 * One place the search looks: the permission that lets a reader see it, and how it finds hits. Campaigns join as
 * one more source when that module exists (issue 20 waits for it).
 */
export interface SearchSource {
  kind: SearchKind;
  permission: Permission;
  find(em: EntityManager, workspaceId: string, text: string, limit: number): Promise<SearchHit[]>;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function patterns(text: string): Patterns {
  const escaped = escapeLike(text);
  return { contains: `%${escaped}%`, prefix: `${escaped}%`, lowered: text.toLowerCase() };
}

async function rows<T extends SearchRow>(
  em: EntityManager,
  sql: Statement<T>,
  workspaceId: string,
  match: Patterns,
  limit: number,
): Promise<T[]> {
  return query(em, sql, [workspaceId, match.contains, match.prefix, match.lowered, limit]);
}

const contacts: SearchSource = {
  kind: SearchKind.CONTACT,
  permission: Permission.CONTACTS_READ,
  async find(em, workspaceId, text, limit) {
    const byPhone = isPhoneSearch(text);
    // Counted as typed ("081" is three digits, though stored as +6281), as the contacts page counts them.
    if (byPhone ? text.replace(/\D/g, '').length < MIN_PHONE_QUERY : [...text].length < MIN_TEXT_QUERY) return [];
    const found = byPhone
      ? await rows(em, SEARCH_CONTACTS_BY_PHONE, workspaceId, patterns(phoneFragmentDigits(text)), limit)
      : await rows(em, SEARCH_CONTACTS_BY_NAME, workspaceId, patterns(text), limit);
    return found.map((row) => ({
      kind: SearchKind.CONTACT,
      id: row.id,
      title: row.title,
      detail: row.detail,
      link: `/contacts/${row.id}`,
      rank: row.rank,
    }));
  },
};

const paymentOrders: SearchSource = {
  kind: SearchKind.PAYMENT_ORDER,
  permission: Permission.PAYMENTS_READ,
  async find(em, workspaceId, text, limit) {
    if ([...text].length < MIN_TEXT_QUERY) return [];
    const found = await rows(em, SEARCH_PAYMENT_ORDERS, workspaceId, patterns(text), limit);
    return found.map((row) => ({
      kind: SearchKind.PAYMENT_ORDER,
      id: row.id,
      title: row.title,
      detail: row.detail,
      link: row.status === 'PAID' ? `/wallet/receipts/${encodeURIComponent(row.title)}` : '/wallet',
      rank: row.rank,
    }));
  },
};

const templates: SearchSource = {
  kind: SearchKind.TEMPLATE,
  permission: Permission.TEMPLATES_READ,
  async find(em, workspaceId, text, limit) {
    if ([...text].length < MIN_TEXT_QUERY) return [];
    const found = await rows(em, SEARCH_TEMPLATES, workspaceId, patterns(text), limit);
    return found.map((row) => ({
      kind: SearchKind.TEMPLATE,
      id: row.id,
      title: row.title,
      detail: row.detail,
      link: '/templates',
      rank: row.rank,
    }));
  },
};

export const SEARCH_SOURCES: readonly SearchSource[] = [contacts, paymentOrders, templates];

/**
 * The global search: every source the reader may read (a Finance member's search never touches contacts),
 * each asked for `limit` matches, merged by rank. Ties keep the sources' order and their own ordering. A source
 * with more matches than `limit` returns its first in its own order (names alphabetically), so an exact name
 * among thousands of matches can be missed: the reader types more of it.
 */
export class SearchService {
  constructor(private readonly sources: readonly SearchSource[] = SEARCH_SOURCES) {}

  async search(
    em: EntityManager,
    reader: { workspaceId: string; permissions: ReadonlySet<Permission> },
    text: string,
    limit: number,
  ): Promise<SearchHit[]> {
    const trimmed = text.trim();
    const allowed = this.sources.filter((source) => reader.permissions.has(source.permission));
    const found = await Promise.all(allowed.map((source) => source.find(em, reader.workspaceId, trimmed, limit)));
    return found
      .flat()
      .map((hit, order) => ({ hit, order }))
      .sort((a, b) => b.hit.rank - a.hit.rank || a.order - b.order)
      .slice(0, limit)
      .map(({ hit }) => hit);
  }
}
