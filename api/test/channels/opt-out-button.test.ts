import { startMetaSimulator, type MetaSimulatorHandle } from '../../src/simulators/meta';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';
import { allApplied, connect, fixture, inboundBody, META_TOKEN, metaEnv, postWebhook, sql } from './support';

const PHONE_NUMBER_ID = '106540352242902';
const WABA_ID = '102290129340302';

/** Meta's template JSON for a marketing template with WhatsApp Manager's opt-out quick reply and another button. */
const PROMO_WITH_BUTTONS = {
  id: '2234567890123401',
  name: 'promo_flash_sale',
  language: 'id',
  status: 'APPROVED',
  category: 'MARKETING',
  parameter_format: 'POSITIONAL',
  components: [
    { type: 'BODY', text: 'Flash sale hari ini: diskon 50%!' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Ya, saya mau' },
        { type: 'QUICK_REPLY', text: 'Stop promotions' },
      ],
    },
  ],
};
const PROMO_ID_BUTTON = {
  ...PROMO_WITH_BUTTONS,
  id: '2234567890123402',
  name: 'promo_member',
  components: [
    { type: 'BODY', text: 'Promo khusus member.' },
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Berhenti promosi' }] },
  ],
};
/** A utility template's quick reply is never a marketing opt-out, whatever it says. */
const UTILITY_STOP = {
  ...PROMO_WITH_BUTTONS,
  id: '2234567890123403',
  name: 'order_update',
  category: 'UTILITY',
  components: [
    { type: 'BODY', text: 'Pesanan Anda dikirim.' },
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop updates' }] },
  ],
};

/** A button press on a marketing template's opt-out button opts the contact out of marketing (not of everything). */
describe('opting out by button', () => {
  let meta: MetaSimulatorHandle;
  let api: TestApi;
  let owner: TestMember;

  beforeAll(async () => {
    meta = await startMetaSimulator({ port: 0, isProduction: false, appId: '1000000000000001' });
    meta.simulator.addAccount({
      wabaId: WABA_ID,
      token: META_TOKEN,
      portfolioId: '7000000000302',
      messagingLimitTier: 'TIER_2K',
      numbers: [
        {
          id: PHONE_NUMBER_ID,
          displayPhoneNumber: '+62 811-0000-0002',
          verifiedName: 'Toko',
          qualityRating: 'GREEN',
          throughputLevel: 'STANDARD',
          isOnBizApp: false,
        },
      ],
      templates: [
        ...fixture<{ data: Record<string, unknown>[] }>('template-list-page.json').data,
        PROMO_WITH_BUTTONS,
        PROMO_ID_BUTTON,
        UTILITY_STOP,
      ],
    });
    api = await startTestApi({ env: metaEnv(meta) });
    const em = api.running.orm.em.fork();
    owner = await createMember(em, await createWorkspace(em, 'Toko Tombol'), 'owner');
    await connect(api, owner.workspace.id, WABA_ID, PHONE_NUMBER_ID);
  });
  afterAll(async () => {
    await api.stop();
    await meta.close();
  });

  async function press(from: string, message: Record<string, unknown>) {
    const wamid = `wamid.button-${from}-${Math.random().toString(36).slice(2)}`;
    const response = await postWebhook(
      api,
      inboundBody(PHONE_NUMBER_ID, WABA_ID, from, {
        id: wamid,
        timestamp: '1764576000',
        // A reply to a template message names it in `context`.
        context: { from: '6281100000002', id: 'wamid.template-message-0001' },
        ...message,
      }),
    );
    expect(response.status).toBe(200);
    await allApplied(api);
    const [contact] = await sql<{ marketing_opt_out_at: Date | null; opted_out_at: Date | null; id: string }>(
      api,
      'select id, marketing_opt_out_at, opted_out_at from contact where workspace_id = ? and phone = ?',
      [owner.workspace.id, `+${from}`],
    );
    return contact!;
  }

  it('opts out of marketing on the template’s “Stop promotions” quick reply, with a BUTTON history entry', async () => {
    const contact = await press('6281234567101', {
      type: 'button',
      button: { text: 'Stop promotions', payload: 'Stop promotions' },
    });
    expect(contact.marketing_opt_out_at).not.toBeNull();
    expect(contact.opted_out_at).toBeNull();
    const events = await sql<{ kind: string; source: string }>(
      api,
      'select kind, source from contact_event where contact_id = ?',
      [contact.id],
    );
    expect(events).toContainEqual(expect.objectContaining({ source: 'BUTTON' }));
  });

  it('matches by the payload too, and an interactive button reply by its title', async () => {
    const byPayload = await press('6281234567102', {
      type: 'button',
      button: { text: 'STOP PROMOTIONS ', payload: 'Stop promotions' },
    });
    expect(byPayload.marketing_opt_out_at).not.toBeNull();
    const interactive = await press('6281234567103', {
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'btn-2', title: 'Berhenti promosi' } },
    });
    expect(interactive.marketing_opt_out_at).not.toBeNull();
  });

  it('leaves the contact subscribed on another button, and on a utility template’s quick reply', async () => {
    const other = await press('6281234567104', {
      type: 'button',
      button: { text: 'Ya, saya mau', payload: 'Ya, saya mau' },
    });
    expect(other.marketing_opt_out_at).toBeNull();
    const utility = await press('6281234567105', {
      type: 'button',
      button: { text: 'Stop updates', payload: 'Stop updates' },
    });
    expect(utility.marketing_opt_out_at).toBeNull();
    expect(utility.opted_out_at).toBeNull();
  });
});
