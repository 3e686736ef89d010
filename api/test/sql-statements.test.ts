import { Client } from 'pg';
import { statement } from '../src/db/sql';
import { appModules } from '../src/modules';
import { createTestDatabase, type TestDatabase } from './support/database';

/**
 * Every named statement of every module, prepared against the migrated schema: a misspelt
 * column or a placeholder PostgreSQL cannot type fails here, not in production.
 */
const statements = appModules.flatMap((module) =>
  (module.statements ?? []).map((entry) => ({ module: module.name, ...entry })),
);

describe('named SQL', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('exists for the modules that declare it, each name once', () => {
    const names = statements.map((entry) => entry.name);
    expect(names.length).toBeGreaterThan(15);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it.each(statements.map((entry) => [entry.name, entry]))(
    '%s prepares against the migrated schema',
    async (_, entry) => {
      await client.query(`prepare bz_check as ${entry.text}`);
      await client.query('deallocate bz_check');
    },
  );

  it('fails for a broken query, naming what is wrong', async () => {
    const broken = statement('test.broken', 'select no_such_column from "session" where id = $1');
    await expect(client.query(`prepare bz_broken as ${broken.text}`)).rejects.toThrow(
      /column "no_such_column" does not exist/,
    );
  });

  it('refuses ? placeholders: $n only', () => {
    expect(() => statement('test.mixed', 'select 1 from "user" where id = ?')).toThrow(/\$n placeholders/);
    expect(() => statement('test.jsonb', `select '{}'::jsonb ?| array['a'] where $1::int = 1`)).not.toThrow();
  });
});
