import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';
import {
  CONSENT,
  gql,
  importFile,
  listContacts,
  ok,
  START_IMPORT,
  upload,
  waitForImport,
  type ContactNode,
} from './support';

/**
 * CSV files a business really uploads, generated here: each imports correctly, or fails with
 * a reason and changes nothing.
 */
const LIMIT = 256 * 1024;

describe('CSV import', () => {
  let api: TestApi;
  let client: Client;

  beforeAll(async () => {
    api = await startTestApi({ runJobs: true, env: { CONTACT_IMPORT_MAX_BYTES: String(LIMIT) } });
    client = new Client({ connectionString: api.database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await api.stop();
  });

  async function freshOwner() {
    const em = api.running.orm.em.fork();
    return createMember(em, await createWorkspace(em), 'owner');
  }

  async function book(member: TestMember) {
    const { rows } = await client.query<{ phone: string; name: string | null; tags: string[] }>(
      'select phone, name, tags from contact where workspace_id = $1 order by phone',
      [member.workspace.id],
    );
    return rows;
  }

  async function everyContactRow() {
    return (await client.query('select * from contact order by id')).rows;
  }

  it('imports a UTF-8 file with a BOM, commas, quoted newlines and empty lines', async () => {
    const owner = await freshOwner();
    const file =
      '\uFEFFphone,name,tags\r\n0812-1111-0001,"Budi\nSantoso",vip|jakarta\r\n\r\n\n+62 813 1111 0002,Siti,\r\n';
    const result = await importFile(api, owner, file);
    expect(result).toMatchObject({
      status: 'COMPLETED',
      createdRows: 2,
      rejectedRows: 0,
      totalRows: 2,
      processedRows: 2,
    });
    expect(await book(owner)).toEqual([
      { phone: '+6281211110001', name: 'Budi\nSantoso', tags: ['jakarta', 'vip'] },
      { phone: '+6281311110002', name: 'Siti', tags: [] },
    ]);
    const { contacts } = await ok<{ contacts: { edges: { node: { source: string; consent: unknown } }[] } }>(
      api,
      owner,
      '{ contacts { edges { node { source consent { source statement importId userId } } } } }',
    );
    expect(contacts.edges[0]!.node).toEqual({
      source: 'IMPORT',
      consent: { source: 'IMPORT', statement: CONSENT, importId: result.id, userId: owner.user.id },
    });
  });

  it('writes a consent history entry with the confirmed statement for every new contact, not for existing ones', async () => {
    const owner = await freshOwner();
    await ok(api, owner, 'mutation { createContact(input: { phone: "0812 4444 0001", name: "Sudah Ada" }) { id } }');
    const result = await importFile(
      api,
      owner,
      'phone,name\n0812 4444 0001,Budi\n0812 4444 0002,Ani\n0812 4444 0003,Cici\n',
    );
    expect(result).toMatchObject({ status: 'COMPLETED', createdRows: 2, skippedRows: 1 });
    const listed = await listContacts(api, owner, {});
    const idOf = (phone: string) => listed.edges.find((edge) => edge.node.phone === phone)!.node.id;
    const historyOf = async (phone: string) =>
      (
        await ok<{ contactHistory: { kind: string; source: string; statement: string | null; actorId: string }[] }>(
          api,
          owner,
          'query ($id: ID!) { contactHistory(contactId: $id) { kind source statement actorId } }',
          { id: idOf(phone) },
        )
      ).contactHistory;
    const consented = { kind: 'CONSENT', source: 'IMPORT', statement: CONSENT, actorId: owner.user.id };
    expect(await historyOf('+6281244440002')).toEqual([consented]);
    expect(await historyOf('+6281244440003')).toEqual([consented]);
    // The contact already in the book keeps its own (empty) history: the import did not give it this consent.
    expect(await historyOf('+6281244440001')).toEqual([]);
  });

  it('detects semicolons and Indonesian column names, and gives every row the list’s tag', async () => {
    const owner = await freshOwner();
    const uploaded = await upload(
      api,
      owner,
      'Nama;Telepon;Kota\nBudi;0812 2222 0001;Bandung\nAni;0812 2222 0002;Medan\n',
    );
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      delimiter: ';',
      columns: ['Nama', 'Telepon', 'Kota'],
      preview: [
        ['Budi', '0812 2222 0001', 'Bandung'],
        ['Ani', '0812 2222 0002', 'Medan'],
      ],
      suggestedMapping: { phone: 1, name: 0, tags: null },
    });
    await ok(api, owner, START_IMPORT, {
      input: {
        importId: uploaded.body.id,
        mapping: { phone: 1, name: 0, attributes: [{ column: 2, key: 'kota' }] },
        tag: 'Daftar Desember',
        consentStatement: CONSENT,
      },
    });
    expect(await waitForImport(api, owner, uploaded.body.id)).toMatchObject({ status: 'COMPLETED', createdRows: 2 });
    const listed = await listContacts(api, owner, { filter: { tags: ['Daftar Desember'] } });
    expect(listed.edges.map((edge) => [edge.node.name, edge.node.attributes]).sort()).toEqual([
      ['Ani', [{ key: 'kota', value: 'Medan' }]],
      ['Budi', [{ key: 'kota', value: 'Bandung' }]],
    ]);
  });

  it('reads a headerless file and a file with a repeated column name (the first one counts)', async () => {
    const owner = await freshOwner();
    const headerless = await upload(api, owner, '0812 3333 0001,Budi\n0812 3333 0002,Ani\n');
    expect(headerless.body).toMatchObject({
      columns: ['#1', '#2'],
      preview: [
        ['0812 3333 0001', 'Budi'],
        ['0812 3333 0002', 'Ani'],
      ],
    });
    const repeated = await importFile(api, owner, 'phone,phone,name\n0812 3333 0003,0812 9999 9999,Cici\n');
    expect(repeated).toMatchObject({ status: 'COMPLETED', createdRows: 1 });
    expect(await book(owner)).toEqual([{ phone: '+6281233330003', name: 'Cici', tags: [] }]);
  });

  it('skips duplicates inside the file and keeps (SKIP) or takes (UPDATE) the book’s values', async () => {
    const owner = await freshOwner();
    await importFile(api, owner, 'phone,name\n0812 4444 0001,Budi\n');
    const skip = await importFile(
      api,
      owner,
      'phone,name\n0812 4444 0001,Budi Baru\n0812 4444 0002,Ani\n+62 812 4444 0002,Ani lagi\n',
      { tag: 'promo' },
    );
    expect(skip).toMatchObject({ status: 'COMPLETED', createdRows: 1, updatedRows: 0, skippedRows: 2 });
    expect(await book(owner)).toEqual([
      { phone: '+6281244440001', name: 'Budi', tags: ['promo'] },
      { phone: '+6281244440002', name: 'Ani', tags: ['promo'] },
    ]);
    const update = await importFile(api, owner, 'phone,name\n0812 4444 0001,Budi Baru\n', { duplicates: 'UPDATE' });
    expect(update).toMatchObject({ status: 'COMPLETED', createdRows: 0, updatedRows: 1, skippedRows: 0 });
    expect((await book(owner))[0]).toEqual({ phone: '+6281244440001', name: 'Budi Baru', tags: ['promo'] });
  });

  it('refuses the whole file when rows are rejected, and reports each with its line and reason', async () => {
    const owner = await freshOwner();
    const wide = Array.from({ length: 10_000 }, (_, index) => `c${index}`).join(',');
    const file = [
      'phone,name',
      '0812 5555 0001,Budi',
      '021-5551234,Kantor',
      '"0812 5555 0002","Ani',
      'Lestari"',
      ',Tanpa Nomor',
      `0812 5555 0003,${wide}`,
      '12345,Pendek',
    ].join('\n');
    const before = await everyContactRow();
    const refused = await importFile(api, owner, file);
    expect(refused).toMatchObject({
      status: 'FAILED',
      createdRows: 0,
      rejectedRows: 4,
      failure: '4 rows were rejected, so nothing was imported. Download the report, or import keeping the valid rows.',
    });
    expect(await everyContactRow()).toEqual(before);

    const report = await fetch(`${api.url}${refused.reportUrl}`, {
      headers: { authorization: `Bearer ${owner.sessionToken}`, 'accept-language': 'id' },
    });
    expect(report.status).toBe(200);
    expect(
      (await report.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/),
    ).toEqual([
      'Baris,Alasan,Nilai',
      '3,"Ini bukan nomor ponsel (WhatsApp memerlukan nomor ponsel, bukan telepon rumah/kantor).",021-5551234',
      '6,Nomor telepon tidak diisi.,',
      '7,Berkas memiliki lebih dari 200 kolom.,',
      '8,Nomor telepon ini terlalu pendek.,12345',
    ]);

    const kept = await importFile(api, owner, file, { keepValidRows: true });
    expect(kept).toMatchObject({ status: 'COMPLETED', createdRows: 2, rejectedRows: 4 });
    expect((await book(owner)).map((row) => row.name)).toEqual(['Budi', 'Ani\nLestari']);
  });

  it.each([
    ['a header-only file', Buffer.from('phone,name\n'), 400, 'contacts.import.noRows'],
    ['an empty file', Buffer.alloc(0), 400, 'contacts.import.empty'],
    ['only empty lines', Buffer.from('\n\n\r\n'), 400, 'contacts.import.empty'],
    [
      'binary garbage',
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), randomBytes(2000)]),
      400,
      'contacts.import.binary',
    ],
    [
      'a UTF-16 file',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('phone,name\n08123456789,Budi\n', 'utf16le')]),
      400,
      'contacts.import.utf16',
    ],
    ['UTF-16 without its BOM', Buffer.from('phone,name\n08123456789,Budi\n', 'utf16le'), 400, 'contacts.import.binary'],
    ['a Latin-1 file', Buffer.from('phone,name\n08123456789,José\n', 'latin1'), 400, 'contacts.import.notUtf8'],
    [
      'a header of 10,000 columns',
      Buffer.from(`${Array.from({ length: 10_000 }, (_, n) => `k${n}`).join(',')}\n1,2\n`),
      400,
      'contacts.import.tooManyColumns',
    ],
    [
      'a file over the upload limit',
      Buffer.from(`phone\n${'08123456789\n'.repeat(LIMIT / 12 + 10)}`),
      413,
      'errors.payloadTooLarge',
    ],
    ['an unclosed quote', Buffer.from('phone,name\n08123456789,"Budi\n'), 400, 'contacts.import.malformed'],
  ] as const)('refuses %s with a reason, and changes nothing', async (_what, file, status, messageKey) => {
    const owner = await freshOwner();
    const before = await everyContactRow();
    const imports = (await client.query('select count(*)::int as n from contact_import')).rows[0].n;
    const response = await upload(api, owner, file, { language: 'id' });
    expect(response.status).toBe(status);
    expect(response.body.error).toMatchObject({ messageKey });
    expect(String(response.body.error!.message)).not.toMatch(/^contacts\.|^errors\./);
    expect(await everyContactRow()).toEqual(before);
    expect((await client.query('select count(*)::int as n from contact_import')).rows[0].n).toBe(imports);
  });

  it('guards the upload like GraphQL: signed in, allowed, and a CSV', async () => {
    const owner = await freshOwner();
    const viewer = await createMember(api.running.orm.em.fork(), owner.workspace, 'viewer');
    expect((await upload(api, 'bzs_not-a-session', 'phone\n08123456789\n')).status).toBe(401);
    const forbidden = await upload(api, viewer, 'phone\n08123456789\n');
    expect(forbidden).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect((await upload(api, owner, '{"phone": 1}', { contentType: 'application/json' })).status).toBe(415);
  });

  it('refuses to start an import twice, or with a column the file does not have', async () => {
    const owner = await freshOwner();
    const uploaded = await upload(api, owner, 'phone\n0812 6666 0001\n');
    const unknown = await gql(api, owner, START_IMPORT, {
      input: { importId: uploaded.body.id, mapping: { phone: 3 }, consentStatement: CONSENT },
    });
    expect(unknown.errors![0]!.extensions).toMatchObject({ fields: { mapping: 'contacts.import.unknownColumn' } });
    await ok(api, owner, START_IMPORT, {
      input: { importId: uploaded.body.id, mapping: { phone: 0 }, consentStatement: CONSENT },
    });
    const twice = await gql(api, owner, START_IMPORT, {
      input: { importId: uploaded.body.id, mapping: { phone: 0 }, consentStatement: CONSENT },
    });
    expect(twice.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'contacts.import.alreadyStarted',
    });
    const done = await waitForImport(api, owner, uploaded.body.id);
    expect(done.status).toBe('COMPLETED');
    const { rows } = await client.query('select file from contact_import where id = $1', [uploaded.body.id]);
    expect(rows[0].file).toBeNull();
  });

  it('makes one contact of a number that two imports bring in at the same moment', async () => {
    const owner = await freshOwner();
    const rows = Array.from({ length: 2000 }, (_, n) => `0812 7${String(n).padStart(3, '0')} 0000,Orang ${n}`);
    // The second file lists the same numbers the other way round: loaded at once, the two upserts met each other's
    // rows in opposite orders and PostgreSQL failed one import as a deadlock (seen in CI with the same order too).
    const uploads = await Promise.all(
      [
        ['A', rows],
        ['B', [...rows].reverse()],
      ].map(([list, lines]) =>
        upload(api, owner, `phone,name\n${(lines as string[]).join('\n')}\n0812 9999 0000,Shared ${list as string}\n`),
      ),
    );
    await Promise.all(
      uploads.map((uploaded, index) =>
        ok(api, owner, START_IMPORT, {
          input: {
            importId: uploaded.body.id,
            mapping: { phone: 0, name: 1 },
            consentStatement: CONSENT,
            tag: `list-${index}`,
          },
        }),
      ),
    );
    const results = await Promise.all(uploads.map((uploaded) => waitForImport(api, owner, uploaded.body.id)));
    expect(results.map((result) => result.status)).toEqual(['COMPLETED', 'COMPLETED']);
    expect(results[0]!.createdRows + results[1]!.createdRows).toBe(2001);
    const shared = (await book(owner)).filter((row) => row.phone === '+6281299990000');
    expect(shared).toHaveLength(1);
    expect(shared[0]!.tags).toEqual(['list-0', 'list-1']);
    const count = await listContacts(api, owner, { first: 1 });
    expect(count.totalCount).toBe(2001);
  });

  it('keeps an erased suppressed number suppressed when it is imported again', async () => {
    const owner = await freshOwner();
    await importFile(api, owner, 'phone,name\n0812 8888 0001,Budi\n0812 8888 0002,Ani\n');
    const [budi, ani] = (await listContacts(api, owner, { orderBy: 'PHONE_ASC' })).edges.map((edge) => edge.node) as [
      ContactNode,
      ContactNode,
    ];
    await ok(api, owner, 'mutation ($ids: [ID!]) { optOutContacts(selection: { ids: $ids }) { affected } }', {
      ids: [budi.id],
    });
    await ok(api, owner, 'mutation ($ids: [ID!]) { deleteContacts(selection: { ids: $ids }) { affected } }', {
      ids: [budi.id, ani.id],
    });
    expect((await listContacts(api, owner)).totalCount).toBe(0);
    await importFile(api, owner, 'phone,name\n0812 8888 0001,Budi\n0812 8888 0002,Ani\n');
    const again = (await listContacts(api, owner, { orderBy: 'PHONE_ASC' })).edges.map((edge) => [
      edge.node.name,
      edge.node.optedOut,
    ]);
    expect(again).toEqual([
      ['Budi', true],
      ['Ani', false],
    ]);
  });
});
