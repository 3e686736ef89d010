import { workspaceEm } from '../../src/db/base.entity';
import { startMetaSimulator, type MetaSimulatorHandle } from '../../src/simulators/meta';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';
import { waitFor } from '../support/wait';
import { APP_ID, APP_SECRET, fixture, PHONE_NUMBER_ID, promo, send, TOKEN, WABA_ID } from './meta-support';

/**
 * The portal cannot tell the simulator from Meta: the simulator's signed webhooks, sent in real time to the
 * portal's real /api/webhooks/whatsapp, are verified, stored and applied as Meta's are.
 */
describe('the Meta simulator’s webhooks into the portal', () => {
  let meta: MetaSimulatorHandle;
  let api: TestApi;
  let owner: TestMember;

  beforeAll(async () => {
    meta = await startMetaSimulator({ port: 0, isProduction: false, appId: APP_ID, appSecret: APP_SECRET });
    meta.simulator.addAccount({
      wabaId: WABA_ID,
      token: TOKEN,
      numbers: [
        {
          id: PHONE_NUMBER_ID,
          displayPhoneNumber: '+62 811-0000-0000',
          verifiedName: 'Toko',
          qualityRating: 'GREEN',
          throughputLevel: 'STANDARD',
          isOnBizApp: false,
        },
      ],
      templates: (fixture('template-list-page.json') as { data: Record<string, unknown>[] }).data,
    });
    api = await startTestApi({
      env: { META_GRAPH_BASE_URL: meta.url, META_APP_ID: APP_ID, META_APP_SECRET: APP_SECRET },
    });
    meta.simulator.sends.configure({ webhooks: { url: `${api.url}/api/webhooks/whatsapp` } });
    const em = api.running.orm.em.fork();
    owner = await createMember(em, await createWorkspace(em, 'Toko Simulator'), 'owner');
    await api.running.services.channels.channels.connect(
      workspaceEm(api.running.orm.em, owner.workspace.id),
      owner.workspace.id,
      { name: 'Utama', phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID, accessToken: TOKEN },
    );
  });
  afterAll(async () => {
    await api.stop();
    await meta.close();
  });

  const sql = async <T>(text: string, params: unknown[] = []) =>
    api.running.orm.em.fork().getConnection().execute<T[]>(text, params);
  const statusOf = async (wamid: string) =>
    (
      await sql<{ status: string; pricing: unknown; errors: unknown; callback_data: string }>(
        'select status, pricing, errors, callback_data from message_status where wamid = ?',
        [wamid],
      )
    )[0];

  it('moves a sent message to read, keeping pricing and callback data', async () => {
    meta.simulator.sends.configure({ webhooks: { readShare: 1, deliveredDelayMs: 50, readDelayMs: 100 } });
    const accepted = await send(meta, promo('6281234567890', 'cm_sim:r_1'));
    const wamid = accepted.body.messages[0]!.id;
    await waitFor(() => meta.simulator.sends.webhooks.delivered === 3, { what: 'three statuses delivered' });
    await waitFor(async () => (await statusOf(wamid))?.status === 'read', { what: 'the message to be read' });
    expect(await statusOf(wamid)).toMatchObject({
      status: 'read',
      callback_data: 'cm_sim:r_1',
      pricing: { billable: true, pricing_model: 'PMP', category: 'marketing', type: 'regular' },
    });
    expect(meta.simulator.sends.webhooks.deliveries.every((delivery) => delivery.answer === 200)).toBe(true);
  });

  it('ends at read however duplicated and reordered the statuses arrive', async () => {
    meta.simulator.sends.reset();
    meta.simulator.sends.configure({
      webhooks: { readShare: 1, duplicateShare: 1, reorderShare: 1, deliveredDelayMs: 50, readDelayMs: 100 },
    });
    const wamid = (await send(meta, promo('6281234567893', 'cm_sim:r_3'))).body.messages[0]!.id;
    await waitFor(() => meta.simulator.sends.webhooks.delivered === 6, { what: 'six statuses delivered' });
    await waitFor(
      async () =>
        (
          await sql<{ count: number }>('select count(*)::int as count from whatsapp_webhook where applied_at is null')
        )[0]!.count === 0,
      { what: 'every webhook applied' },
    );
    expect(await statusOf(wamid)).toMatchObject({ status: 'read', callback_data: 'cm_sim:r_3' });
  });

  it('records an asynchronous failure with Meta’s error', async () => {
    meta.simulator.sends.reset();
    meta.simulator.sends.failSends({ code: 131026, mode: 'async', count: 1 });
    const wamid = (await send(meta, promo('6281234567891', 'cm_sim:r_2'))).body.messages[0]!.id;
    await waitFor(async () => (await statusOf(wamid))?.status === 'failed', { what: 'the failure to be applied' });
    expect(await statusOf(wamid)).toMatchObject({ errors: [expect.objectContaining({ code: 131026 })] });
  });

  it('stores an inbound reply on the contact, and applies a user_preferences stop', async () => {
    meta.simulator.sends.inbound({
      phoneNumberId: PHONE_NUMBER_ID,
      from: '6281234567892',
      name: 'Dewi',
      message: { type: 'text', body: 'Mau pesan dua' },
    });
    meta.simulator.sends.userPreference({ phoneNumberId: PHONE_NUMBER_ID, waId: '6281234567892', value: 'stop' });
    const contact = await waitFor(
      async () =>
        (
          await sql<{ id: string; marketing_opt_out_at: Date | null }>(
            "select id, marketing_opt_out_at from contact where workspace_id = ? and phone = '+6281234567892'",
            [owner.workspace.id],
          )
        ).find((row) => row.marketing_opt_out_at !== null),
      { what: 'the contact to be created and opted out of marketing' },
    );
    const replies = await sql<{ text: string }>('select text from contact_reply where contact_id = ?', [contact.id]);
    expect(replies.map((reply) => reply.text)).toEqual(['Mau pesan dua']);
  });
});
