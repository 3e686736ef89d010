import type { EntityManager } from '@mikro-orm/postgresql';
import { execute } from '../../db/sql';
import { ERASURE_FENCE_ALONE, ERASURE_FENCE_SHARED } from './contacts.sql';

/**
 * Orders erasures against the writers of Meta's message ids (a wamid holds the recipient's number). An erasure renames
 * the wamids it finds; a status webhook or a dispatch outcome that read "not erased" before that erasure committed
 * would otherwise write the original wamid, and the number, back afterwards. Each takes the fence first thing in its
 * transaction (before any row lock, so the two cannot deadlock): an erasure alone, writers together, so writers never
 * wait for one another, only for an erasure in progress. Transaction-scoped: a crash or a rollback frees it.
 */
export const erasureFence = {
  /** For an erasing transaction: waits for the writers in progress, and holds off new ones until it commits. */
  async alone(tx: EntityManager): Promise<void> {
    await execute(tx, ERASURE_FENCE_ALONE, []);
  },
  /** For a transaction that writes wamids (webhook statuses, dispatch outcomes, status passes). */
  async shared(tx: EntityManager): Promise<void> {
    await execute(tx, ERASURE_FENCE_SHARED, []);
  },
};
