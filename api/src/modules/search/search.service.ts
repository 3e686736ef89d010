import type { EntityManager } from '@mikro-orm/postgresql';
import type { Permission } from '../identity';
import type { SearchSource } from './source';
import type { SearchHit } from './search.types';

/**
 * The global search: every source the reader may read (a Finance member's search never touches contacts), each
 * asked for `limit` hits at once (side by side, each on its own pooled connection), merged by rank. Ties keep the
 * sources' order (the modules' order) and each source's own ordering. The sources are the modules' own
 * (`searchSources` in their manifests); this service only merges and ranks.
 */
export class SearchService {
  constructor(private readonly sources: readonly SearchSource[]) {}

  /** The kinds this search can find, in merge order (a start-up check and the tests read it). */
  get kinds(): string[] {
    return this.sources.map((source) => source.kind);
  }

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
