import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../core/logger';

/** An arbitrary, fixed key: every BizOne process that migrates takes this advisory lock. */
const MIGRATION_LOCK_KEY = 4_720_231_124;

/**
 * Applies pending migrations. Safe when several processes start at once: they queue on a
 * PostgreSQL advisory lock, and whoever comes second finds nothing left to do.
 */
export async function runMigrations(orm: MikroORM, url: string, logger: Logger): Promise<string[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await orm.getMigrator().up();
    const names = applied.map((migration) => migration.name);
    if (names.length > 0) logger.info({ migrations: names }, 'applied database migrations');
    else logger.debug('database schema is up to date');
    return names;
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}

export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  const pending = await orm.getMigrator().getPendingMigrations();
  return pending.map((migration) => migration.name);
}
