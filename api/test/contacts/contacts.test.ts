import { Client } from 'pg';
import { audienceWhere, type ContactsService, SuppressionKind } from '../../src/modules/contacts';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';
import { waitFor } from '../support/wait';
import { CREATE, gql, listContacts, ok, type ContactNode } from './support';

describe('the address book over GraphQL', () => {
  let api: TestApi;
  let owner: TestMember;
  let service: ContactsService;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi({ runJobs: true });
    service = api.running.services.contacts.contacts;
    const em = api.running.orm.em.fork();
    owner = await createMember(em, await createWorkspace(em), 'owner');
    const people: [string, string | null, string[], [string, string][]][] = [
      ['0812-1111-2222', 'Budi Santoso', ['vip', 'jakarta'], [['kota', 'Jakarta']]],
      ['0813 2222 3333', 'Siti Nurhaliza', ['vip'], [['kota', 'Bandung']]],
      ['+62 857 3333 4444', 'Agus Salim', ['bandung'], [['kota', 'Bandung']]],
      ['6281944445555', null, [], []],
      ['(0821) 5555 6666', 'Dewi Lestari', ['jakarta'], [['kota', 'Jakarta']]],
    ];
    for (const [phone, name, tags, attributes] of people) {
      const { createContact } = await ok<{ createContact: { id: string; phone: string } }>(api, owner, CREATE, {
        input: { phone, name, tags, attributes: attributes.map(([key, value]) => ({ key, value })) },
      });
      ids[name ?? 'nameless'] = createContact.id;
    }
  });
  afterAll(() => api.stop());

  it('stores every way of writing one number as one E.164 contact', async () => {
    const body = await gql(api, owner, CREATE, { input: { phone: '+62 812 1111 2222', name: 'Budi lagi' } }, 'id');
    expect(body.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'contacts.phoneTaken',
    });
    expect(body.errors![0]!.message).toBe('Kontak dengan nomor telepon ini sudah ada di buku alamat.');
    const all = await listContacts(api, owner);
    expect(all.edges.map((edge) => edge.node.phone).sort()).toEqual([
      '+6281211112222',
      '+6281322223333',
      '+6281944445555',
      '+6282155556666',
      '+6285733334444',
    ]);
    expect(all.totalCount).toBe(5);
    expect(all.totalCountIsEstimate).toBe(false);
  });

  it('makes one contact of one number added ten times at once, in ten spellings', async () => {
    const spellings = ['0812-9090-1111', '+62 812 9090 1111', '6281290901111', '81290901111', '(0812) 9090 1111'];
    const bodies = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        gql<{ createContact: { id: string } }>(api, owner, CREATE, { input: { phone: spellings[index % 5] } }),
      ),
    );
    expect(bodies.filter((body) => body.data?.createContact).length).toBe(1);
    expect(bodies.filter((body) => body.errors?.[0]?.extensions?.code === 'CONFLICT').length).toBe(9);
    const found = await listContacts(api, owner, { filter: { search: '0812 9090 1111' } });
    expect(found.totalCount).toBe(1);
    await ok(api, owner, 'mutation ($ids: [ID!]) { deleteContacts(selection: { ids: $ids }) { affected } }', {
      ids: [found.edges[0]!.node.id],
    });
  });

  it('refuses a fixed line with a localized reason on the phone field, and records nothing', async () => {
    const body = await gql(api, owner, CREATE, { input: { phone: '021-5551234' } }, 'id');
    expect(body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { phone: 'contacts.phone.notMobile' },
      fieldMessages: {
        phone: 'Ini bukan nomor ponsel (WhatsApp memerlukan nomor ponsel, bukan telepon rumah/kantor).',
      },
    });
    expect((await listContacts(api, owner)).totalCount).toBe(5);
  });

  it('records a consent given by hand, with who confirmed it and the statement', async () => {
    const { createContact } = await ok<{
      createContact: { source: string; consent: { source: string; statement: string; userId: string } };
    }>(api, owner, CREATE, { input: { phone: '0896 7777 8888', consentStatement: 'Setuju di kasir, 1 Des 2026' } });
    expect(createContact.source).toBe('MANUAL');
    expect(createContact.consent).toEqual({
      source: 'MANUAL',
      statement: 'Setuju di kasir, 1 Des 2026',
      userId: owner.user.id,
    });
    await ok(api, owner, 'mutation ($ids: [ID!]) { deleteContacts(selection: { ids: $ids }) { affected } }', {
      ids: [(await listContacts(api, owner, { filter: { search: '0896' } })).edges[0]!.node.id],
    });
  });

  const names = (edges: { node: ContactNode }[]) => edges.map((edge) => edge.node.name);

  it('finds by a name fragment, a phone fragment (0812 finds +62812), tags, attributes and suppression', async () => {
    expect(names((await listContacts(api, owner, { filter: { search: 'ant' } })).edges)).toEqual(['Budi Santoso']);
    expect(names((await listContacts(api, owner, { filter: { search: 'LESTA' } })).edges)).toEqual(['Dewi Lestari']);
    expect(names((await listContacts(api, owner, { filter: { search: '0813 2222' } })).edges)).toEqual([
      'Siti Nurhaliza',
    ]);
    expect(names((await listContacts(api, owner, { filter: { search: '3333' } })).edges).sort()).toEqual([
      'Agus Salim',
      'Siti Nurhaliza',
    ]);
    expect(names((await listContacts(api, owner, { filter: { tags: ['vip', 'jakarta'] } })).edges)).toEqual([
      'Budi Santoso',
    ]);
    expect(
      names((await listContacts(api, owner, { filter: { anyTags: ['bandung', 'jakarta'] } })).edges).sort(),
    ).toEqual(['Agus Salim', 'Budi Santoso', 'Dewi Lestari']);
    const bandung = await listContacts(api, owner, { filter: { attributes: [{ key: 'kota', value: 'Bandung' }] } });
    expect(names(bandung.edges).sort()).toEqual(['Agus Salim', 'Siti Nurhaliza']);
    expect((await listContacts(api, owner, { filter: { source: 'IMPORT' } })).totalCount).toBe(0);
    expect((await listContacts(api, owner, { filter: { createdAfter: '2099-01-01T00:00:00Z' } })).totalCount).toBe(0);
  });

  it('refuses searches too short to use the indexes, naming the minimum', async () => {
    const byName = await gql(api, owner, 'query { contacts(filter: { search: "Bu" }) { totalCount } }');
    expect(byName.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'filter.search': 'contacts.search.tooShortName' },
      fieldMessages: { 'filter.search': 'Type at least 3 characters of a name.' },
    });
    const byPhone = await gql(api, owner, 'query { contacts(filter: { search: "081" }) { totalCount } }', {}, 'id');
    expect(byPhone.errors![0]!.extensions).toMatchObject({
      fieldMessages: { 'filter.search': 'Ketik setidaknya 4 digit nomor.' },
    });
  });

  it('pages with cursors in every order, each contact once, nameless ones last by name', async () => {
    for (const orderBy of ['CREATED_DESC', 'CREATED_ASC', 'NAME_ASC', 'NAME_DESC', 'PHONE_ASC']) {
      const seen: ContactNode[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const page = await listContacts(api, owner, { first: 2, after, orderBy });
        seen.push(...page.edges.map((edge) => edge.node));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect({ orderBy, count: new Set(seen.map((node) => node.id)).size }).toEqual({ orderBy, count: 5 });
      if (orderBy === 'NAME_ASC')
        expect(seen.map((node) => node.name)).toEqual([
          'Agus Salim',
          'Budi Santoso',
          'Dewi Lestari',
          'Siti Nurhaliza',
          null,
        ]);
      if (orderBy === 'NAME_DESC')
        expect(seen.map((node) => node.name)).toEqual([
          'Siti Nurhaliza',
          'Dewi Lestari',
          'Budi Santoso',
          'Agus Salim',
          null,
        ]);
      if (orderBy === 'PHONE_ASC')
        expect(seen.map((node) => node.phone)).toEqual([...seen.map((node) => node.phone)].sort());
    }
    const bad = await gql(api, owner, 'query { contacts(after: "not-a-cursor") { totalCount } }');
    expect(bad.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { after: 'validation.cursor' },
    });
  });

  it('tags and untags a selection at once, and a whole filter as one job with progress', async () => {
    const tag = await ok<{ tagContacts: { affected: number; job: null } }>(
      api,
      owner,
      'mutation ($ids: [ID!]) { tagContacts(selection: { ids: $ids }, tag: "lebaran") { affected job { id } } }',
      { ids: [ids['Budi Santoso'], ids['Agus Salim']] },
    );
    expect(tag.tagContacts).toEqual({ affected: 2, job: null });
    const { tagContacts } = await ok<{ tagContacts: { affected: null; job: { id: string; status: string } } }>(
      api,
      owner,
      'mutation { tagContacts(selection: { filter: { tags: ["vip"] } }, tag: "gold") { affected job { id status } } }',
    );
    expect(tagContacts.affected).toBeNull();
    const done = await waitFor(async () => {
      const { contactBulkJob } = await ok<{
        contactBulkJob: { status: string; totalRows: number; processedRows: number };
      }>(api, owner, 'query ($id: ID!) { contactBulkJob(id: $id) { status totalRows processedRows } }', {
        id: tagContacts.job.id,
      });
      return contactBulkJob.status === 'COMPLETED' ? contactBulkJob : undefined;
    });
    expect(done).toEqual({ status: 'COMPLETED', totalRows: 2, processedRows: 2 });
    expect(names((await listContacts(api, owner, { filter: { tags: ['gold'] } })).edges).sort()).toEqual([
      'Budi Santoso',
      'Siti Nurhaliza',
    ]);
    const untag = await ok<{ untagContacts: { affected: number } }>(
      api,
      owner,
      'mutation ($ids: [ID!]) { untagContacts(selection: { ids: $ids }, tag: "lebaran") { affected } }',
      { ids: [ids['Budi Santoso'], ids['Siti Nurhaliza']] },
    );
    expect(untag.untagContacts.affected).toBe(1);
    const both = await gql(
      api,
      owner,
      'mutation { tagContacts(selection: { ids: [], filter: {} }, tag: "x") { affected } }',
    );
    expect(both.errors![0]!.extensions).toMatchObject({ fields: { selection: 'contacts.selectionOne' } });
  });

  it('keeps two suppressions apart, excludes them from audiences, and opts back in only on purpose', async () => {
    await ok(
      api,
      owner,
      'mutation ($ids: [ID!]) { optOutContacts(selection: { ids: $ids }, kind: ALL) { affected } }',
      {
        ids: [ids['Agus Salim']],
      },
    );
    await ok(
      api,
      owner,
      'mutation ($ids: [ID!]) { optOutContacts(selection: { ids: $ids }, kind: MARKETING) { affected } }',
      { ids: [ids['Dewi Lestari']] },
    );
    expect(names((await listContacts(api, owner, { filter: { suppression: 'OPTED_OUT' } })).edges)).toEqual([
      'Agus Salim',
    ]);
    expect(names((await listContacts(api, owner, { filter: { suppression: 'MARKETING_OPT_OUT' } })).edges)).toEqual([
      'Dewi Lestari',
    ]);
    expect((await listContacts(api, owner, { filter: { suppression: 'NONE' } })).totalCount).toBe(3);

    // What a campaign snapshots: a marketing template reaches neither; a utility one reaches Dewi.
    const audience = async (marketing: boolean) => {
      const where = audienceWhere(owner.workspace.id, {}, { marketing });
      const client = new Client({ connectionString: api.database.url });
      await client.connect();
      const { rows } = await client.query<{ name: string | null }>(
        `select c.name from contact c where ${where.conditions.join(' and ')} order by c.name`,
        where.values,
      );
      await client.end();
      return rows.map((row) => row.name);
    };
    expect(await audience(true)).toEqual(['Budi Santoso', 'Siti Nurhaliza', null]);
    expect(await audience(false)).toEqual(['Budi Santoso', 'Dewi Lestari', 'Siti Nurhaliza', null]);

    const optIn = await ok<{ optInContact: { optedOut: boolean } }>(
      api,
      owner,
      'mutation ($id: ID!) { optInContact(id: $id, kind: ALL) { optedOut } }',
      { id: ids['Agus Salim'] },
    );
    expect(optIn.optInContact.optedOut).toBe(false);
    const again = await gql(api, owner, 'mutation ($id: ID!) { optInContact(id: $id, kind: ALL) { optedOut } }', {
      id: ids['Agus Salim'],
    });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'contacts.notSuppressed' });
    const { contactHistory } = await ok<{ contactHistory: { kind: string; source: string; actorId: string }[] }>(
      api,
      owner,
      'query ($id: ID!) { contactHistory(contactId: $id) { kind source actorId } }',
      { id: ids['Agus Salim'] },
    );
    expect(contactHistory).toEqual([
      { kind: 'OPTED_IN', source: 'MANUAL', actorId: owner.user.id },
      { kind: 'OPTED_OUT', source: 'MANUAL', actorId: owner.user.id },
    ]);
    const audit = await ok<{ auditLog: { items: { action: string; target: string }[] } }>(
      api,
      owner,
      '{ auditLog { items { action target } } }',
    );
    expect(audit.auditLog.items).toContainEqual({ action: 'contact.opted-in', target: ids['Agus Salim'] });
  });

  it('acts on a whole-message keyword reply, flags a sentence for review, and ignores the rest', async () => {
    const em = api.running.orm.em.fork();
    const workspaceId = owner.workspace.id;
    expect(await service.handleReply(em, workspaceId, ids['Siti Nurhaliza']!, 'tolong berhenti kirim')).toEqual({
      kind: 'REVIEW',
      keyword: 'BERHENTI',
    });
    expect((await service.get(em, workspaceId, ids['Siti Nurhaliza']!)).opted_out_at).toBeNull();
    expect(await service.handleReply(em, workspaceId, ids['Siti Nurhaliza']!, 'STOPKONTAK')).toEqual({ kind: 'NONE' });
    expect(await service.handleReply(em, workspaceId, ids['Siti Nurhaliza']!, 'BERHENTI 🙏')).toMatchObject({
      kind: 'OPT_OUT',
    });
    const siti = await service.get(em, workspaceId, ids['Siti Nurhaliza']!);
    expect(siti.opted_out_source).toBe('KEYWORD');
    const history = await service.history(em, workspaceId, ids['Siti Nurhaliza']!, 10);
    expect(history.map((entry) => entry.kind)).toEqual(['OPTED_OUT', 'KEYWORD_REVIEW']);
  });

  it('finds the contact a WhatsApp message came from by Meta’s ids, or adds the number as INBOUND', async () => {
    const em = api.running.orm.em.fork();
    const workspaceId = owner.workspace.id;
    // Budi is in the book: his number links Meta's ids to him.
    expect(
      await service.inboundContact(em, workspaceId, { phone: '6281211112222', waId: '6281211112222', userId: 'ID.1' }),
    ).toEqual({
      id: ids['Budi Santoso'],
      created: false,
    });
    expect(await service.inboundContact(em, workspaceId, { userId: 'ID.1' })).toEqual({
      id: ids['Budi Santoso'],
      created: false,
    });
    const stranger = await service.inboundContact(em, workspaceId, { phone: '6289977778888', waId: '6289977778888' });
    expect(stranger?.created).toBe(true);
    const row = await service.get(em, workspaceId, stranger!.id);
    expect({ phone: row.phone, source: row.source, waId: row.wa_id }).toEqual({
      phone: '+6289977778888',
      source: 'INBOUND',
      waId: '6289977778888',
    });
    expect(await service.inboundContact(em, workspaceId, { phone: '622155512345' })).toBeUndefined();
    await api.running.services.contacts.contactBulk.erase(em, workspaceId, [stranger!.id]);
  });

  it('lets a user_preferences resume clear only the marketing stop it set', async () => {
    const em = api.running.orm.em.fork();
    const workspaceId = owner.workspace.id;
    const budi = ids['Budi Santoso']!;
    expect(await service.applyUserPreference(em, workspaceId, budi, 'stop')).toBe(true);
    expect((await service.get(em, workspaceId, budi)).marketing_opt_out_source).toBe('USER_PREFERENCES');
    expect(await service.applyUserPreference(em, workspaceId, budi, 'resume')).toBe(true);
    expect((await service.get(em, workspaceId, budi)).marketing_opt_out_at).toBeNull();
    // Dewi was opted out of marketing by hand: Meta's resume does not undo a person's decision.
    expect(await service.applyUserPreference(em, workspaceId, ids['Dewi Lestari']!, 'resume')).toBe(false);
    expect((await service.get(em, workspaceId, ids['Dewi Lestari']!)).marketing_opt_out_source).toBe('MANUAL');
    await service.suppress(em, workspaceId, [budi], SuppressionKind.MARKETING, 'META_131050', null);
    expect(await service.applyUserPreference(em, workspaceId, budi, 'resume')).toBe(false);
  });

  it('edits the workspace’s opt-out keywords', async () => {
    expect((await ok<{ optOutKeywords: string[] }>(api, owner, '{ optOutKeywords }')).optOutKeywords).toEqual([
      'STOP',
      'BERHENTI',
      'UNSUBSCRIBE',
      'UNSUB',
      'STOP PROMO',
      'BERHENTI LANGGANAN',
    ]);
    const set = await ok<{ setOptOutKeywords: string[] }>(
      api,
      owner,
      'mutation { setOptOutKeywords(keywords: ["stop", " Jangan kirim! ", "STOP"]) }',
    );
    expect(set.setOptOutKeywords).toEqual(['STOP', 'JANGAN KIRIM']);
    expect(
      await service.handleReply(api.running.orm.em.fork(), owner.workspace.id, ids['nameless']!, 'berhenti'),
    ).toEqual({
      kind: 'NONE',
    });
    const empty = await gql(api, owner, 'mutation { setOptOutKeywords(keywords: ["!!!"]) }');
    expect(empty.errors![0]!.extensions).toMatchObject({ fields: { keywords: 'contacts.keywordsEmpty' } });
  });

  it('saves segments and uses one as a filter', async () => {
    const { saveSegment } = await ok<{ saveSegment: { id: string; name: string; filterJson: string } }>(
      api,
      owner,
      'mutation { saveSegment(input: { name: "Bandung", filter: { attributes: [{ key: "kota", value: "Bandung" }] } }) { id name filterJson } }',
    );
    expect(JSON.parse(saveSegment.filterJson)).toEqual({ attributes: [{ key: 'kota', value: 'Bandung' }] });
    const taken = await gql(api, owner, 'mutation { saveSegment(input: { name: "bandung", filter: {} }) { id } }');
    expect(taken.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'contacts.segmentNameTaken' });
    const inSegment = await listContacts(api, owner, { filter: { segmentId: saveSegment.id } });
    expect(names(inSegment.edges).sort()).toEqual(['Agus Salim', 'Siti Nurhaliza']);
    const narrowed = await listContacts(api, owner, { filter: { segmentId: saveSegment.id, search: 'Agus' } });
    expect(names(narrowed.edges)).toEqual(['Agus Salim']);
    expect((await ok<{ segments: { name: string }[] }>(api, owner, '{ segments { name } }')).segments).toEqual([
      { name: 'Bandung' },
    ]);
    await ok(api, owner, 'mutation ($id: ID!) { deleteSegment(id: $id) }', { id: saveSegment.id });
    expect((await ok<{ segments: unknown[] }>(api, owner, '{ segments { name } }')).segments).toEqual([]);
  });

  it('exports the current filter as a streamed CSV download for the same workspace only', async () => {
    const { exportContacts } = await ok<{ exportContacts: { url: string } }>(
      api,
      owner,
      'mutation { exportContacts(filter: { tags: ["jakarta"] }) { url expiresAt } }',
    );
    const response = await fetch(`${api.url}${exportContacts.url}`, {
      headers: { authorization: `Bearer ${owner.sessionToken}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('phone,name,tags,attributes,source,opted_out_at,marketing_opt_out_at,consent_at,created_at');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 2).join(','))).toEqual([
      '+6281211112222,Budi Santoso',
      '+6282155556666,Dewi Lestari',
    ]);
    const anonymous = await fetch(`${api.url}${exportContacts.url}`);
    expect(anonymous.status).toBe(401);
  });

  it('says a count past 10,000 is an estimate', async () => {
    const client = new Client({ connectionString: api.database.url });
    await client.connect();
    const em = api.running.orm.em.fork();
    const big = await createMember(em, await createWorkspace(em), 'owner');
    await client.query(
      `insert into contact (id, workspace_id, phone, tags, attributes, source, created_at, updated_at)
       select gen_random_uuid(), $1, '+62812' || lpad(n::text, 8, '0'), '{}', '{}', 'IMPORT', now(), now()
       from generate_series(1, 10050) n`,
      [big.workspace.id],
    );
    await client.query('analyze contact');
    await client.end();
    const page = await listContacts(api, big, { first: 10 });
    expect(page.totalCountIsEstimate).toBe(true);
    expect(page.totalCount).toBeGreaterThan(10_000);
    expect(page.edges).toHaveLength(10);
    const exact = await listContacts(api, big, { filter: { search: '08120000010' } });
    expect({ count: exact.totalCount, estimate: exact.totalCountIsEstimate }).toEqual({ count: 10, estimate: false });
  });

  it('opts out every contact a filter selects, in a job, for each kind of suppression', async () => {
    for (const [kind, suppression] of [
      ['MARKETING', 'MARKETING_OPT_OUT'],
      ['ALL', 'OPTED_OUT'],
    ] as const) {
      const tag = `keluar-${kind.toLowerCase()}`;
      await ok(api, owner, CREATE, {
        input: { phone: kind === 'ALL' ? '0812-7000-0001' : '0812-7000-0002', name: `Keluar ${kind}`, tags: [tag] },
      });
      const { optOutContacts } = await ok<{ optOutContacts: { job: { id: string } } }>(
        api,
        owner,
        'mutation ($tag: String!, $kind: SuppressionKind!) { optOutContacts(selection: { filter: { tags: [$tag] } }, kind: $kind) { job { id } } }',
        { tag, kind },
      );
      const done = await waitFor(async () => {
        const { contactBulkJob } = await ok<{ contactBulkJob: { status: string; processedRows: number } }>(
          api,
          owner,
          'query ($id: ID!) { contactBulkJob(id: $id) { status processedRows } }',
          { id: optOutContacts.job.id },
        );
        return contactBulkJob.status === 'QUEUED' || contactBulkJob.status === 'RUNNING' ? undefined : contactBulkJob;
      });
      expect(done).toEqual({ status: 'COMPLETED', processedRows: 1 });
      expect(names((await listContacts(api, owner, { filter: { tags: [tag], suppression } })).edges)).toEqual([
        `Keluar ${kind}`,
      ]);
    }
  });
});
