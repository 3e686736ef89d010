import { startMetaSimulator, type MetaSimulatorHandle } from '../../src/simulators/meta';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';
import { addAccount, META_TOKEN, metaEnv, sql } from './support';

const PHONE_NUMBER_ID = '106540352242904';
const WABA_ID = '102290129340304';

/** Every change to a channel is in the workspace's audit log: who, which number, what changed; never the token. */
describe('channel changes in the audit log', () => {
  let meta: MetaSimulatorHandle;
  let api: TestApi;
  let owner: TestMember;

  beforeAll(async () => {
    meta = await startMetaSimulator({ port: 0, isProduction: false, appId: '1000000000000001' });
    addAccount(meta, WABA_ID, PHONE_NUMBER_ID, '7000000000304');
    api = await startTestApi({ env: metaEnv(meta) });
    const em = api.running.orm.em.fork();
    owner = await createMember(em, await createWorkspace(em, 'Toko Audit'), 'owner');
  });
  afterAll(async () => {
    await api.stop();
    await meta.close();
  });

  const gql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const { body } = await api.graphql<T>(query, variables, { authorization: `Bearer ${owner.sessionToken}` });
    expect(body.errors).toBeUndefined();
    return body.data!;
  };

  it('records connect, rename, token replacement, check, template sync and disconnect, by the member who did it', async () => {
    const { connectChannel } = await gql<{ connectChannel: { id: string } }>(
      `mutation ($input: ConnectChannelInput!) { connectChannel(input: $input) { id } }`,
      { input: { name: 'Toko utama', phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID, accessToken: META_TOKEN } },
    );
    const id = connectChannel.id;
    await gql(
      `mutation ($id: ID!, $t: String) { updateChannel(id: $id, input: { name: "Toko pusat", accessToken: $t }) { id } }`,
      {
        id,
        t: META_TOKEN,
      },
    );
    await gql(`mutation ($id: ID!) { checkChannel(id: $id) { id } }`, { id });
    await gql(`mutation ($id: ID!) { syncTemplates(channelId: $id) }`, { id });
    await gql(`mutation ($id: ID!) { disconnectChannel(id: $id) }`, { id });

    const entries = await sql<{ action: string; target: string; actor_id: string; details: Record<string, unknown> }>(
      api,
      "select action, target, actor_id, details from audit_log where workspace_id = ? and (action like 'channel.%' or action like 'templates.%') order by created_at, id",
      [owner.workspace.id],
    );
    expect(entries.map((entry) => entry.action)).toEqual([
      'channel.connected',
      'channel.tokenReplaced',
      'channel.renamed',
      'channel.checked',
      'templates.synced',
      'channel.disconnected',
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ target: id, actor_id: owner.user.id });
      expect(entry.details.number).toBe('+62 811-0000-0000');
    }
    expect(entries[2]!.details).toMatchObject({ from: 'Toko utama', to: 'Toko pusat' });
    expect(entries[3]!.details).toMatchObject({ subscribed: true, resumed: false });
    expect(entries[4]!.details).toMatchObject({ count: 2 });
    expect(JSON.stringify(entries)).not.toContain(META_TOKEN);
  });

  it('records nothing when Meta refuses the connection', async () => {
    const before = await sql<{ count: number }>(
      api,
      "select count(*)::int as count from audit_log where action = 'channel.connected'",
    );
    const { body } = await api.graphql(
      `mutation ($input: ConnectChannelInput!) { connectChannel(input: $input) { id } }`,
      {
        input: {
          name: 'Salah',
          phoneNumberId: PHONE_NUMBER_ID,
          wabaId: WABA_ID,
          accessToken: 'EAAG-a-token-meta-refuses-000',
        },
      },
      { authorization: `Bearer ${owner.sessionToken}` },
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const after = await sql<{ count: number }>(
      api,
      "select count(*)::int as count from audit_log where action = 'channel.connected'",
    );
    expect(after[0]!.count).toBe(before[0]!.count);
  });
});
