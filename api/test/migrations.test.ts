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

  it('leave no plain number in the portfolios’ recipient counts: rows in their window stay counted, ended ones go', async () => {
    const hashing = 'Migration20261202090000PortfolioRecipientHash';
    const orm = await createOrm({ url: database.url, poolMax: 2 });
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await orm.getMigrator().up({ to: ALL[ALL.indexOf(hashing) - 1]! });
      await client.query(
        `insert into business_portfolio (id, messaging_limit, created_at, updated_at) values ('7701', 250, now(), now())`,
      );
      await client.query(
        `insert into portfolio_recipient (portfolio_id, phone, window_start) values
           ('7701', '+6281233330001', now() - interval '1 hour'),
           ('7701', '+6281233330002', now() - interval '23 hours'),
           ('7701', '+6281233330003', now() - interval '25 hours')`,
      );
      expect(await runMigrations(orm, database.url, silent)).toContain(hashing);
      const { rows } = await client.query<{ phone_hash: string }>(
        "select phone_hash from portfolio_recipient where portfolio_id = '7701' and window_start > now() - interval '24 hours'",
      );
      // Today's use of the limit is what it was (two recipients), and none of the numbers is left.
      expect(rows).toHaveLength(2);
      const { rows: all } = await client.query<{ row: string }>(
        'select portfolio_recipient::text as row from portfolio_recipient',
      );
      expect(all).toHaveLength(2);
      expect(all.map((row) => row.row).join('\n')).not.toMatch(/6281233330/);
    } finally {
      await client.end();
      await orm.close(true);
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
