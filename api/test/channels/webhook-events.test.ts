import { startMetaSimulator, type MetaSimulatorHandle } from '../../src/simulators/meta';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';
import { inboxOf } from '../support/notifications';
import { addAccount, allApplied, connect, fixture, metaEnv, postWebhook, sql } from './support';

const PHONE_NUMBER_ID = '106540352242903';
const WABA_ID = '102290129340303';

/** One change of the WABA's webhook, as Meta wraps it. */
const change = (field: string, value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: WABA_ID, time: 1764576000, changes: [{ field, value }] }],
});

/**
 * The error classes of GATEWAYS.md 1.6 that arrive in failed status webhooks, one code each, with
 * Meta's error object shape (code, title, message, error_data.details, href).
 */
const FAILED_CODES: [number, string][] = [
  [131000, 'Something went wrong'],
  [131016, 'Service unavailable'],
  [131026, 'Message undeliverable'],
  [131042, 'Business eligibility payment issue'],
  [131047, 'Re-engagement message'],
  [131048, 'Spam rate limit hit'],
  [131049, 'This message was not delivered to maintain healthy ecosystem engagement.'],
  [
    131050,
    'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business',
  ],
  [131052, 'Media download error'],
  [130472, "User's number is part of an experiment"],
  [130429, 'Rate limit hit'],
  [132015, 'Template is Paused'],
  [132016, 'Template is Disabled'],
  [135000, 'Generic user error'],
  [368, 'Temporarily blocked for policies violations'],
];

/** Template, account and failed-status webhooks, applied to the local copy and the channels. */
describe('Meta webhook events', () => {
  let meta: MetaSimulatorHandle;
  let api: TestApi;
  let owner: TestMember;
  let channelId: string;

  beforeAll(async () => {
    meta = await startMetaSimulator({ port: 0, isProduction: false, appId: '1000000000000001' });
    addAccount(meta, WABA_ID, PHONE_NUMBER_ID, '7000000000303');
    api = await startTestApi({ env: metaEnv(meta) });
    const em = api.running.orm.em.fork();
    owner = await createMember(em, await createWorkspace(em, 'Toko Peristiwa'), 'owner');
    channelId = (await connect(api, owner.workspace.id, WABA_ID, PHONE_NUMBER_ID)).id;
  });
  afterAll(async () => {
    await api.stop();
    await meta.close();
  });

  const gql = <T>(query: string, variables: Record<string, unknown> = {}) =>
    api.graphql<T>(query, variables, { authorization: `Bearer ${owner.sessionToken}` });
  const send = async (body: object) => {
    expect((await postWebhook(api, body)).status).toBe(200);
    await allApplied(api);
  };
  const channel = async () =>
    (
      await gql<{ channels: { id: string; status: string; statusReason: string | null }[] }>(
        '{ channels { id status statusReason } }',
      )
    ).body.data!.channels.find((candidate) => candidate.id === channelId)!;
  const categoryOf = async (name: string) =>
    (
      await sql<{ category: string }>(api, 'select category from message_template where name = ? and waba_id = ?', [
        name,
        WABA_ID,
      ])
    )[0]!.category;
  const templateId = (name: string) =>
    fixture<{ data: { id: string; name: string }[] }>('template-list-page.json').data.find((t) => t.name === name)!.id;

  it('recategorises a template on template_category_update, and ignores a notice of a change still to come', async () => {
    expect(await categoryOf('order_shipped')).toBe('UTILITY');
    await send(
      change('template_category_update', {
        message_template_id: Number(templateId('order_shipped')),
        message_template_name: 'order_shipped',
        message_template_language: 'id',
        previous_category: 'UTILITY',
        new_category: 'MARKETING',
      }),
    );
    expect(await categoryOf('order_shipped')).toBe('MARKETING');
    // Meta warns a month ahead with `correct_category` and no `new_category`: nothing changes yet.
    await send(
      change('template_category_update', {
        message_template_id: Number(templateId('promo_akhir_tahun')),
        message_template_name: 'promo_akhir_tahun',
        message_template_language: 'id',
        correct_category: 'UTILITY',
      }),
    );
    expect(await categoryOf('promo_akhir_tahun')).toBe('MARKETING');
  });

  it('applies phone_number_quality_update: the portfolio’s tier it carries, told once, and the number’s flag as its quality', async () => {
    const facts = async () =>
      (
        await gql<{ channels: { id: string; quality: string | null; messagingLimit: number | null }[] }>(
          '{ channels { id quality messagingLimit } }',
        )
      ).body.data!.channels.find((candidate) => candidate.id === channelId)!;
    // Meta's shape (GATEWAYS.md): the number by its display number, the event, the portfolio's tier.
    const quality = (event: string, tier: string) =>
      change('phone_number_quality_update', {
        display_phone_number: '6281100000000',
        event,
        max_daily_conversations_per_business: tier,
      });
    expect(await facts()).toMatchObject({ quality: 'GREEN', messagingLimit: 2000 });

    await send(quality('DOWNGRADE', 'TIER_250'));
    expect(await facts()).toMatchObject({ quality: 'GREEN', messagingLimit: 250 });
    await send(quality('UPGRADE', 'TIER_100K'));
    await send(quality('UPGRADE', 'TIER_100K'));
    expect((await facts()).messagingLimit).toBe(100_000);
    // One notice per change, as business_capability_update raises it; Meta's repeat tells nothing more.
    const notices = await inboxOf(api, owner, 'MESSAGING_LIMIT_CHANGED');
    expect(notices.map((notice) => notice.body)).toEqual([
      'Your business can now message 100,000 unique recipients per 24 hours.',
      'Your business can now message 250 unique recipients per 24 hours.',
    ]);

    // Flagged: the number's quality is low; unflagged: no longer known to be, until a check reads Meta's rating.
    await send(quality('FLAGGED', 'NOT_SET'));
    expect(await facts()).toMatchObject({ quality: 'RED', messagingLimit: 100_000 });
    await send(quality('UNFLAGGED', 'TIER_UNLIMITED'));
    expect(await facts()).toMatchObject({ quality: 'UNKNOWN', messagingLimit: -1 });
    const { body } = await gql<{ checkChannel: { quality: string } }>(
      `mutation ($id: ID!) { checkChannel(id: $id) { quality } }`,
      { id: channelId },
    );
    expect(body.data!.checkChannel.quality).toBe('GREEN');
  });

  it('changes nothing on a violation warning, a pricing tier update or a disable only scheduled', async () => {
    await send(change('account_update', { event: 'ACCOUNT_VIOLATION', violation_info: { violation_type: 'SCAM' } }));
    await send(change('account_update', { event: 'VOLUME_BASED_PRICING_TIER_UPDATE', volume_tier_info: {} }));
    await send(
      change('account_update', { event: 'DISABLED_UPDATE', ban_info: { waba_ban_state: 'SCHEDULE_FOR_DISABLE' } }),
    );
    expect(await channel()).toMatchObject({ status: 'CONNECTED', statusReason: null });
  });

  it('pauses the channel on a restriction; a reinstatement does not resume it, a check by a person does', async () => {
    await send(
      change('account_update', {
        phone_number: '6281100000000',
        event: 'ACCOUNT_RESTRICTION',
        restriction_info: [{ restriction_type: 'RESTRICTED_BIZ_INITIATED_MESSAGING', expiration: 1764662400 }],
      }),
    );
    expect(await channel()).toMatchObject({
      status: 'PAUSED',
      statusReason: 'ACCOUNT_RESTRICTION:RESTRICTED_BIZ_INITIATED_MESSAGING',
    });
    await send(change('account_update', { event: 'DISABLED_UPDATE', ban_info: { waba_ban_state: 'REINSTATE' } }));
    expect(await channel()).toMatchObject({ status: 'PAUSED', statusReason: 'REINSTATED' });
    // Another body arriving meanwhile does not resume it either.
    await send(fixture('status-delivered.json'));
    expect((await channel()).status).toBe('PAUSED');
    const { body } = await gql<{ checkChannel: { status: string } }>(
      `mutation ($id: ID!) { checkChannel(id: $id) { status statusReason } }`,
      { id: channelId },
    );
    expect(body.data!.checkChannel).toEqual({ status: 'CONNECTED', statusReason: null });
  });

  it('pauses the channel when Meta disables the account, and a check does not resume it before a reinstatement', async () => {
    await send(
      change('account_update', {
        event: 'DISABLED_UPDATE',
        ban_info: { waba_ban_state: 'DISABLE', waba_ban_date: 'December 1, 2026' },
      }),
    );
    expect(await channel()).toMatchObject({ status: 'PAUSED', statusReason: 'DISABLED_UPDATE' });
    await gql(`mutation ($id: ID!) { checkChannel(id: $id) { status } }`, { id: channelId });
    expect((await channel()).status).toBe('PAUSED');
  });

  it.each(FAILED_CODES)('keeps Meta’s error %i on a failed status row, as sent', async (code, title) => {
    const wamid = `wamid.failed-${code}`;
    const errors = [
      {
        code,
        title,
        message: title,
        error_data: { details: `Details of ${code}` },
        href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
      },
    ];
    await send(
      change('messages', {
        messaging_product: 'whatsapp',
        metadata: { display_phone_number: '6281100000000', phone_number_id: PHONE_NUMBER_ID },
        statuses: [
          {
            id: wamid,
            status: 'failed',
            timestamp: '1764576100',
            recipient_id: '6285777000001',
            biz_opaque_callback_data: `cm_${code}`,
            errors,
          },
        ],
      }),
    );
    const [row] = await sql<{ status: string; errors: unknown; callback_data: string; workspace_id: string }>(
      api,
      'select status, errors, callback_data, workspace_id from message_status where wamid = ?',
      [wamid],
    );
    expect(row).toEqual({ status: 'failed', errors, callback_data: `cm_${code}`, workspace_id: owner.workspace.id });
  });

  it('applies statuses of one batch as if one by one: forward only, pricing kept from the sent', async () => {
    const { webhooks } = api.running.services.channels;
    const status = (state: string, extra: Record<string, unknown> = {}) =>
      Buffer.from(
        JSON.stringify(
          change('messages', {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '6281100000000', phone_number_id: PHONE_NUMBER_ID },
            statuses: [
              {
                id: 'wamid.one-batch',
                status: state,
                timestamp: '1764576200',
                recipient_id: '6285777000002',
                ...extra,
              },
            ],
          }),
        ),
      );
    const em = api.running.orm.em.fork();
    // Stored without being applied, then applied together: read, a late sent with pricing, a duplicate delivered.
    for (const body of [
      status('delivered'),
      status('read'),
      status('sent', {
        pricing: { billable: true, pricing_model: 'PMP', category: 'marketing' },
        biz_opaque_callback_data: 'cm_batch',
      }),
      status('delivered'),
    ]) {
      await webhooks.store(em, body);
    }
    webhooks.applySoon(() => api.running.orm.em.fork());
    await allApplied(api);
    const [row] = await sql<{ status: string; pricing: unknown; callback_data: string }>(
      api,
      'select status, pricing, callback_data from message_status where wamid = ?',
      ['wamid.one-batch'],
    );
    expect(row).toEqual({
      status: 'read',
      pricing: { billable: true, pricing_model: 'PMP', category: 'marketing' },
      callback_data: 'cm_batch',
    });
  });
});
