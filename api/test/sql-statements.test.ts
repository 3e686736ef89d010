import type { Migration } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';
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

/** The tables a module's own migrations create (read from the SQL they add, without a database). */
async function tablesCreatedBy(migrations: readonly MigrationObject[]): Promise<string[]> {
  const tables: string[] = [];
  for (const { class: Class } of migrations) {
    const migration = new (Class as new (driver: unknown, config: unknown) => Migration)(undefined, undefined);
    await migration.up();
    for (const sql of migration.getQueries()) {
      for (const match of String(sql).matchAll(
        /create\s+(?:unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?"?(\w+)"?/gi,
      )) {
        tables.push(match[1]!);
      }
    }
  }
  return tables;
}

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

  // Dependencies point one way: a module that another requires (channels, required by campaigns) knows nothing of
  // the tables of the modules listed after it; what it needs from them is provided through its services.
  it('never names a table of a module listed after its own', async () => {
    const crossings: string[] = [];
    for (const [index, module] of appModules.entries()) {
      for (const later of appModules.slice(index + 1)) {
        const tables = await tablesCreatedBy(later.migrations ?? []);
        for (const entry of module.statements ?? []) {
          for (const table of tables) {
            if (new RegExp(`(?<![\\w.])"?${table}"?(?![\\w])`).test(entry.text)) {
              crossings.push(`${entry.name} names the ${later.name} module's ${table}`);
            }
          }
        }
      }
    }
    expect(crossings).toEqual([]);
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
