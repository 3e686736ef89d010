import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { workspaceEm } from '../../src/db/base.entity';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';
import { waitFor } from '../support/wait';
import { importFile, listContacts, ok } from './support';

const run = promisify(execFile);

/**
 * UU PDP erasure: after a contact is deleted, its phone and name are nowhere in the database,
 * checked two ways: a full pg_dump, and every text-like column of every table.
 */
describe('erasing contacts', () => {
  let api: TestApi;
  let client: Client;
  let owner: TestMember;

  const PEOPLE = [
    { phone: '0812 7777 8881', digits: '81277778881', name: 'Rahasia Wibowo' },
    { phone: '0812 7777 8882', digits: '81277778882', name: 'Sembunyi Hartono' },
    { phone: '0812 7777 8883', digits: '81277778883', name: 'Tersimpan Kusuma' },
  ];

  beforeAll(async () => {
    api = await startTestApi({ runJobs: true });
    client = new Client({ connectionString: api.database.url });
    await client.connect();
    const em = api.running.orm.em.fork();
    owner = await createMember(em, await createWorkspace(em), 'owner');
  });
  afterAll(async () => {
    await client.end();
    await api.stop();
  });

  async function dump(): Promise<string> {
    const { stdout } = await run('pg_dump', ['--data-only', '--no-owner', api.database.url], {
      maxBuffer: 256 * 1024 * 1024,
    });
    return stdout;
  }

  /** Every value of every text, varchar, char, jsonb, array and bytea column, as text. */
  async function everyTextValue(): Promise<string> {
    const { rows: columns } = await client.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
       where table_schema = 'public' and (data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'bytea', 'ARRAY'))`,
    );
    const values: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const { rows } = await client.query<{ value: string | null }>(
        `select "${column}"::text as value from "${table}" where "${column}" is not null`,
      );
      values.push(...rows.map((row) => row.value ?? ''));
      if (column === 'file' || column === 'data') {
        // bytea as its UTF-8 text too (the import's file), not only as hex.
        const raw = await client.query<{ value: Buffer }>(
          `select "${column}" as value from "${table}" where "${column}" is not null`,
        );
        values.push(
          ...raw.rows.map((row) =>
            Buffer.isBuffer(row.value) ? row.value.toString('utf8') : JSON.stringify(row.value),
          ),
        );
      }
    }
    return values.join('\n');
  }

  it('leaves no phone or name anywhere once deleted (by selection and by a filter job)', async () => {
    const file = `phone,name\n${PEOPLE.map((person) => `${person.phone},${person.name}`).join('\n')}\n`;
    await importFile(api, owner, file, { tag: 'rahasia' });
    const contacts = (await listContacts(api, owner, { orderBy: 'PHONE_ASC' })).edges.map((edge) => edge.node);
    const first = contacts[0]!;
    const second = contacts[1]!;
    // Personal data spreads: history, a reply kept for review (its text names the person), suppression, audit, an export.
    const service = api.running.services.contacts.contacts;
    await service.handleReply(
      workspaceEm(api.running.orm.em, owner.workspace.id),
      owner.workspace.id,
      first.id,
      'Rahasia Wibowo mau berhenti dulu',
    );
    await ok(api, owner, 'mutation ($ids: [ID!]) { optOutContacts(selection: { ids: $ids }) { affected } }', {
      ids: [second.id],
    });
    await ok(api, owner, 'mutation { exportContacts(filter: { tags: ["rahasia"] }) { url } }');
    await ok(
      api,
      owner,
      'mutation ($id: ID!) { updateContact(input: { id: $id, attributes: [{ key: "catatan", value: "Rahasia Wibowo VIP" }] }) { id } }',
      {
        id: first.id,
      },
    );

    const before = await dump();
    for (const person of PEOPLE) {
      expect(before).toContain(person.digits);
      expect(before).toContain(person.name);
    }

    await ok(api, owner, 'mutation ($ids: [ID!]) { deleteContacts(selection: { ids: $ids }) { affected } }', {
      ids: [first.id],
    });
    const { deleteContacts } = await ok<{ deleteContacts: { job: { id: string } } }>(
      api,
      owner,
      'mutation { deleteContacts(selection: { filter: { tags: ["rahasia"] } }) { job { id } } }',
    );
    await waitFor(async () => {
      const { contactBulkJob } = await ok<{ contactBulkJob: { status: string } }>(
        api,
        owner,
        'query ($id: ID!) { contactBulkJob(id: $id) { status } }',
        { id: deleteContacts.job.id },
      );
      return contactBulkJob.status === 'COMPLETED';
    });
    expect((await listContacts(api, owner)).totalCount).toBe(0);

    const after = await dump();
    const columns = await everyTextValue();
    for (const person of PEOPLE) {
      for (const haystack of [after, columns]) {
        expect(haystack).not.toContain(person.digits);
        expect(haystack).not.toContain(person.name);
        expect(haystack).not.toContain(person.name.split(' ')[0]);
      }
    }
    // What remains of the suppressed number: its keyed hash, so it stays suppressed.
    const { rows } = await client.query(
      'select phone_hash, opted_out_source from contact_erased_suppression where workspace_id = $1',
      [owner.workspace.id],
    );
    expect(rows).toEqual([{ phone_hash: expect.stringMatching(/^[0-9a-f]{64}$/), opted_out_source: 'MANUAL' }]);
  });

  it('answers an access request with everything kept about one contact', async () => {
    await importFile(api, owner, 'phone,name\n0812 6666 1234,Akses Data\n');
    const [contact] = (await listContacts(api, owner)).edges.map((edge) => edge.node);
    const { contactPersonalData } = await ok<{ contactPersonalData: string }>(
      api,
      owner,
      'query ($id: ID!) { contactPersonalData(id: $id) }',
      { id: contact!.id },
    );
    const data = JSON.parse(contactPersonalData) as {
      contact: { phone: string; name: string; consent: { source: string } };
    };
    expect(data.contact).toMatchObject({ phone: '+6281266661234', name: 'Akses Data', consent: { source: 'IMPORT' } });
  });
});
