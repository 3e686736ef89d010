import type { EntityManager } from '@mikro-orm/postgresql';
import type { Permission } from '../identity';
import type { SearchHit, SearchKind } from './search.types';

/** A name fragment shorter than this would scan every row (trigram indexes need three characters). */
export const MIN_TEXT_QUERY = 3;
/** A phone fragment needs this many digits for the same reason. */
export const MIN_PHONE_QUERY = 4;

/**
 * One place the global search looks, declared by the module that owns the rows (`searchSources` in its manifest):
 * the permission that lets a reader see it, and how it finds hits. The search module never reads another module's
 * tables; it asks every source the reader may read and merges their hits by rank.
 *
 * `find` gets the text trimmed and answers at most `limit` hits, best first, each ranked 3 (the text is the query,
 * case aside), 2 (it starts with the query) or 1 (it contains it). Too short a text for the source is no hits.
 */
export interface SearchSource {
  kind: SearchKind;
  permission: Permission;
  find(em: EntityManager, workspaceId: string, text: string, limit: number): Promise<SearchHit[]>;
}

/** The LIKE patterns of a query, metacharacters escaped (`\` is LIKE's default escape). */
export interface LikePatterns {
  /** `%query%`, as typed (for ILIKE). */
  contains: string;
  /** `query%`, lowered (for a `lower(...)` index). */
  prefix: string;
  /** The query lowered (the exact rank). */
  lowered: string;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export function likePatterns(text: string): LikePatterns {
  const lowered = text.toLowerCase();
  return { contains: `%${escapeLike(text)}%`, prefix: `${escapeLike(lowered)}%`, lowered };
}

/** Whether a text is long enough for a name-like source (counted in characters, not UTF-16 units). */
export function longEnough(text: string): boolean {
  return [...text].length >= MIN_TEXT_QUERY;
}

/** The row every source's statement answers; the source turns it into a hit with its link. */
export interface SearchRow {
  id: string;
  title: string;
  detail: string;
  rank: number;
}
