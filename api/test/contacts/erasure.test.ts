import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { workspaceEm } from '../../src/db/base.entity';
import type { TestApi } from '../support/api';
import type { TestMember } from '../support/identity';
import { encodedForms } from '../support/hidden-number';
import { waitFor } from '../support/wait';
import { PHONE_NUMBER_ID, PRICE, START, WABA_ID, startCampaignWorld, type CampaignWorld } from '../campaigns/support';
import { importFile, listContacts, ok } from './support';

const run = promisify(execFile);

/**
 * UU PDP erasure: after a contact is deleted, its phone and name are nowhere in the database,
 * checked two ways: a full pg_dump, and every text-like column of every table; the phone also
 * hex- and base64-encoded (Meta's message ids carry the recipient's number in base64). Before the
 * erasure the contacts were sent a campaign (messages, statuses, the portfolio's count of its
 * recipients) and wrote back (Meta's stored bodies with their profile names, replies).
 */
describe('erasing contacts', () => {
  let world: CampaignWorld;
  let api: TestApi;
  let client: Client;
  let owner: TestMember;

  const PEOPLE = [
    { phone: '0812 7777 8881', digits: '81277778881', name: 'Rahasia Wibowo' },
    { phone: '0812 7777 8882', digits: '81277778882', name: 'Sembunyi Hartono' },
    { phone: '0812 7777 8883', digits: '81277778883', name: 'Tersimpan Kusuma' },
  ];

  beforeAll(async () => {
    world = await startCampaignWorld({ runJobs: true });
    api = world.api;
    owner = world.owner;
    client = new Client({ connectionString: api.database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await world.stop();
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

  it('leaves no phone or name anywhere once deleted (by selection and by a filter job), even after Meta reports their messages again', async () => {
    const file = `phone,name\n${PEOPLE.map((person) => `${person.phone},${person.name}`).join('\n')}\n`;
    await importFile(api, owner, file, { tag: 'rahasia' });
    const contacts = (await listContacts(api, owner, { orderBy: 'PHONE_ASC' })).edges.map((edge) => edge.node);
    const first = contacts[0]!;
    const second = contacts[1]!;
    // A campaign reaches all three (its template greets each by name), Meta reports them delivered, and each writes
    // back with its WhatsApp profile name: Meta's bodies, statuses and the portfolio's count all name them.
    const campaignId = await world.draftForTag('rahasia');
    await world.fund(10n * PRICE);
    expect((await world.gql(START, { id: campaignId })).errors).toBeUndefined();
    await world.dispatch();
    await world.deliverStatuses();
    for (const person of PEOPLE) {
      world.meta.simulator.sends.inbound({
        phoneNumberId: PHONE_NUMBER_ID,
        from: `62${person.digits}`,
        name: person.name,
        message: { type: 'text', body: `Terima kasih, salam ${person.name}` },
      });
    }
    await world.deliverStatuses();
    const stored = await client.query<{ body: string }>('select body from whatsapp_webhook');
    const statuses = await client.query<{ recipient_id: string }>(
      'select recipient_id from message_status where workspace_id = $1',
      [owner.workspace.id],
    );
    const counted = await client.query<{ n: number }>('select count(*)::int as n from portfolio_recipient');
    for (const person of PEOPLE) {
      expect(stored.rows.filter((row) => row.body.includes(`"62${person.digits}"`)).length).toBeGreaterThanOrEqual(2);
      expect(stored.rows.some((row) => row.body.includes(person.name))).toBe(true);
      expect(statuses.rows).toContainEqual({ recipient_id: `62${person.digits}` });
    }
    expect(counted.rows[0]!.n).toBe(PEOPLE.length);
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

    // What Meta knows the messages by, to report them again after the erasure.
    const sent = await client.query<{ id: string; phone: string; wamid: string; status: string }>(
      'select id, phone, wamid, status from campaign_message where campaign_id = $1 order by phone',
      [campaignId],
    );
    expect(sent.rows.map((row) => row.status)).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED']);

    const before = await dump();
    for (const person of PEOPLE) {
      expect(before).toContain(person.digits);
      expect(before).toContain(person.name);
      // The encoded search finds what it looks for: the wamids of the person's messages hold the number.
      expect(encodedForms(person.digits).some((form) => before.includes(form))).toBe(true);
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
        expect(encodedForms(person.digits).filter((form) => haystack.includes(form))).toEqual([]);
      }
    }
    // Meta keeps reporting statuses by the original wamids (the number inside): one read with our callback data, one
    // without (found by its wamid alone). Each lands on its erased message, and nothing of the number stays.
    const statusesBefore = await client.query<{ n: number }>('select count(*)::int as n from message_status');
    const [byCallback, byWamid] = sent.rows;
    const readAt = Math.floor(world.clock.now().getTime() / 1000);
    world.meta.simulator.sends.webhooks.send(
      { wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: '15550001111' },
      'messages',
      {
        statuses: [
          {
            id: byCallback!.wamid,
            status: 'read',
            timestamp: String(readAt),
            recipient_id: byCallback!.phone.slice(1),
            biz_opaque_callback_data: byCallback!.id,
          },
          { id: byWamid!.wamid, status: 'read', timestamp: String(readAt), recipient_id: byWamid!.phone.slice(1) },
        ],
      },
    );
    await world.deliverStatuses();
    const reread = await client.query<{ id: string; status: string; read: boolean }>(
      'select id, status, read_at is not null as read from campaign_message where campaign_id = $1',
      [campaignId],
    );
    expect(new Map(reread.rows.map((row) => [row.id, [row.status, row.read]]))).toEqual(
      new Map([
        [byCallback!.id, ['READ', true]],
        [byWamid!.id, ['READ', true]],
        [sent.rows[2]!.id, ['DELIVERED', false]],
      ]),
    );
    expect((await client.query('select count(*)::int as n from message_status')).rows).toEqual(statusesBefore.rows);
    const afterStatuses = [await dump(), await everyTextValue()];
    for (const person of PEOPLE) {
      for (const haystack of afterStatuses) {
        expect(haystack).not.toContain(person.digits);
        expect(encodedForms(person.digits).filter((form) => haystack.includes(form))).toEqual([]);
      }
    }

    // The campaign's messages stay for its counts and charge, without a number or a contact; the portfolio still
    // counts the three recipients today (Meta does), by keyed hashes.
    const messages = await client.query<{ phone: string | null; contact_id: string | null; status: string }>(
      'select phone, contact_id, status from campaign_message where campaign_id = $1',
      [campaignId],
    );
    expect(messages.rows).toEqual(
      PEOPLE.map(() => ({ phone: null, contact_id: null, status: expect.stringMatching(/^(SENT|DELIVERED|READ)$/) })),
    );
    const recipients = await client.query<{ phone_hash: string }>('select phone_hash from portfolio_recipient');
    expect(recipients.rows).toEqual(PEOPLE.map(() => ({ phone_hash: expect.stringMatching(/^[0-9a-f]{64}$/) })));
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
