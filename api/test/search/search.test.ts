import { randomBytes } from 'node:crypto';
import { newId } from '../../src/core/ids';
import { Permission, Role } from '../../src/modules/identity';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';

const SEARCH = `query ($query: String!, $first: Int) { search(query: $query, first: $first) { kind id title detail link rank } }`;

type Hit = { kind: string; id: string; title: string; detail: string; link: string; rank: number };

describe('the global search', () => {
  let api: TestApi;
  let owner: TestMember;
  let finance: TestMember;
  let operator: TestMember;
  let stranger: TestMember;
  let contactsOnly: TestMember;
  const campaignIds: Record<string, string> = {};
  const contactIds: Record<string, string> = {};

  const search = async (member: TestMember, query: string, first?: number) => {
    const response = await api.graphql<{ search: Hit[] }>(
      SEARCH,
      { query, first },
      { authorization: `Bearer ${member.sessionToken}` },
    );
    return response;
  };
  const hits = async (member: TestMember, query: string, first?: number) => {
    const response = await search(member, query, first);
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.search;
  };

  beforeAll(async () => {
    api = await startTestApi();
    const em = api.running.orm.em.fork();
    const workspace = await createWorkspace(em);
    owner = await createMember(em, workspace, 'owner');
    finance = await createMember(em, workspace, 'finance');
    operator = await createMember(em, workspace, 'operator');
    stranger = await createMember(em, await createWorkspace(em), 'owner');
    // A custom role that reads contacts and templates but not campaigns (every built-in role reads campaigns).
    const contactsReader = em.create(Role, {
      workspace,
      key: `custom-${randomBytes(4).toString('hex')}`,
      name: 'Contacts only',
      builtIn: false,
      permissions: [Permission.CONTACTS_READ, Permission.TEMPLATES_READ],
    });
    await em.flush();
    contactsOnly = await createMember(em, workspace, contactsReader);
    for (const [name, phone] of [
      ['Wulan', '0812-1111-2222'],
      ['Wulandari Putri', '0812-3333-4444'],
      ['Sari Wulandari', '0813-9988-7766'],
      ['Budi Santoso', '0857-1234-5678'],
    ] as const) {
      const created = await api.graphql<{ createContact: { id: string } }>(
        'mutation ($input: CreateContactInput!) { createContact(input: $input) { id } }',
        { input: { name, phone, consentStatement: 'Formulir toko' } },
        { authorization: `Bearer ${owner.sessionToken}` },
      );
      contactIds[name] = created.body.data!.createContact.id;
    }
    // The same name in another workspace, which no one here may find.
    await api.graphql(
      'mutation ($input: CreateContactInput!) { createContact(input: $input) { id } }',
      { input: { name: 'Wulan Lain', phone: '0812-5555-6666', consentStatement: 'Formulir' } },
      { authorization: `Bearer ${stranger.sessionToken}` },
    );
    const conn = em.getConnection();
    await conn.execute(
      `insert into payment_order (id, workspace_id, order_id, gross_amount, credit_amount, tax_amount, status, flagged,
         credited, reversed, expires_at, checks, created_at, updated_at)
       values (?, ?, 'BZ-TOPUP-20261201-WULAN', 150000, 150000, 0, 'PAID', false, 150000, 0, now(), 0, now(), now())`,
      [newId(), workspace.id],
    );
    await conn.execute(
      `insert into message_template (id, workspace_id, waba_id, meta_id, name, language, category, parameter_format,
         components, status, synced_at, created_at, updated_at)
       values (?, ?, '102290129340398', '9001', 'promo_wulan', 'id', 'MARKETING', 'POSITIONAL', '[]', 'APPROVED',
         now(), now(), now())`,
      [newId(), workspace.id],
    );
    // Campaigns written as rows (their launch is the campaigns tests' business): two here, one elsewhere.
    for (const [name, status, workspaceId] of [
      ['Wulan Desember', 'RUNNING', workspace.id],
      ['Promo Wulandari', 'DRAFT', workspace.id],
      ['Wulan Desember', 'COMPLETED', stranger.workspace.id],
    ] as const) {
      const id = newId();
      await conn.execute(
        `insert into campaign (id, workspace_id, name, status, created_at, updated_at) values (?, ?, ?, ?, now(), now())`,
        [id, workspaceId, name, status],
      );
      if (workspaceId === workspace.id) campaignIds[name] = id;
    }
  });
  afterAll(() => api.stop());

  it('ranks an exact name first, then names that start with the query, then names that contain it', async () => {
    const found = await hits(owner, 'wulan');
    expect(found.filter((hit) => hit.kind === 'CONTACT').map((hit) => [hit.title, hit.rank])).toEqual([
      ['Wulan', 3],
      ['Wulandari Putri', 2],
      ['Sari Wulandari', 1],
    ]);
    expect(found[0]).toMatchObject({
      kind: 'CONTACT',
      link: `/contacts/${contactIds.Wulan}`,
      detail: '+6281211112222',
    });
    // Every source the Owner may read answers, and nothing from the other workspace.
    expect(new Set(found.map((hit) => hit.kind))).toEqual(
      new Set(['CONTACT', 'CAMPAIGN', 'PAYMENT_ORDER', 'TEMPLATE']),
    );
    expect(found.map((hit) => hit.title)).not.toContain('Wulan Lain');
    expect(found.find((hit) => hit.kind === 'PAYMENT_ORDER')).toMatchObject({
      title: 'BZ-TOPUP-20261201-WULAN',
      link: '/wallet/receipts/BZ-TOPUP-20261201-WULAN',
    });
    expect(found.find((hit) => hit.kind === 'TEMPLATE')).toMatchObject({ title: 'promo_wulan', link: '/templates' });
  });

  it('finds campaigns by name with their status, ranked, only the workspace’s own', async () => {
    const found = (await hits(owner, 'wulan', 25)).filter((hit) => hit.kind === 'CAMPAIGN');
    expect(found).toEqual([
      {
        kind: 'CAMPAIGN',
        id: campaignIds['Wulan Desember'],
        title: 'Wulan Desember',
        detail: 'RUNNING',
        link: `/campaigns/${campaignIds['Wulan Desember']}`,
        rank: 2,
      },
      {
        kind: 'CAMPAIGN',
        id: campaignIds['Promo Wulandari'],
        title: 'Promo Wulandari',
        detail: 'DRAFT',
        link: `/campaigns/${campaignIds['Promo Wulandari']}`,
        rank: 1,
      },
    ]);
    // The stranger finds their own campaign of the same name, and none of this workspace's.
    const theirs = (await hits(stranger, 'wulan desember')).filter((hit) => hit.kind === 'CAMPAIGN');
    expect(theirs.map((hit) => [hit.detail, hit.rank])).toEqual([['COMPLETED', 3]]);
  });

  it('finds a draft made through the API by its whole name, ranked exact', async () => {
    const created = await api.graphql<{ createCampaign: { id: string } }>(
      'mutation { createCampaign(input: { name: "Natal Ceria" }) { id } }',
      {},
      { authorization: `Bearer ${owner.sessionToken}` },
    );
    expect(created.body.errors).toBeUndefined();
    const found = await hits(owner, 'natal ceria');
    expect(found).toEqual([
      expect.objectContaining({ kind: 'CAMPAIGN', title: 'Natal Ceria', detail: 'DRAFT', rank: 3 }),
    ]);
  });

  it('never shows campaigns to a reader without CAMPAIGNS_READ, though it finds the contacts it may read', async () => {
    const found = await hits(contactsOnly, 'wulan', 25);
    expect(found.filter((hit) => hit.kind === 'CAMPAIGN')).toEqual([]);
    expect(new Set(found.map((hit) => hit.kind))).toEqual(new Set(['CONTACT', 'TEMPLATE']));
    expect(await hits(contactsOnly, 'desember')).toEqual([]);
  });

  it('ranks a name that starts with the query above one that only contains it, whatever their letters', async () => {
    // "Sari Wulandari" sorts before "Wulandari Putri" by name; the prefix still wins, and the exact name comes first.
    const names = (await hits(owner, 'WULAN', 25)).filter((hit) => hit.kind === 'CONTACT').map((hit) => hit.title);
    expect(names).toEqual(['Wulan', 'Wulandari Putri', 'Sari Wulandari']);
  });

  it('finds a contact by a phone fragment typed the local way', async () => {
    const found = await hits(owner, '0813 998');
    expect(found.map((hit) => hit.title)).toEqual(['Sari Wulandari']);
  });

  it('searches only what the reader may read: Finance finds the order but never a contact', async () => {
    const found = await hits(finance, 'wulan', 25);
    // Finance reads campaigns (and their spend) and payments, never contacts or templates.
    expect(new Set(found.map((hit) => hit.kind))).toEqual(new Set(['CAMPAIGN', 'PAYMENT_ORDER']));
    expect(await hits(finance, '0813 998')).toEqual([]);
    // An Operator reads contacts and templates, not payments.
    const operatorKinds = new Set((await hits(operator, 'wulan')).map((hit) => hit.kind));
    expect(operatorKinds).toEqual(new Set(['CONTACT', 'CAMPAIGN', 'TEMPLATE']));
  });

  it('keeps to `first` and takes LIKE wildcards literally', async () => {
    expect(await hits(owner, 'wulan', 2)).toHaveLength(2);
    expect(await hits(owner, '%%%')).toEqual([]);
    expect(await hits(owner, 'w_lan')).toEqual([]);
  });

  it('refuses a one-character query or an oversized page with a clear error, and finds nothing for two', async () => {
    const short = await search(owner, 'w');
    expect(short.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const large = await search(owner, 'wulan', 26);
    expect(large.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await hits(owner, 'wu')).toEqual([]);
  });
});
