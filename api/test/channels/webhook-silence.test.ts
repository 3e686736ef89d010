import { ManualClock } from '../../src/core/clock';
import { startMetaSimulator, type MetaSimulatorHandle } from '../../src/simulators/meta';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';
import { addAccount, allApplied, connect, deliveredBody, metaEnv, postWebhook, sql } from './support';

const PHONE_NUMBER_ID = '106540352242905';
const WABA_ID = '102290129340305';

const delivered = (wamid: string) => deliveredBody(PHONE_NUMBER_ID, WABA_ID, wamid);

/** The channel page's "no webhook" warning, and `last_webhook_at` kept without a write per POST. */
describe('webhook silence', () => {
  const clock = new ManualClock(new Date('2026-12-01T09:00:00Z'));
  let meta: MetaSimulatorHandle;
  let api: TestApi;
  let owner: TestMember;
  let channelId: string;

  beforeAll(async () => {
    meta = await startMetaSimulator({ port: 0, isProduction: false, appId: '1000000000000001' });
    addAccount(meta, WABA_ID, PHONE_NUMBER_ID, '7000000000305');
    api = await startTestApi({ env: metaEnv(meta), clock });
    const em = api.running.orm.em.fork();
    owner = await createMember(em, await createWorkspace(em, 'Toko Sunyi'), 'owner');
    channelId = (await connect(api, owner.workspace.id, WABA_ID, PHONE_NUMBER_ID)).id;
  });
  afterAll(async () => {
    await api.stop();
    await meta.close();
  });

  const silent = async () => {
    const { body } = await api.graphql<{ channels: { webhookSilent: boolean }[] }>(
      '{ channels { webhookSilent } }',
      {},
      { authorization: `Bearer ${owner.sessionToken}` },
    );
    return body.data!.channels[0]!.webhookSilent;
  };
  // Raw SQL answers timestamps as text.
  const lastWebhookAt = async () =>
    new Date(
      (await sql<{ at: string }>(api, 'select last_webhook_at as at from channel where id = ?', [channelId]))[0]!.at,
    );
  const webhook = async (wamid: string) => {
    expect((await postWebhook(api, delivered(wamid))).status).toBe(200);
    await allApplied(api);
  };
  const markSent = (at: Date) =>
    api.running.services.channels.channels.markSent(api.running.orm.em.fork(), channelId, at);

  it('warns when the channel sent a minute or more ago, within 10 minutes, and no webhook came since', async () => {
    expect(await silent()).toBe(false);
    await markSent(clock.now());
    // Webhooks take a second or so: no warning straight after the send.
    expect(await silent()).toBe(false);
    clock.advance(60_000);
    expect(await silent()).toBe(true);
    await webhook('wamid.silence-1');
    expect(await silent()).toBe(false);
  });

  it('stops warning 10 minutes after the last send', async () => {
    clock.advance(1_000);
    await markSent(clock.now());
    clock.advance(5 * 60_000);
    expect(await silent()).toBe(true);
    clock.advance(5 * 60_000 + 1);
    expect(await silent()).toBe(false);
  });

  it('writes last_webhook_at at most once per 10 s, except for the first webhook after a send', async () => {
    clock.advance(60_000);
    await webhook('wamid.touch-1');
    const first = await lastWebhookAt();
    expect(first).toEqual(clock.now());
    clock.advance(3_000);
    await webhook('wamid.touch-2');
    await webhook('wamid.touch-3');
    expect(await lastWebhookAt()).toEqual(first);
    // A send after the last recorded webhook: the next webhook is recorded at once.
    clock.advance(1_000);
    await markSent(clock.now());
    clock.advance(1_000);
    await webhook('wamid.touch-4');
    expect(await lastWebhookAt()).toEqual(clock.now());
    clock.advance(10_001);
    await webhook('wamid.touch-5');
    expect(await lastWebhookAt()).toEqual(clock.now());
  });

  it('hears the channel in every webhook of its WABA: account, template and capability updates, user_preferences', async () => {
    const wabaChange = (field: string, value: Record<string, unknown>) => ({
      object: 'whatsapp_business_account',
      entry: [{ id: WABA_ID, time: 1764576000, changes: [{ field, value }] }],
    });
    const bodies = [
      // Changes nothing else (GATEWAYS.md 1.5): only the liveness of the channel.
      wabaChange('account_update', { event: 'VOLUME_BASED_PRICING_TIER_UPDATE' }),
      wabaChange('message_template_status_update', {
        event: 'APPROVED',
        message_template_id: 999000111,
        message_template_name: 'not_synced_here',
        message_template_language: 'id',
        reason: 'NONE',
      }),
      wabaChange('business_capability_update', { max_daily_conversations_per_business: 2000 }),
      wabaChange('user_preferences', {
        messaging_product: 'whatsapp',
        metadata: { display_phone_number: '6281100000000', phone_number_id: PHONE_NUMBER_ID },
        user_preferences: [{ wa_id: '6281234500001', category: 'marketing_messages', value: 'resume' }],
      }),
    ];
    for (const body of bodies) {
      clock.advance(60_000);
      await markSent(clock.now());
      clock.advance(60_000);
      expect(await silent()).toBe(true);
      expect((await postWebhook(api, body)).status).toBe(200);
      await allApplied(api);
      expect(await lastWebhookAt()).toEqual(clock.now());
      expect(await silent()).toBe(false);
    }
    // Still coalesced: a second account update within 10 s of the last recorded one writes nothing.
    const recorded = await lastWebhookAt();
    clock.advance(3_000);
    expect((await postWebhook(api, bodies[0]!)).status).toBe(200);
    await allApplied(api);
    expect(await lastWebhookAt()).toEqual(recorded);
  });

  it('records a send at most once per 10 s, and never moves it back', async () => {
    const sentAt = async () =>
      new Date(
        (await sql<{ at: string }>(api, 'select last_sent_at as at from channel where id = ?', [channelId]))[0]!.at,
      );
    clock.advance(60_000);
    const first = clock.now();
    await markSent(first);
    await markSent(new Date(first.getTime() + 5_000));
    await markSent(new Date(first.getTime() - 60_000));
    expect(await sentAt()).toEqual(first);
    await markSent(new Date(first.getTime() + 10_001));
    expect(await sentAt()).toEqual(new Date(first.getTime() + 10_001));
  });

  // The status pass and the retention purge compare these times with the portal's clock: stamped by the
  // database's now() instead, a database host whose clock is off (or a test clock days behind) missed statuses
  // and kept bodies past their retention.
  it('stamps stored bodies and statuses with the portal’s clock, not the database’s', async () => {
    clock.set(new Date(Date.now() - 90 * 86_400_000));
    const at = clock.now();
    await webhook('wamid.clock-1');
    const [row] = await sql<{ received: string; updated: string }>(
      api,
      `select w.received_at as received, s.updated_at as updated from whatsapp_webhook w, message_status s
       where w.body like '%wamid.clock-1%' and s.wamid = 'wamid.clock-1'`,
    );
    expect([new Date(row!.received), new Date(row!.updated)]).toEqual([at, at]);
  });
});
