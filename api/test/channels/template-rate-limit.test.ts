import { ManualClock } from '../../src/core/clock';
import { startMetaSimulator, type MetaSimulatorHandle } from '../../src/simulators/meta';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';
import { META_TOKEN, metaEnv } from './support';

const PHONE_NUMBER_ID = '106540352242906';
const WABA_ID = '102290129340306';

/** 250 templates: three pages of Meta's 100. */
const TEMPLATES = Array.from({ length: 250 }, (_, index) => ({
  id: String(3234567890120000 + index),
  name: `promo_${String(index).padStart(3, '0')}`,
  language: 'id',
  status: 'APPROVED',
  category: 'MARKETING',
  components: [{ type: 'BODY', text: 'Halo' }],
}));

/** Template sync within the management API's rate limit: a budget per WABA, and Meta's own limit answer respected. */
describe('template sync and Meta’s rate limit', () => {
  const clock = new ManualClock(new Date('2026-12-01T10:00:00Z'));
  let meta: MetaSimulatorHandle;
  let api: TestApi;
  let owner: TestMember;
  let channelId: string;

  beforeAll(async () => {
    meta = await startMetaSimulator({ port: 0, isProduction: false, appId: '1000000000000001' });
    meta.simulator.addAccount({
      wabaId: WABA_ID,
      token: META_TOKEN,
      portfolioId: '7000000000306',
      numbers: [
        {
          id: PHONE_NUMBER_ID,
          displayPhoneNumber: '+62 811-0000-0006',
          verifiedName: 'Toko',
          qualityRating: 'GREEN',
          throughputLevel: 'STANDARD',
          isOnBizApp: false,
        },
      ],
      templates: TEMPLATES,
    });
    // A budget of four calls an hour, so that the test reaches it.
    api = await startTestApi({ env: { ...metaEnv(meta), META_WABA_CALLS_PER_HOUR: '4' }, clock });
    const em = api.running.orm.em.fork();
    owner = await createMember(em, await createWorkspace(em, 'Toko Batas'), 'owner');
    const { body } = await sync(`mutation ($input: ConnectChannelInput!) { connectChannel(input: $input) { id } }`, {
      input: { name: 'Utama', phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID, accessToken: META_TOKEN },
    });
    channelId = (body.data as { connectChannel: { id: string } }).connectChannel.id;
  });
  afterAll(async () => {
    await api.stop();
    await meta.close();
  });

  function sync(query = `mutation ($id: ID!) { syncTemplates(channelId: $id) }`, variables?: Record<string, unknown>) {
    return api.graphql(query, variables ?? { id: channelId }, { authorization: `Bearer ${owner.sessionToken}` });
  }
  const templateCalls = () => meta.simulator.calls.filter((call) => call.path.endsWith('/message_templates')).length;

  it('spends one call per page, and refuses a sync the hour’s budget cannot pay for without calling Meta', async () => {
    const first = await sync();
    expect(first.body.data).toEqual({ syncTemplates: 250 });
    expect(templateCalls()).toBe(3);
    const refused = await sync();
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // The fourth call of the hour went out, the fifth did not.
    expect(templateCalls()).toBe(4);
    clock.advance(60 * 60_000);
    expect((await sync()).body.data).toEqual({ syncTemplates: 250 });
  });

  it('backs off for 15 minutes when Meta answers with its rate-limit code', async () => {
    clock.advance(60 * 60_000);
    meta.simulator.failNext(80007, 400, '(#80007) There have been too many calls to this WhatsApp Business account.');
    const limited = await sync();
    expect(limited.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const before = templateCalls();
    clock.advance(14 * 60_000);
    expect((await sync()).body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(templateCalls()).toBe(before);
    clock.advance(60_001);
    expect((await sync()).body.data).toEqual({ syncTemplates: 250 });
  });
});
