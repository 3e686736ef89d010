import { MikroORM, type Options, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Logger } from '../core/logger';
import { entities } from './entities';
import { migrations } from './migrations';

export interface OrmOptions {
  url: string;
  poolMax?: number;
  logger?: Logger;
}

export function ormOptions({ url, poolMax = 20, logger }: OrmOptions): Options {
  return {
    driver: PostgreSqlDriver,
    clientUrl: url,
    entities,
    extensions: [Migrator],
    forceUtcTimezone: true,
    // Entities are listed explicitly, and the request context is forked per request.
    allowGlobalContext: false,
    pool: { min: 0, max: poolMax },
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
  return MikroORM.init(ormOptions(options));
}

export type { MikroORM };
