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
});
