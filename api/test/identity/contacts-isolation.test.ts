import { Client } from 'pg';
import { startTestApi, type TestApi } from '../support/api';
import { createApiToken, createMember, createWorkspace, type TestMember } from '../support/identity';
import { Permission } from '../../src/modules/identity';
import { waitFor } from '../support/wait';
import { as, CONSENT, gql, importFile, listContacts, ok, START_IMPORT, upload } from '../contacts/support';

/**
 * One workspace can neither read nor change another's address book, through any field, route
 * or job: every operation is tried with the other workspace's ids, and its rows are compared
 * before and after.
 */
describe('contacts are isolated per workspace', () => {
  let api: TestApi;
  let client: Client;
  let acme: TestMember;
  let globex: TestMember;
  let globexToken: string;
  const acmeIds: Record<'contact' | 'segment' | 'job' | 'import' | 'uploaded' | 'export' | 'report', string> = {
    contact: '',
    segment: '',
    job: '',
    import: '',
    uploaded: '',
    export: '',
    report: '',
  };

  beforeAll(async () => {
    api = await startTestApi({ runJobs: true });
    client = new Client({ connectionString: api.database.url });
    await client.connect();
    const em = api.running.orm.em.fork();
    acme = await createMember(em, await createWorkspace(em, 'Acme'), 'owner');
    globex = await createMember(em, await createWorkspace(em, 'Globex'), 'owner');
    globexToken = (await createApiToken(em, globex, [Permission.CONTACTS_READ, Permission.CONTACTS_WRITE])).token;
    const imported = await importFile(
      api,
      acme,
      'phone,name\n0812 1000 0001,Acme Satu\n0812 1000 0002,Acme Dua\nxx,Rusak\n',
      {
        tag: 'acme',
        keepValidRows: true,
      },
    );
    acmeIds.import = imported.id;
    acmeIds.report = imported.reportUrl!;
    acmeIds.contact = (await listContacts(api, acme)).edges[0]!.node.id;
    // Waiting for review, so a review settled across workspaces would show in acme's rows.
    await api.running.services.contacts.contacts.handleReply(
      api.running.orm.em.fork(),
      acme.workspace.id,
      acmeIds.contact,
      'tolong berhenti kirim',
    );
    acmeIds.segment = (
      await ok<{ saveSegment: { id: string } }>(
        api,
        acme,
        'mutation { saveSegment(input: { name: "Semua", filter: {} }) { id } }',
      )
    ).saveSegment.id;
    acmeIds.job = (
      await ok<{ tagContacts: { job: { id: string } } }>(
        api,
        acme,
        'mutation { tagContacts(selection: { filter: {} }, tag: "acme-job") { job { id } } }',
      )
    ).tagContacts.job.id;
    acmeIds.uploaded = (await upload(api, acme, 'phone\n0812 1000 0003\n')).body.id;
    acmeIds.export = (
      await ok<{ exportContacts: { url: string } }>(api, acme, 'mutation { exportContacts { url } }')
    ).exportContacts.url;
    await ok(api, acme, 'mutation { setOptOutKeywords(keywords: ["KELUAR"]) }');
    await waitFor(async () => {
      const { rows } = await client.query('select status from contact_bulk_job where id = $1', [acmeIds.job]);
      return rows[0]?.status === 'COMPLETED';
    });
  });
  afterAll(async () => {
    await client.end();
    await api.stop();
  });

  async function acmeRows() {
    const tables = [
      'contact',
      'contact_event',
      'segment',
      'contact_settings',
      'contact_import',
      'contact_bulk_job',
      'contact_export',
    ];
    return Promise.all(
      tables.map(async (table) => {
        const { rows } = await client.query(`select * from "${table}" where workspace_id = $1 order by id`, [
          acme.workspace.id,
        ]);
        return rows.map(({ updated_at: _updatedAt, ...row }) => row);
      }),
    );
  }

  const NOT_FOUND: [string, string, Record<string, string>][] = [
    ['contact', 'query ($id: ID!) { contact(id: $id) { id } }', { id: 'contact' }],
    ['contactHistory', 'query ($id: ID!) { contactHistory(contactId: $id) { id } }', { id: 'contact' }],
    ['contactPersonalData', 'query ($id: ID!) { contactPersonalData(id: $id) }', { id: 'contact' }],
    ['contactBulkJob', 'query ($id: ID!) { contactBulkJob(id: $id) { id } }', { id: 'job' }],
    ['contactImport', 'query ($id: ID!) { contactImport(id: $id) { id } }', { id: 'import' }],
    [
      'contacts of its segment',
      'query ($id: ID!) { contacts(filter: { segmentId: $id }) { totalCount } }',
      { id: 'segment' },
    ],
    [
      'updateContact',
      'mutation ($id: ID!) { updateContact(input: { id: $id, name: "Diubah" }) { id } }',
      { id: 'contact' },
    ],
    ['optInContact', 'mutation ($id: ID!) { optInContact(id: $id) { id } }', { id: 'contact' }],
    [
      'resolveContactReview',
      'mutation ($id: ID!) { resolveContactReview(id: $id, decision: OPT_OUT) { id } }',
      { id: 'contact' },
    ],
    [
      'saveSegment',
      'mutation ($id: ID!) { saveSegment(input: { id: $id, name: "Diubah", filter: {} }) { id } }',
      { id: 'segment' },
    ],
    ['deleteSegment', 'mutation ($id: ID!) { deleteSegment(id: $id) }', { id: 'segment' }],
    [
      'startContactImport',
      `mutation ($id: ID!) { startContactImport(input: { importId: $id, mapping: { phone: 0 }, consentStatement: "${CONSENT}" }) { id } }`,
      { id: 'uploaded' },
    ],
  ];

  it.each(NOT_FOUND)(
    '%s with another workspace’s id is NOT_FOUND and changes nothing',
    async (name, query, variables) => {
      const before = await acmeRows();
      for (const caller of [globex.sessionToken, globexToken]) {
        const ids = Object.fromEntries(
          Object.entries(variables).map(([variable, key]) => [variable, acmeIds[key as keyof typeof acmeIds]]),
        );
        const body = await gql(api, caller, query, ids);
        // Opting back in is a person's act: a token is refused before any contact is looked up.
        const refusedFirst = name === 'optInContact' && caller === globexToken;
        expect(body.errors?.[0]?.extensions?.code).toBe(refusedFirst ? 'FORBIDDEN' : 'NOT_FOUND');
      }
      expect(await acmeRows()).toEqual(before);
    },
  );

  it.each([
    ['deleteContacts', 'mutation ($ids: [ID!]) { deleteContacts(selection: { ids: $ids }) { affected } }'],
    ['tagContacts', 'mutation ($ids: [ID!]) { tagContacts(selection: { ids: $ids }, tag: "x") { affected } }'],
    ['untagContacts', 'mutation ($ids: [ID!]) { untagContacts(selection: { ids: $ids }, tag: "acme") { affected } }'],
    ['optOutContacts', 'mutation ($ids: [ID!]) { optOutContacts(selection: { ids: $ids }) { affected } }'],
  ])('%s on another workspace’s contact ids affects none of them', async (name, mutation) => {
    const before = await acmeRows();
    const data = await ok<Record<string, { affected: number }>>(api, globex, mutation, { ids: [acmeIds.contact] });
    expect(data[name]!.affected).toBe(0);
    expect(await acmeRows()).toEqual(before);
  });

  it('lists, searches, exports and reads keywords of its own book only', async () => {
    expect((await listContacts(api, globex)).totalCount).toBe(0);
    expect((await listContacts(api, globex, { filter: { search: 'Acme' } })).totalCount).toBe(0);
    expect((await ok<{ segments: unknown[] }>(api, globex, '{ segments { id } }')).segments).toEqual([]);
    expect((await ok<{ optOutKeywords: string[] }>(api, globex, '{ optOutKeywords }')).optOutKeywords).toContain(
      'STOP',
    );
    const { exportContacts } = await ok<{ exportContacts: { url: string } }>(
      api,
      globex,
      'mutation { exportContacts { url } }',
    );
    const csv = await (await fetch(`${api.url}${exportContacts.url}`, { headers: as(globex) })).text();
    expect(csv).not.toContain('+62812100000');
  });

  it('cannot download another workspace’s report or export', async () => {
    for (const path of [acmeIds.report, acmeIds.export]) {
      const response = await fetch(`${api.url}${path}`, { headers: as(globex) });
      expect(response.status).toBe(404);
    }
    expect((await fetch(`${api.url}${acmeIds.report}`, { headers: as(acme) })).status).toBe(200);
  });

  it('runs its jobs over its own rows only: a delete-everything job and an import of the same number', async () => {
    const before = await acmeRows();
    await importFile(api, globex, 'phone,name\n0812 1000 0001,Globex Satu\n');
    const { deleteContacts } = await ok<{ deleteContacts: { job: { id: string } } }>(
      api,
      globex,
      'mutation { deleteContacts(selection: { filter: {} }) { job { id } } }',
    );
    await waitFor(async () => {
      const { rows } = await client.query('select status from contact_bulk_job where id = $1', [deleteContacts.job.id]);
      return rows[0]?.status === 'COMPLETED';
    });
    expect((await listContacts(api, globex)).totalCount).toBe(0);
    const after = await acmeRows();
    // Only the import's own bookkeeping rows differ (none of Acme's).
    expect(after).toEqual(before);
    expect((await listContacts(api, acme)).edges.map((edge) => edge.node.name).sort()).toEqual([
      'Acme Dua',
      'Acme Satu',
    ]);
  });

  it('cannot start an import from another workspace’s upload through the route either', async () => {
    const response = await fetch(`${api.url}/api/contacts/imports`, {
      method: 'POST',
      headers: { ...as(globex), 'content-type': 'text/csv' },
      body: 'phone\n0812 1000 0009\n',
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const body = await gql(api, acme, START_IMPORT, {
      input: { importId: id, mapping: { phone: 0 }, consentStatement: CONSENT },
    });
    expect(body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});
