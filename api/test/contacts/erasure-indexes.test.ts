import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * Erasing contacts in bulk (a whole filter, up to a million rows) deletes them 5,000 per transaction; every foreign
 * key to `contact` fires a trigger per deleted contact that finds the referencing rows by that column alone
 * (`where contact_id = $1`). Without an index led by the column, each of those triggers reads the whole referencing
 * table: a million-row erasure would read it a million times. This checks the migrated schema, so a new table that
 * refers to contacts cannot bring the scan back.
 */
describe('the schema behind bulk erasure', () => {
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

  it('serves every foreign key to contact with an index led by its column', async () => {
    const { rows } = await client.query<{ referencing: string; column: string; indexed: boolean }>(
      `select k.conrelid::regclass::text as referencing, a.attname as column,
              exists (select 1 from pg_index i where i.indrelid = k.conrelid and i.indkey[0] = k.conkey[1]
                        and i.indpred is null) as indexed
       from pg_constraint k
       join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
       where k.contype = 'f' and k.confrelid = 'contact'::regclass
       order by 1`,
    );
    // Written by hand: the tables known to refer to contacts (a new one joins the check by itself).
    expect(rows.map((row) => `${row.referencing}.${row.column}`)).toEqual(
      expect.arrayContaining(['campaign_message.contact_id', 'contact_event.contact_id', 'contact_reply.contact_id']),
    );
    expect(rows.filter((row) => !row.indexed).map((row) => row.referencing)).toEqual([]);
  });
});
