import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ManualClock } from '../../src/core/clock';
import { workspaceEm } from '../../src/db/base.entity';
import { startTestApi, type TestApi } from '../support/api';
import { createApiToken, createMember, createWorkspace } from '../support/identity';
import { Permission } from '../../src/modules/identity';
import { importFile, listContacts, ok, upload } from './support';

/**
 * Personal data kept for a passing purpose is erased after the retention period (UU PDP:
 * no longer than needed), and nothing younger is touched.
 */
describe('the personal-data purge', () => {
  let api: TestApi;
  let client: Client;
  let owner: string;
  let workspaceId: string;
  const clock = new ManualClock(new Date('2026-12-01T02:00:00Z'));

  beforeAll(async () => {
    api = await startTestApi({ runJobs: true, clock, env: { PERSONAL_DATA_RETENTION_DAYS: '30' } });
    client = new Client({ connectionString: api.database.url });
    await client.connect();
    const em = api.running.orm.em.fork();
    const member = await createMember(em, await createWorkspace(em), 'owner');
    workspaceId = member.workspace.id;
    // A token: the test moves the clock past any session's idle lifetime.
    owner = (await createApiToken(em, member, [Permission.CONTACTS_READ, Permission.CONTACTS_WRITE])).token;
  });
  afterAll(async () => {
    await client.end();
    await api.stop();
  });

  const count = async (sql: string) => (await client.query<{ n: number }>(sql)).rows[0]!.n;

  it('drops review texts, reports and abandoned uploads past the retention period, and nothing younger', async () => {
    const service = api.running.services.contacts;
    const old = await importFile(api, owner, 'phone,name\n0812 1212 0001,Lama\nxx,Rusak\n', { keepValidRows: true });
    const [contact] = (await listContacts(api, owner)).edges.map((edge) => edge.node);
    const em = workspaceEm(api.running.orm.em, workspaceId);
    await service.contacts.handleReply(em, workspaceId, contact!.id, 'tolong berhenti kirim promo ke saya');
    await upload(api, owner, 'phone\n0812 1212 0002\n');

    clock.advance(20 * 86_400_000);
    const recent = await importFile(api, owner, 'phone\nyy\n0812 1212 0003\n', { keepValidRows: true });
    expect((await service.personalDataPurge.run(api.running.orm)).staleUploads).toBe(1);
    expect(await count("select count(*)::int as n from contact_event where details ? 'text'")).toBe(1);

    clock.advance(11 * 86_400_000);
    const purged = await service.personalDataPurge.run(api.running.orm);
    expect(purged).toMatchObject({ replyTexts: 1, importReports: 1 });
    expect(await count("select count(*)::int as n from contact_event where details ? 'text'")).toBe(0);
    // The review itself stays in the history (which keyword, when); only the person's words go. The
    // consent the import recorded is the proof of permission to message: never purged.
    const { contactHistory } = await ok<{ contactHistory: { kind: string; keyword: string }[] }>(
      api,
      owner,
      'query ($id: ID!) { contactHistory(contactId: $id) { kind keyword } }',
      { id: contact!.id },
    );
    expect(contactHistory).toEqual([
      { kind: 'KEYWORD_REVIEW', keyword: 'BERHENTI' },
      { kind: 'CONSENT', keyword: null },
    ]);
    const reports = await client.query<{ import_id: string }>('select distinct import_id from contact_import_reject');
    expect(reports.rows.map((row) => row.import_id)).toEqual([recent.id]);
    expect(reports.rows.map((row) => row.import_id)).not.toContain(old.id);
  });

  it('erases Meta’s stored webhook bodies, recipients’ numbers, inbound texts and raw inbound copies past the retention period', async () => {
    // A signed-and-stored body as the webhook route keeps it, a status and an inbound reply applied from it,
    // once 40 days ago and once today (retention 30 days). Real rows of the channels' tables.
    const phone = '6281299990001';
    const name = 'Rina Purnamasari';
    const body = (wamid: string) =>
      JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '102290129349999',
            changes: [
              {
                field: 'messages',
                value: {
                  metadata: { phone_number_id: '106540352249999' },
                  contacts: [{ profile: { name }, wa_id: phone }],
                  messages: [{ from: phone, id: wamid, type: 'text', text: { body: 'Halo' } }],
                  statuses: [{ id: `${wamid}.out`, status: 'delivered', recipient_id: phone }],
                },
              },
            ],
          },
        ],
      });
    const em = workspaceEm(api.running.orm.em, workspaceId);
    const contact = await api.running.services.contacts.contacts.inboundContact(em, workspaceId, {
      phone,
      waId: phone,
      userId: null,
    });
    const store = async (wamid: string, at: Date) => {
      await client.query('insert into whatsapp_webhook (id, received_at, body, applied_at) values ($1, $2, $3, $2)', [
        randomUUID(),
        at,
        body(wamid),
      ]);
      await client.query(
        `insert into message_status (wamid, workspace_id, phone_number_id, recipient_id, status, rank, status_at)
         values ($1, $2, '106540352249999', $3, 'delivered', 2, $4)`,
        [`${wamid}.out`, workspaceId, phone, at],
      );
      await client.query(
        `insert into contact_reply (id, workspace_id, contact_id, wamid, type, text, payload, received_at)
         values ($1, $2, $3, $4, 'text', 'Halo', $5, $6)`,
        [randomUUID(), workspaceId, contact!.id, wamid, JSON.stringify({ from: phone, id: wamid }), at],
      );
    };
    const old = new Date(clock.now().getTime() - 40 * 86_400_000);
    await store('wamid.purge-old', old);
    await store('wamid.purge-new', clock.now());

    const purged = await api.running.services.contacts.personalDataPurge.run(api.running.orm);
    expect(purged).toMatchObject({ webhookBodies: 1, statusRecipients: 1, replyPayloads: 1, inboundTexts: 1 });
    // Neither the number nor the name is left in the old rows; today's are untouched.
    const bodies = await client.query<{ body: string }>('select body from whatsapp_webhook where body like $1', [
      `%wamid.purge-%`,
    ]);
    expect(bodies.rows.map((row) => JSON.parse(row.body).entry[0].changes[0].value.messages[0].id)).toEqual([
      'wamid.purge-new',
    ]);
    const statuses = await client.query<{ wamid: string; recipient_id: string | null; status: string }>(
      "select wamid, recipient_id, status from message_status where wamid like 'wamid.purge-%' order by wamid",
    );
    expect(statuses.rows).toEqual([
      { wamid: 'wamid.purge-new.out', recipient_id: phone, status: 'delivered' },
      { wamid: 'wamid.purge-old.out', recipient_id: null, status: 'delivered' },
    ]);
    const replies = await client.query<{ wamid: string; payload: unknown; text: string }>(
      "select wamid, payload, text from contact_reply where wamid like 'wamid.purge-%' order by wamid",
    );
    expect(replies.rows).toEqual([
      { wamid: 'wamid.purge-new', payload: { from: phone, id: 'wamid.purge-new' }, text: 'Halo' },
      // The person's words go too; that a reply came, of which type and when, stays on the contact.
      { wamid: 'wamid.purge-old', payload: {}, text: null },
    ]);
    const { contactReplies } = await ok<{
      contactReplies: { edges: { node: { type: string; text: string | null } }[] };
    }>(api, owner, 'query ($id: ID!) { contactReplies(contactId: $id) { edges { node { type text } } } }', {
      id: contact!.id,
    });
    expect(contactReplies.edges.map((edge) => edge.node)).toEqual([
      { type: 'text', text: 'Halo' },
      { type: 'text', text: null },
    ]);
    // A second run finds nothing more to erase.
    expect(await api.running.services.contacts.personalDataPurge.run(api.running.orm)).toMatchObject({
      webhookBodies: 0,
      statusRecipients: 0,
      replyPayloads: 0,
      inboundTexts: 0,
    });
  });

  it('forgets the recipients a portfolio reached once their 24 h messaging-limit window is over', async () => {
    const portfolio = '7799000000001';
    await client.query(
      'insert into business_portfolio (id, messaging_limit, created_at, updated_at) values ($1, 1000, $2, $2)',
      [portfolio, clock.now()],
    );
    const reached = async (hash: string, hoursAgo: number) =>
      client.query('insert into portfolio_recipient (portfolio_id, phone_hash, window_start) values ($1, $2, $3)', [
        portfolio,
        hash,
        new Date(clock.now().getTime() - hoursAgo * 3_600_000),
      ]);
    await reached('a'.repeat(64), 25);
    await reached('b'.repeat(64), 23);
    expect(await api.running.services.contacts.personalDataPurge.run(api.running.orm)).toMatchObject({
      portfolioRecipients: 1,
    });
    const left = await client.query('select phone_hash from portfolio_recipient where portfolio_id = $1', [portfolio]);
    expect(left.rows).toEqual([{ phone_hash: 'b'.repeat(64) }]);
  });
});
