import { Client } from 'pg';
import type { ContactsService } from '../../src/modules/contacts';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';
import { CREATE, importFile, listContacts, ok } from './support';

const OPT_OUT =
  'mutation ($ids: [ID!], $kind: SuppressionKind) { optOutContacts(selection: { ids: $ids }, kind: $kind) { affected } }';
const ERASE = 'mutation ($ids: [ID!]) { deleteContacts(selection: { ids: $ids }) { affected } }';
const SUPPRESSION = `query ($id: ID!) { contact(id: $id) { phone source optedOut optedOutSource marketingOptOut marketingOptOutSource } }`;

describe('an erased suppressed number that comes back, and the source and date filters', () => {
  let api: TestApi;
  let service: ContactsService;
  let client: Client;

  beforeAll(async () => {
    api = await startTestApi({ runJobs: true });
    service = api.running.services.contacts.contacts;
    client = new Client({ connectionString: api.database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await api.stop();
  });

  async function freshOwner(): Promise<TestMember> {
    const em = api.running.orm.em.fork();
    return createMember(em, await createWorkspace(em), 'owner');
  }

  /** Adds a number, suppresses it both ways, and erases it: what remains is its hashed suppression. */
  async function eraseSuppressed(owner: TestMember, phone: string) {
    const { createContact } = await ok<{ createContact: { id: string } }>(api, owner, CREATE, {
      input: { phone, name: 'Sudah Berhenti' },
    });
    await ok(api, owner, OPT_OUT, { ids: [createContact.id], kind: 'ALL' });
    await ok(api, owner, OPT_OUT, { ids: [createContact.id], kind: 'MARKETING' });
    await ok(api, owner, ERASE, { ids: [createContact.id] });
    expect((await listContacts(api, owner)).totalCount).toBe(0);
  }

  it('keeps an erased suppressed number suppressed when a person adds it again by hand', async () => {
    const owner = await freshOwner();
    await eraseSuppressed(owner, '0812 6600 0001');
    const { createContact } = await ok<{ createContact: { id: string } }>(api, owner, CREATE, {
      input: { phone: '+62 812 6600 0001', name: 'Kembali Lagi' },
    });
    const { contact } = await ok<{ contact: Record<string, unknown> }>(api, owner, SUPPRESSION, {
      id: createContact.id,
    });
    expect(contact).toEqual({
      phone: '+6281266000001',
      source: 'MANUAL',
      optedOut: true,
      optedOutSource: 'MANUAL',
      marketingOptOut: true,
      marketingOptOutSource: 'MANUAL',
    });
    // Another number added beside it is not caught by the hash.
    const other = await ok<{ createContact: { id: string } }>(api, owner, CREATE, {
      input: { phone: '0812 6600 0002' },
    });
    const fresh = await ok<{ contact: { optedOut: boolean; marketingOptOut: boolean } }>(api, owner, SUPPRESSION, {
      id: other.createContact.id,
    });
    expect(fresh.contact).toMatchObject({ optedOut: false, marketingOptOut: false });
  });

  it('keeps an erased suppressed number suppressed when it writes in on WhatsApp', async () => {
    const owner = await freshOwner();
    await eraseSuppressed(owner, '0812 6600 0003');
    // What the webhook does with an inbound message: Meta writes the number as digits without the plus.
    const inbound = await service.inboundContact(api.running.orm.em.fork(), owner.workspace.id, {
      phone: '6281266000003',
      waId: '6281266000003',
    });
    expect(inbound?.created).toBe(true);
    const { contact } = await ok<{ contact: Record<string, unknown> }>(api, owner, SUPPRESSION, { id: inbound!.id });
    expect(contact).toEqual({
      phone: '+6281266000003',
      source: 'INBOUND',
      optedOut: true,
      optedOutSource: 'MANUAL',
      marketingOptOut: true,
      marketingOptOutSource: 'MANUAL',
    });
    // The hash is per workspace: the same number writing to another workspace is a new, unsuppressed contact.
    const elsewhere = await freshOwner();
    const there = await service.inboundContact(api.running.orm.em.fork(), elsewhere.workspace.id, {
      phone: '6281266000003',
    });
    const theirs = await ok<{ contact: { optedOut: boolean } }>(api, elsewhere, SUPPRESSION, { id: there!.id });
    expect(theirs.contact.optedOut).toBe(false);
  });

  it('filters by source and by creation date, with contacts on both sides of each', async () => {
    const owner = await freshOwner();
    const names = (edges: { node: { name: string | null } }[]) => edges.map((edge) => edge.node.name).sort();
    for (const [phone, name] of [
      ['0813 7700 0001', 'Tangan Satu'],
      ['0813 7700 0002', 'Tangan Dua'],
    ])
      await ok(api, owner, CREATE, { input: { phone, name } });
    await importFile(api, owner, 'phone,name\n0813 7700 0003,Impor Tiga\n0813 7700 0004,Impor Empat\n');
    await service.inboundContact(api.running.orm.em.fork(), owner.workspace.id, { phone: '6281377000005' });

    expect(names((await listContacts(api, owner, { filter: { source: 'MANUAL' } })).edges)).toEqual([
      'Tangan Dua',
      'Tangan Satu',
    ]);
    expect(names((await listContacts(api, owner, { filter: { source: 'IMPORT' } })).edges)).toEqual([
      'Impor Empat',
      'Impor Tiga',
    ]);
    expect(names((await listContacts(api, owner, { filter: { source: 'INBOUND' } })).edges)).toEqual([null]);

    // Two of them joined the book in October 2020, the rest now.
    await client.query(`update contact set created_at = $2 where workspace_id = $1 and phone = any($3::text[])`, [
      owner.workspace.id,
      '2020-10-15T03:00:00Z',
      ['+6281377000001', '+6281377000003'],
    ]);
    const before = await listContacts(api, owner, { filter: { createdBefore: '2020-11-01T00:00:00Z' } });
    expect(names(before.edges)).toEqual(['Impor Tiga', 'Tangan Satu']);
    expect(before.totalCount).toBe(2);
    const after = await listContacts(api, owner, { filter: { createdAfter: '2020-11-01T00:00:00Z' } });
    expect(after.totalCount).toBe(3);
    // The bound is exclusive for createdBefore, inclusive for createdAfter: the same instant is on one side only.
    expect((await listContacts(api, owner, { filter: { createdBefore: '2020-10-15T03:00:00Z' } })).totalCount).toBe(0);
    expect(
      (
        await listContacts(api, owner, {
          filter: { createdAfter: '2020-10-15T03:00:00Z', createdBefore: '2020-11-01T00:00:00Z' },
        })
      ).totalCount,
    ).toBe(2);
    // Both filters at once.
    expect(
      names(
        (await listContacts(api, owner, { filter: { source: 'IMPORT', createdBefore: '2020-11-01T00:00:00Z' } })).edges,
      ),
    ).toEqual(['Impor Tiga']);
  });
});
