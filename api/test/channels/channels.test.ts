import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/config';
import { ManualClock } from '../../src/core/clock';
import { workspaceEm } from '../../src/db/base.entity';
import { createLogger } from '../../src/core/logger';
import { DeferredJobQueue } from '../../src/jobs/queue';
import { appModules } from '../../src/modules';
import { channelsModule } from '../../src/modules/channels';
import { buildServices } from '../../src/modules/manifest';
import { startMetaSimulator, type MetaSimulatorHandle } from '../../src/simulators/meta';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';

const APP_ID = '1000000000000001';
const TOKEN = 'EAAG-simulated-system-user-token-0001';
const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'meta', name), 'utf8')) as {
    data: Record<string, unknown>[];
  };

const CONNECT = `mutation ($input: ConnectChannelInput!) {
  connectChannel(input: $input) { id phoneNumberId wabaId portfolioId displayNumber throughput quality subscribed messagingLimit status }
}`;

/** Connecting, checking, updating and disconnecting channels and syncing templates, against the Meta simulator. */
describe('channels', () => {
  let meta: MetaSimulatorHandle;
  let api: TestApi;
  let owner: TestMember;
  let other: TestMember;
  let viewer: TestMember;

  beforeAll(async () => {
    meta = await startMetaSimulator({ port: 0, isProduction: false, appId: APP_ID });
    api = await startTestApi({ env: { META_GRAPH_BASE_URL: meta.url, META_APP_ID: APP_ID } });
    const em = api.running.orm.em.fork();
    const workspace = await createWorkspace(em, 'Toko Channel');
    owner = await createMember(em, workspace, 'owner');
    viewer = await createMember(em, workspace, 'viewer');
    other = await createMember(em, await createWorkspace(em, 'Toko Lain'), 'owner');
  });
  afterAll(async () => {
    await api.stop();
    await meta.close();
  });

  const gql = <T>(query: string, variables: Record<string, unknown> = {}, who = owner, language = 'en') =>
    api.graphql<T>(query, variables, { authorization: `Bearer ${who.sessionToken}`, 'accept-language': language });

  function account(wabaId: string, phoneNumberId: string, extra: Record<string, unknown> = {}) {
    return meta.simulator.addAccount({
      wabaId,
      token: TOKEN,
      portfolioId: `77${wabaId}`,
      messagingLimitTier: 'TIER_10K',
      numbers: [
        {
          id: phoneNumberId,
          displayPhoneNumber: '+62 812-3456-7890',
          verifiedName: 'Toko Channel',
          qualityRating: 'GREEN',
          throughputLevel: 'STANDARD',
          isOnBizApp: false,
        },
      ],
      ...extra,
    });
  }

  async function sealedToken(phoneNumberId: string): Promise<string> {
    const rows = await api.running.orm.em
      .fork()
      .getConnection()
      .execute<{ access_token_sealed: string }[]>('select access_token_sealed from channel where phone_number_id = ?', [
        phoneNumberId,
      ]);
    return rows[0]!.access_token_sealed;
  }

  it('connects a channel: subscribes the app to the WABA, learns the portfolio and its limit, seals the token', async () => {
    const simulated = account('102290129340398', '106540352242922');
    const { body } = await gql<{ connectChannel: Record<string, unknown> }>(CONNECT, {
      input: { name: 'Toko utama', phoneNumberId: '106540352242922', wabaId: '102290129340398', accessToken: TOKEN },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.connectChannel).toMatchObject({
      phoneNumberId: '106540352242922',
      wabaId: '102290129340398',
      portfolioId: '77102290129340398',
      displayNumber: '+62 812-3456-7890',
      throughput: 80,
      quality: 'GREEN',
      subscribed: true,
      messagingLimit: 10_000,
      status: 'CONNECTED',
    });
    expect(simulated.subscribedAppIds).toEqual([APP_ID]);
    const sealed = await sealedToken('106540352242922');
    expect(sealed).not.toContain(TOKEN);
    expect(sealed).toMatch(/^ct1\.[0-9a-f]{12}\./);
    expect(api.running.services.channels.tokens.open(sealed)).toBe(TOKEN);
  });

  it('shows today’s use of the portfolio’s limit: unique recipients in the rolling 24 h, and what is left', async () => {
    const portfolio = '77102290129340398';
    const use = async () =>
      (
        await gql<{
          channels: { messagingLimit: number; messagingLimitUsed: number; messagingLimitRemaining: number }[];
        }>('{ channels { messagingLimit messagingLimitUsed messagingLimitRemaining } }')
      ).body.data!.channels[0]!;
    expect(await use()).toEqual({ messagingLimit: 10_000, messagingLimitUsed: 0, messagingLimitRemaining: 10_000 });
    // Recipients the broadcast engine counted for the portfolio: three within 24 h, one 25 h ago (outside the window).
    const now = Date.now();
    const reached = [
      ['6281200000001', now - 60_000],
      ['6281200000002', now - 3_600_000],
      ['6281200000003', now - 23 * 3_600_000],
      ['6281200000004', now - 25 * 3_600_000],
    ] as const;
    const connection = api.running.orm.em.fork().getConnection();
    for (const [phone, at] of reached) {
      await connection.execute(
        'insert into portfolio_recipient (portfolio_id, phone_hash, window_start) values (?, ?, ?)',
        [portfolio, phone, new Date(at)],
      );
    }
    expect(await use()).toEqual({ messagingLimit: 10_000, messagingLimitUsed: 3, messagingLimitRemaining: 9_997 });
    // Over the limit (Meta lowered it): nothing left, never a negative number; unlimited has no remainder.
    await connection.execute('update business_portfolio set messaging_limit = 2 where id = ?', [portfolio]);
    expect(await use()).toEqual({ messagingLimit: 2, messagingLimitUsed: 3, messagingLimitRemaining: 0 });
    await connection.execute('update business_portfolio set messaging_limit = -1 where id = ?', [portfolio]);
    expect(await use()).toEqual({ messagingLimit: -1, messagingLimitUsed: 3, messagingLimitRemaining: null });
    await connection.execute('update business_portfolio set messaging_limit = 10000 where id = ?', [portfolio]);
    await connection.execute('delete from portfolio_recipient where portfolio_id = ?', [portfolio]);
  });

  it('counts no use of the limit when no module sends (the portal without campaigns): the whole limit is left', async () => {
    const portfolio = '77102290129340398';
    const connection = api.running.orm.em.fork().getConnection();
    await connection.execute(
      'insert into portfolio_recipient (portfolio_id, phone_hash, window_start) values (?, ?, ?)',
      [portfolio, '6281200000009', new Date(Date.now() - 60_000)],
    );
    // The modules up to channels, as an installation without the broadcast engine would build them.
    const withoutCampaigns = appModules.slice(0, appModules.indexOf(channelsModule) + 1);
    const services = buildServices(withoutCampaigns, {
      config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      clock: new ManualClock(new Date()),
      logger: createLogger('silent'),
      jobs: new DeferredJobQueue(),
    });
    const [alone] = await services.channels.channels.list(
      workspaceEm(api.running.orm.em.fork(), owner.workspace.id),
      owner.workspace.id,
    );
    expect(alone).toMatchObject({ portfolioId: portfolio, messagingLimit: 10_000, messagingLimitUsed: 0 });
    expect(alone!.messagingLimitRemaining).toBe(10_000);
    // The whole portal (campaigns provides the count) sees the recipient the engine counted.
    const whole = await gql<{ channels: { messagingLimitUsed: number; messagingLimitRemaining: number }[] }>(
      '{ channels { messagingLimitUsed messagingLimitRemaining } }',
    );
    expect(whole.body.data!.channels[0]).toEqual({ messagingLimitUsed: 1, messagingLimitRemaining: 9_999 });
    await connection.execute('delete from portfolio_recipient where portfolio_id = ?', [portfolio]);
  });

  it('never returns the access token through the API', async () => {
    const { body } = await gql<{ __type: { fields: { name: string }[] } }>(
      '{ __type(name: "ChannelView") { fields { name } } }',
    );
    const names = body.data!.__type.fields.map((field) => field.name.toLowerCase());
    expect(names.filter((name) => name.includes('token'))).toEqual([]);
  });

  it('refuses a number already connected, in any workspace, with a localized CONFLICT', async () => {
    const { body } = await gql(
      CONNECT,
      { input: { name: 'Lagi', phoneNumberId: '106540352242922', wabaId: '102290129340398', accessToken: TOKEN } },
      other,
      'id',
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'channels.phoneNumberTaken' });
    expect(body.errors?.[0]?.message).toBe('Nomor WhatsApp ini sudah terhubung di instalasi ini.');
    const { body: list } = await gql<{ channels: unknown[] }>('{ channels { id } }', {}, other);
    expect(list.data!.channels).toEqual([]);
  });

  it('refuses a number of another WABA the same token reaches, in both languages, before subscribing or storing', async () => {
    // One system-user token, two WABAs of the business: the number is the second's, the WABA id given the first's.
    const mine = account('102290129340410', '106540352242940');
    account('102290129340411', '106540352242941');
    const input = { name: 'Tertukar', phoneNumberId: '106540352242941', wabaId: '102290129340410', accessToken: TOKEN };
    for (const [language, message] of [
      [
        'en',
        'This phone number does not belong to that WhatsApp Business Account. Check both ids in WhatsApp Manager.',
      ],
      ['id', 'Nomor telepon ini bukan milik WhatsApp Business Account tersebut. Periksa kedua ID di WhatsApp Manager.'],
    ] as const) {
      const { body } = await gql(CONNECT, { input }, owner, language);
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { phoneNumberId: 'channels.numberNotInWaba' },
      });
      expect(body.errors?.[0]?.message).toBe(message);
    }
    expect(mine.subscribedAppIds).toEqual([]);
    const rows = await api.running.orm.em
      .fork()
      .getConnection()
      .execute<{ count: number }[]>(
        "select count(*)::int as count from channel where phone_number_id = '106540352242941'",
      );
    expect(rows[0]!.count).toBe(0);
    // With its own WABA the same number connects (and goes again: the tests below count this workspace's channels).
    const { body } = await gql<{ connectChannel: { id: string } }>(CONNECT, {
      input: { ...input, wabaId: '102290129340411' },
    });
    expect(body.errors).toBeUndefined();
    const gone = await gql<{ disconnectChannel: boolean }>('mutation ($id: ID!) { disconnectChannel(id: $id) }', {
      id: body.data!.connectChannel.id,
    });
    expect(gone.body.data!.disconnectChannel).toBe(true);
  });

  it('refuses a token Meta rejects, storing nothing and never echoing the token', async () => {
    account('102290129340400', '106540352242930');
    const { body } = await gql(CONNECT, {
      input: {
        name: 'Salah',
        phoneNumberId: '106540352242930',
        wabaId: '102290129340400',
        accessToken: 'EAAG-wrong-token-0000000000',
      },
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'channels.tokenRefused' });
    expect(JSON.stringify(body)).not.toContain('EAAG-wrong-token');
    const rows = await api.running.orm.em
      .fork()
      .getConnection()
      .execute<{ count: number }[]>(
        "select count(*)::int as count from channel where phone_number_id = '106540352242930'",
      );
    expect(rows[0]!.count).toBe(0);
  });

  it('answers 503-class SERVICE_UNAVAILABLE when Meta fails, and RATE_LIMITED on code 80007', async () => {
    account('102290129340401', '106540352242931');
    const input = { name: 'X', phoneNumberId: '106540352242931', wabaId: '102290129340401', accessToken: TOKEN };
    meta.simulator.failNext(2, 500, 'Service temporarily unavailable');
    const down = await gql(CONNECT, { input });
    expect(down.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    meta.simulator.failNext(80007, 400, 'Rate limit hit');
    const limited = await gql(CONNECT, { input });
    expect(limited.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('lets a viewer list channels but not connect, check or disconnect them', async () => {
    const list = await gql<{ channels: { phoneNumberId: string }[] }>('{ channels { phoneNumberId } }', {}, viewer);
    expect(list.body.data!.channels.map((channel) => channel.phoneNumberId)).toEqual(['106540352242922']);
    const id = (await gql<{ channels: { id: string }[] }>('{ channels { id } }')).body.data!.channels[0]!.id;
    const check = await gql('mutation ($id: ID!) { checkChannel(id: $id) { id } }', { id }, viewer);
    expect(check.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('checks a channel: sees a lost subscription, an upgraded throughput and a new portfolio limit', async () => {
    const simulated = meta.simulator.account('102290129340398')!;
    simulated.subscribedAppIds = [];
    simulated.messagingLimitTier = 'TIER_UNLIMITED';
    simulated.numbers[0]!.throughputLevel = 'HIGH';
    const id = (await gql<{ channels: { id: string }[] }>('{ channels { id } }')).body.data!.channels[0]!.id;
    const { body } = await gql<{ checkChannel: Record<string, unknown> }>(
      'mutation ($id: ID!) { checkChannel(id: $id) { subscribed throughput messagingLimit checkedAt } }',
      { id },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.checkChannel).toMatchObject({ subscribed: false, throughput: 1000, messagingLimit: -1 });
  });

  it('syncs templates following Meta’s paging, marks unsupported ones, and removes ones Meta dropped', async () => {
    const simulated = meta.simulator.account('102290129340398')!;
    const fromFixture = fixture('template-list-page.json').data;
    const many = Array.from({ length: 120 }, (_, index) => ({
      id: `55500000000${String(index).padStart(4, '0')}`,
      name: `zz_promo_${String(index).padStart(3, '0')}`,
      language: 'id',
      status: 'APPROVED',
      category: 'MARKETING',
      parameter_format: 'POSITIONAL',
      components: [{ type: 'BODY', text: 'Halo {{1}}' }],
    }));
    const carousel = {
      id: '5559999999999',
      name: 'katalog_carousel',
      language: 'id',
      status: 'APPROVED',
      category: 'MARKETING',
      components: [
        { type: 'BODY', text: 'Lihat' },
        { type: 'CAROUSEL', cards: [] },
      ],
    };
    simulated.templates = [...fromFixture, ...many, carousel];
    const id = (await gql<{ channels: { id: string }[] }>('{ channels { id } }')).body.data!.channels[0]!.id;
    const sync = await gql<{ syncTemplates: number }>('mutation ($id: ID!) { syncTemplates(channelId: $id) }', { id });
    expect(sync.body.errors).toBeUndefined();
    expect(sync.body.data!.syncTemplates).toBe(123);
    const pages = meta.simulator.calls.filter((call) => call.path.endsWith('/message_templates'));
    expect(pages.length).toBe(2);

    const list = await gql<{ templates: { edges: { node: Record<string, unknown> }[] } }>(
      '{ templates(first: 50) { edges { node { name language category parameterFormat status quality unsupported components } } } }',
    );
    const listed = list.body.data!.templates.edges.map((edge) => edge.node);
    const promo = listed.find((template) => template.name === 'promo_akhir_tahun')!;
    expect(promo).toMatchObject({
      category: 'MARKETING',
      parameterFormat: 'NAMED',
      status: 'APPROVED',
      quality: 'GREEN',
    });
    expect(JSON.parse(promo.components as string)).toEqual(fromFixture[0]!.components);
    const withCarousel = listed.find((template) => template.name === 'katalog_carousel')!;
    expect(withCarousel.unsupported).toBe('CAROUSEL');

    // Every one of the 123, 50 a page, in name then language order, each once, then no next page.
    const names: string[] = [];
    let after: string | null = null;
    let pagesRead = 0;
    for (;;) {
      type TemplatePage = {
        templates: {
          edges: { cursor: string; node: { name: string; language: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          totalCount: number;
          lastSyncedAt: string | null;
        };
      };
      const variables: Record<string, unknown> = { after };
      const response = await gql<TemplatePage>(
        'query ($after: String) { templates(first: 50, after: $after) { edges { cursor node { name language } } pageInfo { hasNextPage endCursor } totalCount lastSyncedAt } }',
        variables,
      );
      const page = response.body;
      expect(page.errors).toBeUndefined();
      const { edges, pageInfo, totalCount, lastSyncedAt } = page.data!.templates;
      expect(totalCount).toBe(123);
      expect(lastSyncedAt).not.toBeNull();
      names.push(...edges.map((edge) => `${edge.node.name}/${edge.node.language}`));
      pagesRead += 1;
      if (!pageInfo.hasNextPage) break;
      expect(pageInfo.endCursor).toBe(edges.at(-1)!.cursor);
      after = pageInfo.endCursor;
    }
    expect(pagesRead).toBe(3);
    expect(names).toHaveLength(123);
    expect(new Set(names).size).toBe(123);
    expect(names).toEqual([...names].sort());
    expect(names).toContain('zz_promo_119/id');
    // A cursor that is no template of the workspace is refused, in the reader's language.
    for (const [who, language] of [
      [owner, 'en'],
      [other, 'id'],
    ] as const) {
      const refused = await gql(
        'query ($after: String) { templates(first: 5, after: $after) { totalCount } }',
        { after: who === other ? after : '0190a000-0000-7000-8000-000000000000' },
        who,
        language,
      );
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    }

    simulated.templates = [fromFixture[1]!];
    await gql('mutation ($id: ID!) { syncTemplates(channelId: $id) }', { id });
    const resynced = await gql<{ templates: { edges: { node: { name: string } }[]; totalCount: number } }>(
      '{ templates { edges { node { name } } totalCount } }',
    );
    expect(resynced.body.data!.templates.edges.map((edge) => edge.node.name)).toEqual(['order_shipped']);
    expect(resynced.body.data!.templates.totalCount).toBe(1);
    // Another workspace sees none of them.
    const foreign = await gql<{ templates: { edges: unknown[]; totalCount: number } }>(
      '{ templates { edges { cursor } totalCount } }',
      {},
      other,
    );
    expect(foreign.body.data!.templates).toEqual({ edges: [], totalCount: 0 });
  });

  it('replaces the token only with one Meta accepts for the number', async () => {
    const id = (await gql<{ channels: { id: string }[] }>('{ channels { id } }')).body.data!.channels[0]!.id;
    const before = await sealedToken('106540352242922');
    const bad = await gql(
      'mutation ($id: ID!, $input: UpdateChannelInput!) { updateChannel(id: $id, input: $input) { id } }',
      { id, input: { accessToken: 'EAAG-another-wrong-token-000' } },
    );
    expect(bad.body.errors?.[0]?.extensions?.messageKey).toBe('channels.tokenRefused');
    expect(await sealedToken('106540352242922')).toBe(before);
    const renamed = await gql<{ updateChannel: { name: string } }>(
      'mutation ($id: ID!, $input: UpdateChannelInput!) { updateChannel(id: $id, input: $input) { name } }',
      { id, input: { name: 'Toko pusat' } },
    );
    expect(renamed.body.data!.updateChannel.name).toBe('Toko pusat');
  });

  it('disconnects a channel (another workspace cannot), freeing the number', async () => {
    const id = (await gql<{ channels: { id: string }[] }>('{ channels { id } }')).body.data!.channels[0]!.id;
    const foreign = await gql('mutation ($id: ID!) { disconnectChannel(id: $id) }', { id }, other);
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const done = await gql<{ disconnectChannel: boolean }>('mutation ($id: ID!) { disconnectChannel(id: $id) }', {
      id,
    });
    expect(done.body.data!.disconnectChannel).toBe(true);
    expect((await gql<{ channels: unknown[] }>('{ channels { id } }')).body.data!.channels).toEqual([]);
    const left = await gql<{ templates: { totalCount: number } }>('{ templates { totalCount } }');
    expect(left.body.data!.templates.totalCount).toBe(0);
    const reconnect = await gql<{ connectChannel: { id: string } }>(
      CONNECT,
      { input: { name: 'Pindah', phoneNumberId: '106540352242922', wabaId: '102290129340398', accessToken: TOKEN } },
      other,
    );
    expect(reconnect.body.errors).toBeUndefined();
  });

  it('gives a number also on the WhatsApp Business app (coexistence) 20 msg/s, on connect and on every check', async () => {
    account('102290129340500', '106540352242950', {
      numbers: [
        {
          id: '106540352242950',
          displayPhoneNumber: '+62 812-3456-7950',
          verifiedName: 'Toko Coexistence',
          qualityRating: 'GREEN',
          throughputLevel: 'STANDARD',
          isOnBizApp: true,
        },
      ],
    });
    const { body } = await gql<{ connectChannel: { id: string; throughput: number } }>(CONNECT, {
      input: { name: 'HP toko', phoneNumberId: '106540352242950', wabaId: '102290129340500', accessToken: TOKEN },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.connectChannel.throughput).toBe(20);
    // Meta's throughput level does not lift a coexistence number: still 20 after a check that reads HIGH.
    meta.simulator.account('102290129340500')!.numbers[0]!.throughputLevel = 'HIGH';
    const checked = await gql<{ checkChannel: { throughput: number } }>(
      'mutation ($id: ID!) { checkChannel(id: $id) { throughput } }',
      { id: body.data!.connectChannel.id },
    );
    expect(checked.body.errors).toBeUndefined();
    expect(checked.body.data!.checkChannel.throughput).toBe(20);
    await gql('mutation ($id: ID!) { disconnectChannel(id: $id) }', { id: body.data!.connectChannel.id });
  });
});
