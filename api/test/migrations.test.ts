import { Client } from 'pg';
import { createLogger } from '../src/core/logger';
import { pendingMigrations, runMigrations } from '../src/db/migrate';
import { appSchema, createAppOrm as createOrm } from '../src/modules';
import { createTestDatabase, type TestDatabase } from './support/database';

const ALL = appSchema().migrations.map((migration) => migration.name);

const silent = createLogger('silent');

async function tables(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' order by 1",
  );
  await client.end();
  return rows.map((row) => row.table_name);
}

describe('migrations', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase({ migrated: false });
  });
  afterEach(() => database.drop());

  it('run the platform’s and every module’s migrations in timestamp order', () => {
    // Written by hand: the order the shipped databases recorded them in.
    expect(ALL.slice(0, 2)).toEqual(['Migration20261124000000Foundation', 'Migration20261124120000Identity']);
    expect([...ALL].sort()).toEqual(ALL);
  });

  it('build the whole schema, Agenda’s table included, and are idempotent', async () => {
    const orm = await createOrm({ url: database.url, poolMax: 2 });
    try {
      expect(await runMigrations(orm, database.url, silent)).toEqual(ALL);
      expect(await runMigrations(orm, database.url, silent)).toEqual([]);
      expect(await pendingMigrations(orm)).toEqual([]);
    } finally {
      await orm.close(true);
    }
    expect(await tables(database.url)).toEqual(
      expect.arrayContaining(['agenda_jobs', 'mikro_orm_migrations', 'workspace']),
    );
  });

  it('are safe when several processes start at the same moment', async () => {
    const orms = await Promise.all(Array.from({ length: 4 }, () => createOrm({ url: database.url, poolMax: 2 })));
    try {
      const applied = await Promise.all(orms.map((orm) => runMigrations(orm, database.url, silent)));
      // Exactly one process applied the migration; the others found nothing to do.
      expect(applied.flat()).toEqual(ALL);
      expect(applied.filter((names) => names.length > 0)).toHaveLength(1);
    } finally {
      await Promise.all(orms.map((orm) => orm.close(true)));
    }
  });

  it('store money as bigint, never as a float', async () => {
    const orm = await createOrm({ url: database.url, poolMax: 2 });
    await runMigrations(orm, database.url, silent);
    await orm.close(true);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ column: string; data_type: string }>(
      `select table_name || '.' || column_name as column, data_type from information_schema.columns
       where table_schema = 'public' and data_type in ('real', 'double precision', 'numeric')
         and table_name <> 'agenda_jobs'`,
    );
    await client.end();
    expect(rows).toEqual([]);
  });
});
