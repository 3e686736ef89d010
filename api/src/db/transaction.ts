import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { databaseAppError } from '../core/error-mapping';
import { execute, statement } from './sql';

export interface TransactionOptions {
  /** How long a statement waits for a row lock before the transaction gives up (default: the connection's, 2 s). */
  lockTimeoutMs?: number;
  /** A cap on each statement (default: the connection's, 5 s). */
  statementTimeoutMs?: number;
  /** SERIALIZABLE instead of READ COMMITTED. */
  serializable?: boolean;
  /**
   * Runs the work again (with a fresh unit of work) after a serialization failure or a
   * deadlock, up to this many extra attempts. Only for work that is safe to repeat: nothing
   * outside the database (an HTTP call, a message) may happen inside it.
   */
  retryOnSerialization?: number;
}

const SERIALIZATION_FAILURE = '40001';
const DEADLOCK_DETECTED = '40P01';

const SET_TIMEOUTS = statement(
  'platform.set-transaction-timeouts',
  `select set_config('lock_timeout', coalesce($1::text, current_setting('lock_timeout')), true),
          set_config('statement_timeout', coalesce($2::text, current_setting('statement_timeout')), true)`,
);

/** What jobs pass for work that may run long (a million-row import, a bulk change): minutes, not seconds. */
export const LONG_RUNNING: TransactionOptions = { lockTimeoutMs: 30_000, statementTimeoutMs: 10 * 60_000 };

export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The one way to run work in a transaction. `work` receives a transactional entity manager:
 * ORM calls on it and named SQL through `query(tx, ...)` share the transaction's connection,
 * its snapshot and its locks. Inside an enclosing transaction the work simply joins it
 * (retries belong to the outermost one).
 *
 * The locking rule (docs/ARCHITECTURE.md): a guard over several rows is read `for update`
 * and changed in the same transaction, never read in one statement and written in another.
 */
export async function inTransaction<T>(
  em: EntityManager,
  options: TransactionOptions,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  if (em.isInTransaction()) return work(em);
  const attempts = 1 + (options.retryOnSerialization ?? 0);
  for (let attempt = 1; ; attempt++) {
    try {
      return await em.fork().transactional(
        async (tx) => {
          if (options.lockTimeoutMs !== undefined || options.statementTimeoutMs !== undefined) {
            // SET LOCAL: the connection's own limits come back at commit.
            await execute(tx, SET_TIMEOUTS, [
              options.lockTimeoutMs === undefined ? null : `${options.lockTimeoutMs}ms`,
              options.statementTimeoutMs === undefined ? null : `${options.statementTimeoutMs}ms`,
            ]);
          }
          return work(tx);
        },
        { isolationLevel: options.serializable ? IsolationLevel.SERIALIZABLE : IsolationLevel.READ_COMMITTED },
      );
    } catch (error) {
      const state = sqlState(error);
      if ((state === SERIALIZATION_FAILURE || state === DEADLOCK_DETECTED) && attempt < attempts) {
        // Jittered backoff so the transactions that collided do not collide again.
        await pause(Math.random() * 10 * attempt);
        continue;
      }
      throw databaseAppError(error) ?? error;
    }
  }
}
