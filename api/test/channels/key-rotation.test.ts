import { rotateChannelSecrets, TokenBox } from '../../src/modules/channels';
import { startMetaSimulator, type MetaSimulatorHandle } from '../../src/simulators/meta';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';
import { runEntry } from '../support/processes';
import { metaEnv, sql } from './support';

const OLD_KEY = 'old-encryption-key-for-the-rotation-test-0001';
const NEW_KEY = 'new-encryption-key-for-the-rotation-test-0002';
const STRANGER_KEY = 'a-key-this-installation-never-had-000000003';
const NUMBERS = ['106540352242911', '106540352242912', '106540352242913', '106540352242914'];

/** `npm run channels:rotate-key`: every channel token and forwarding secret re-sealed under the new key, once. */
describe('rotating ENCRYPTION_KEY', () => {
  let meta: MetaSimulatorHandle;
  let api: TestApi;
  let owner: TestMember;
  let forwardingSecret: string;
  const tokenOf = (index: number) => `EAAG-rotation-test-token-000${index}`;

  beforeAll(async () => {
    meta = await startMetaSimulator({ port: 0, isProduction: false, appId: '1000000000000001' });
    NUMBERS.forEach((id, index) =>
      meta.simulator.addAccount({
        wabaId: `10229012934031${index}`,
        token: tokenOf(index),
        portfolioId: `70000000003${index}`,
        numbers: [
          {
            id,
            displayPhoneNumber: `+62 811-0000-001${index}`,
            verifiedName: 'Toko',
            qualityRating: 'GREEN',
            throughputLevel: 'STANDARD',
            isOnBizApp: false,
          },
        ],
      }),
    );
    api = await startTestApi({ env: { ...metaEnv(meta), ENCRYPTION_KEY: OLD_KEY } });
    const em = api.running.orm.em.fork();
    owner = await createMember(em, await createWorkspace(em, 'Toko Kunci'), 'owner');
    const gql = <T>(query: string, variables: Record<string, unknown>) =>
      api.graphql<T>(query, variables, { authorization: `Bearer ${owner.sessionToken}` });
    for (const [index, phoneNumberId] of NUMBERS.entries()) {
      const { body } = await gql(`mutation ($input: ConnectChannelInput!) { connectChannel(input: $input) { id } }`, {
        input: { name: `Nomor ${index}`, phoneNumberId, wabaId: `10229012934031${index}`, accessToken: tokenOf(index) },
      });
      expect(body.errors).toBeUndefined();
    }
    const { body } = await gql<{ setReplyForwarding: { secret: string } }>(
      `mutation { setReplyForwarding(url: "http://127.0.0.1:9/replies", enabled: true) { secret } }`,
      {},
    );
    forwardingSecret = body.data!.setReplyForwarding.secret;
    // One token sealed under a key the installation never had (restored from elsewhere, say).
    await sql(api, 'update channel set access_token_sealed = ? where phone_number_id = ?', [
      new TokenBox(STRANGER_KEY).seal('EAAG-unknown'),
      NUMBERS[3],
    ]);
  });
  afterAll(async () => {
    await api.stop();
    await meta.close();
  });

  const rotate = async () => {
    const cli = runEntry('db/channels-rotate-key-cli.ts', {
      DATABASE_URL: api.database.url,
      LOG_LEVEL: 'warn',
      ENCRYPTION_KEY: NEW_KEY,
      ENCRYPTION_KEY_PREVIOUS: OLD_KEY,
    });
    const { code } = await cli.exited;
    return { code, output: cli.output() };
  };
  const channels = () =>
    sql<{ phone_number_id: string; access_token_sealed: string; token_key_id: string }>(
      api,
      'select phone_number_id, access_token_sealed, token_key_id from channel order by phone_number_id',
    );

  it('re-seals every readable token and the forwarding secret under the new key, and says what it could not read', async () => {
    const fresh = new TokenBox(NEW_KEY);
    const { code, output } = await rotate();
    expect(output).toContain('3 channel token(s), 1 reply-forwarding secret(s)');
    expect(output).toContain('1 value(s) are sealed under neither');
    expect(output).not.toContain('EAAG');
    expect(code).toBe(1);
    const rows = await channels();
    for (const [index, row] of rows.slice(0, 3).entries()) {
      expect(TokenBox.keyIdOf(row.access_token_sealed)).toBe(fresh.keyId);
      expect(row.token_key_id).toBe(fresh.keyId);
      // Opened with the new key alone: the old one is no longer needed.
      expect(fresh.open(row.access_token_sealed)).toBe(tokenOf(index));
    }
    expect(TokenBox.keyIdOf(rows[3]!.access_token_sealed)).toBe(new TokenBox(STRANGER_KEY).keyId);
    const [forwarding] = await sql<{ secret_sealed: string }>(api, 'select secret_sealed from reply_forwarding');
    expect(fresh.open(forwarding!.secret_sealed)).toBe(forwardingSecret);
  });

  it('does nothing the second time', async () => {
    const before = await channels();
    const { output } = await rotate();
    expect(output).toContain('0 channel token(s), 0 reply-forwarding secret(s)');
    expect(await channels()).toEqual(before);
  });

  it('works through the rows in batches of the size asked for', async () => {
    const old = new TokenBox(OLD_KEY);
    for (const index of [0, 1, 2]) {
      await sql(api, 'update channel set access_token_sealed = ? where phone_number_id = ?', [
        old.seal(tokenOf(index)),
        NUMBERS[index],
      ]);
    }
    const box = new TokenBox(NEW_KEY, OLD_KEY);
    expect(await rotateChannelSecrets(api.running.orm.em.fork(), box, 1)).toEqual({
      channels: 3,
      forwardingSecrets: 0,
      unreadable: 1,
    });
    for (const [index, row] of (await channels()).slice(0, 3).entries()) {
      expect(new TokenBox(NEW_KEY).open(row.access_token_sealed)).toBe(tokenOf(index));
    }
  });

  it('answers a check and a sync of a channel whose token it cannot open with channels.tokenUnreadable, in each language, until the token is replaced', async () => {
    const [channel] = await sql<{ id: string }>(api, 'select id from channel where phone_number_id = ?', [NUMBERS[3]]);
    const gql = (query: string, variables: Record<string, unknown>, language = 'en') =>
      api.graphql(query, variables, { authorization: `Bearer ${owner.sessionToken}`, 'accept-language': language });
    const CHECK = 'mutation ($id: ID!) { checkChannel(id: $id) { id status } }';
    const SYNC = 'mutation ($id: ID!) { syncTemplates(channelId: $id) }';
    const calls = meta.simulator.calls.length;
    for (const query of [CHECK, SYNC]) {
      const english = (await gql(query, { id: channel!.id })).body;
      expect(english.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        messageKey: 'channels.tokenUnreadable',
        fields: { accessToken: 'channels.tokenUnreadable' },
      });
      expect(english.errors?.[0]?.message).toBe(
        'This installation can no longer read the stored access token for this number (its encryption key was changed). Replace the access token.',
      );
      const indonesian = (await gql(query, { id: channel!.id }, 'id')).body;
      expect(indonesian.errors?.[0]?.message).toBe(
        'Instalasi ini tidak dapat lagi membaca token akses yang tersimpan untuk nomor ini (kunci enkripsinya diganti). Ganti token aksesnya.',
      );
    }
    // Nothing went to Meta without a token.
    expect(meta.simulator.calls.length).toBe(calls);

    const replaced = await gql(
      'mutation ($id: ID!, $input: UpdateChannelInput!) { updateChannel(id: $id, input: $input) { id } }',
      {
        id: channel!.id,
        input: { accessToken: tokenOf(3) },
      },
    );
    expect(replaced.body.errors).toBeUndefined();
    expect((await gql(CHECK, { id: channel!.id })).body).toMatchObject({
      data: { checkChannel: { status: 'CONNECTED' } },
    });
  });
});
