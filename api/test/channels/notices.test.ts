import { ManualClock } from '../../src/core/clock';
import { channelsModule, WEBHOOK_SILENCE_JOB } from '../../src/modules/channels';
import { startMetaSimulator, type MetaSimulatorHandle } from '../../src/simulators/meta';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';
import { countsOf, inboxOf } from '../support/notifications';
import { addAccount, allApplied, connect, deliveredBody, fixture, metaEnv, postWebhook } from './support';

const PHONE_NUMBER_ID = '106540352242907';
const WABA_ID = '102290129340307';
const OTHER_PHONE_NUMBER_ID = '106540352242908';
const OTHER_WABA_ID = '102290129340308';

/** One change of a WABA's webhook, as Meta wraps it. */
const change = (wabaId: string, field: string, value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: wabaId, time: 1764576000, changes: [{ field, value }] }],
});
const templateStatus = (event: string, template: string, reason: string | null = 'NONE') => {
  const { id, name, language } = fixture<{ data: { id: string; name: string; language: string }[] }>(
    'template-list-page.json',
  ).data.find((candidate) => candidate.name === template)!;
  return change(WABA_ID, 'message_template_status_update', {
    event,
    message_template_id: Number(id),
    message_template_name: name,
    message_template_language: language,
    reason,
  });
};
const capability = (limit: number) =>
  change(WABA_ID, 'business_capability_update', { max_daily_conversations_per_business: limit });

/**
 * What Meta's webhooks and their silence tell the members (issue 20 point 3): a rejected or paused template, a new
 * messaging limit, a channel that hears no webhooks. Each told once to the members whose role the notification
 * concerns (by permission, written here from the built-in roles), however often Meta delivers the event.
 */
describe('notifications from the channels', () => {
  const clock = new ManualClock(new Date('2026-12-01T09:00:00Z'));
  let meta: MetaSimulatorHandle;
  let api: TestApi;
  let members: Record<'owner' | 'operator' | 'finance' | 'viewer' | 'stranger', TestMember>;
  let channelId: string;

  beforeAll(async () => {
    meta = await startMetaSimulator({ port: 0, isProduction: false, appId: '1000000000000001' });
    addAccount(meta, WABA_ID, PHONE_NUMBER_ID, '7000000000307');
    addAccount(meta, OTHER_WABA_ID, OTHER_PHONE_NUMBER_ID, '7000000000308');
    api = await startTestApi({ env: metaEnv(meta), clock });
    const em = api.running.orm.em.fork();
    const workspace = await createWorkspace(em, 'Toko Kabar');
    const elsewhere = await createWorkspace(em, 'Toko Lain');
    members = {
      owner: await createMember(em, workspace, 'owner'),
      operator: await createMember(em, workspace, 'operator'),
      finance: await createMember(em, workspace, 'finance'),
      viewer: await createMember(em, workspace, 'viewer'),
      // Another workspace, on another WABA and portfolio.
      stranger: await createMember(em, elsewhere, 'owner'),
    };
    channelId = (await connect(api, workspace.id, WABA_ID, PHONE_NUMBER_ID)).id;
    await connect(api, elsewhere.id, OTHER_WABA_ID, OTHER_PHONE_NUMBER_ID);
  });
  afterAll(async () => {
    await api.stop();
    await meta.close();
  });

  const deliver = async (...bodies: object[]) => {
    for (const response of await Promise.all(bodies.map((body) => postWebhook(api, body)))) {
      expect(response.status).toBe(200);
    }
    await allApplied(api);
  };

  it('tells the template editors once when Meta rejects a template, with the reason in their language', async () => {
    const rejected = templateStatus('REJECTED', 'order_shipped', 'INVALID_FORMAT');
    // Meta delivers at least once: the same event twice at once, and once more later.
    await deliver(rejected, rejected);
    await deliver(rejected);
    expect(await countsOf(api, members, 'TEMPLATE_REJECTED')).toEqual({
      owner: 1,
      operator: 1,
      finance: 0,
      viewer: 0,
      stranger: 0,
    });
    const [english] = await inboxOf(api, members.operator, 'TEMPLATE_REJECTED');
    expect(english).toEqual({
      type: 'TEMPLATE_REJECTED',
      title: 'Template rejected',
      body: 'Meta rejected the template order_shipped (en): its format is not valid (check the variables and their samples).',
      link: '/templates',
    });
    const [indonesian] = await inboxOf(api, members.owner, 'TEMPLATE_REJECTED', 'id');
    expect(indonesian).toMatchObject({
      title: 'Template ditolak',
      body: 'Meta menolak template order_shipped (en): formatnya tidak valid (periksa variabel dan contohnya).',
    });
  });

  it('tells the template editors once per pause, however often Meta repeats it', async () => {
    const paused = templateStatus('PAUSED', 'promo_akhir_tahun', null);
    await deliver(paused, paused);
    await deliver(paused);
    expect(await countsOf(api, members, 'TEMPLATE_PAUSED')).toEqual({
      owner: 1,
      operator: 1,
      finance: 0,
      viewer: 0,
      stranger: 0,
    });
    expect((await inboxOf(api, members.owner, 'TEMPLATE_PAUSED'))[0]).toEqual({
      type: 'TEMPLATE_PAUSED',
      title: 'Template paused',
      body: 'Meta paused the template promo_akhir_tahun (id) because of low quality.',
      link: '/templates',
    });
    // Unpaused, then paused again (Meta's second pause): a new event, told again; the approval tells nothing.
    await deliver(templateStatus('APPROVED', 'promo_akhir_tahun'));
    await deliver(paused);
    expect((await countsOf(api, members, 'TEMPLATE_PAUSED')).owner).toBe(2);
    expect(await inboxOf(api, members.owner, 'TEMPLATE_REJECTED')).toHaveLength(1);
  });

  it('tells the senders once when Meta changes the messaging limit, and nothing when it repeats the one known', async () => {
    // The channel check learnt TIER_2K: Meta saying 2,000 again changes nothing.
    await deliver(capability(2000));
    expect((await countsOf(api, members, 'MESSAGING_LIMIT_CHANGED')).owner).toBe(0);
    await deliver(capability(10_000), capability(10_000));
    await deliver(capability(10_000));
    expect(await countsOf(api, members, 'MESSAGING_LIMIT_CHANGED')).toEqual({
      owner: 1,
      operator: 1,
      finance: 0,
      viewer: 0,
      stranger: 0,
    });
    expect((await inboxOf(api, members.operator, 'MESSAGING_LIMIT_CHANGED'))[0]).toEqual({
      type: 'MESSAGING_LIMIT_CHANGED',
      title: 'Messaging limit changed',
      body: 'Your business can now message 10,000 unique recipients per 24 hours.',
      link: '/channels',
    });
    await deliver(capability(-1));
    const [unlimited] = await inboxOf(api, members.owner, 'MESSAGING_LIMIT_CHANGED', 'id');
    expect(unlimited!.body).toBe('Bisnis Anda kini dapat mengirim ke jumlah tak terbatas penerima unik per 24 jam.');
    expect((await inboxOf(api, members.owner, 'MESSAGING_LIMIT_CHANGED'))[0]!.body).toBe(
      'Your business can now message an unlimited number of unique recipients per 24 hours.',
    );
  });

  describe('a channel that hears no webhooks', () => {
    const markSent = () =>
      api.running.services.channels.channels.markSent(api.running.orm.em.fork(), channelId, clock.now());
    // A run of the module's repeating job, as a worker runs it every minute.
    const pass = async () => {
      const job = channelsModule.jobs!(api.running.services.channels, { orm: api.running.orm }).find(
        (definition) => definition.name === WEBHOOK_SILENCE_JOB,
      )!;
      expect(job.repeatEveryMs).toBe(60_000);
      await job.handler({} as never);
    };
    const told = async () => (await countsOf(api, members, 'CHANNEL_NO_WEBHOOKS')).owner;
    const delivered = (wamid: string) => deliveredBody(PHONE_NUMBER_ID, WABA_ID, wamid);

    it('is told to the channel managers once per silence, from a minute after the send', async () => {
      clock.advance(15 * 60_000);
      await markSent();
      await pass();
      // Webhooks take a second or so: nothing to tell straight after the send.
      expect(await told()).toBe(0);
      clock.advance(61_000);
      await Promise.all([pass(), pass()]);
      await pass();
      expect(await countsOf(api, members, 'CHANNEL_NO_WEBHOOKS')).toEqual({
        owner: 1,
        operator: 0,
        finance: 0,
        viewer: 0,
        stranger: 0,
      });
      expect((await inboxOf(api, members.owner, 'CHANNEL_NO_WEBHOOKS'))[0]).toEqual({
        type: 'CHANNEL_NO_WEBHOOKS',
        title: 'No delivery updates',
        body: 'Utama sent messages but Meta has reported nothing about them for over a minute. Check the webhook.',
        link: '/channels',
      });
      // Still sending, still silent: the same silence, told already.
      clock.advance(20_000);
      await markSent();
      clock.advance(61_000);
      await pass();
      expect(await told()).toBe(1);
    });

    it('is told again after a webhook was heard and the channel went silent anew', async () => {
      clock.advance(1_000);
      await deliver(delivered('wamid.notice-heard-1'));
      await pass();
      expect(await told()).toBe(1);
      // A send answered by its webhook tells nothing.
      clock.advance(20_000);
      await markSent();
      clock.advance(1_000);
      await deliver(delivered('wamid.notice-heard-2'));
      clock.advance(61_000);
      await pass();
      expect(await told()).toBe(1);
      // Silent again: a new silence.
      clock.advance(20_000);
      await markSent();
      clock.advance(61_000);
      await pass();
      await pass();
      expect(await told()).toBe(2);
    });

    it('is told again when the channel sends into the silence after the warning lapsed', async () => {
      // Ten minutes without a send: the warning is over, though no webhook came.
      clock.advance(10 * 60_000);
      await pass();
      expect(await told()).toBe(2);
      await markSent();
      clock.advance(61_000);
      await pass();
      expect(await told()).toBe(3);
    });
  });
});
