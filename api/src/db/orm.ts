import { MikroORM, type Options, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Logger } from '../core/logger';
import type { MigrationObject } from '@mikro-orm/core';
import { unscopedTenantEntities } from './scoping';

export interface OrmOptions {
  url: string;
  poolMax?: number;
  logger?: Logger;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  migrations: MigrationObject[];
  /** Bounded waits for every connection of this ORM (the API's and the worker's; migrations have none). */
  limits?: {
    statementTimeoutMs: number;
    lockTimeoutMs: number;
    acquireTimeoutMs: number;
    /**
     * The server ends a transaction left idle this long, and with it its locks: a process frozen (SIGSTOP, a
     * stalled VM) inside a transaction would otherwise hold its row locks, and block a dispatch takeover
     * (the lease row, the portfolio row), for as long as it stays frozen.
     */
    idleInTransactionTimeoutMs?: number;
  };
}

export function ormOptions({ url, poolMax = 20, logger, entities, migrations, limits }: OrmOptions): Options {
  return {
    driver: PostgreSqlDriver,
    clientUrl: url,
    entities,
    extensions: [Migrator],
    forceUtcTimezone: true,
    // Entities come from the module manifests, and the request context is forked per request.
    allowGlobalContext: false,
    pool: { min: 0, max: poolMax, ...(limits ? { acquireTimeoutMillis: limits.acquireTimeoutMs } : {}) },
    // node-postgres sets these per connection at connect time; a transaction may raise them (inTransaction).
    ...(limits
      ? {
          driverOptions: {
            acquireConnectionTimeout: limits.acquireTimeoutMs,
            connection: {
              statement_timeout: limits.statementTimeoutMs,
              lock_timeout: limits.lockTimeoutMs,
              ...(limits.idleInTransactionTimeoutMs
                ? { idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs }
                : {}),
            },
          },
        }
      : {}),
    migrations: {
      migrationsList: migrations,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    debug: false,
    logger: logger ? (message: string) => logger.debug({ orm: message }) : () => undefined,
    discovery: { warnWhenNoEntities: false },
  };
}

export async function createOrm(options: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(options));
  const unscoped = unscopedTenantEntities(orm.getMetadata());
  if (unscoped.length > 0) {
    await orm.close(true);
    throw new Error(
      `${unscoped.join(', ')}: reference a workspace but are not scoped by it; ` +
        'extend WorkspaceEntity, or declare @CrossWorkspace(reason)',
    );
  }
  return orm;
}

export type { MikroORM };
