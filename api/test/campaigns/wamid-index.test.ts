import { Client } from 'pg';
import { APPLY_STATUSES, RENAME_ERASED_MESSAGES } from '../../src/modules/campaigns/campaigns.sql';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * `campaign_message_wamid_index` keeps only messages that have a wamid, so the claim's row version (no wamid yet)
 * writes no entry in it; the statements that find messages by wamid must still reach them through it, or each
 * status pass and each erasure would read every message of the workspace.
 */
describe('the wamid index of campaign messages', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
    // On empty tables a sequential scan is cheapest; taken off the table, what is left shows what can serve the join.
    await client.query('set enable_seqscan = off');
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  const plan = async (text: string, values: unknown[]) =>
    JSON.stringify((await client.query(`explain (format json) ${text}`, values)).rows[0]);

  it('holds no entry for a message without a wamid', async () => {
    const { rows } = await client.query<{ definition: string }>(
      "select pg_get_indexdef('campaign_message_wamid_index'::regclass) as definition",
    );
    expect(rows[0]!.definition).toMatch(/WHERE \(wamid IS NOT NULL\)$/);
  });

  it('serves the status pass and the erasure renaming', async () => {
    const workspace = '00000000-0000-4000-8000-000000000001';
    expect(await plan(APPLY_STATUSES.text, [workspace, '106540352242922', new Date(0), new Date()])).toContain(
      '"Index Name":"campaign_message_wamid_index"',
    );
    expect(await plan(RENAME_ERASED_MESSAGES.text, [workspace, ['wamid.a'], ['erased.a']])).toContain(
      '"Index Name":"campaign_message_wamid_index"',
    );
  });
});
