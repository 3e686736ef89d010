import { workspaceEm } from '../../src/db/base.entity';
import { metaSignature } from '../../src/modules/channels';
import { Migration20261204191000TemplatesUnsupported } from '../../src/modules/channels/migrations/20261204-191000-templates-unsupported';
import { unsupportedReason } from '../../src/modules/channels/template-support';
import { waitFor } from '../support/wait';
import { RESUME, campaignLife, useCampaignWorld } from './life-support';
import { APP_SECRET, CREATE, PRICE, START, WABA_ID, type CampaignWorld } from './support';

/** Meta's id of the fixture's `promo_akhir_tahun` (template-list-page.json), which Meta's status updates name. */
const PROMO_META_ID = 1234567890123456;

/** A plain marketing template of the WABA, with no parameters, that Meta later turns into a carousel. */
const KARTU = {
  id: '1234567890129001',
  name: 'promo_kartu',
  language: 'id',
  status: 'APPROVED',
  category: 'MARKETING',
  parameter_format: 'POSITIONAL',
  components: [{ type: 'BODY', text: 'Koleksi baru sudah datang. Lihat di toko kami.' }],
};

/** Templates the portal cannot fill (template-support.ts): a location header, and a one-time code of Meta's shape. */
const UNFILLABLE = [
  {
    id: '1234567890129002',
    name: 'alamat_toko',
    language: 'id',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'POSITIONAL',
    components: [
      { type: 'HEADER', format: 'LOCATION' },
      { type: 'BODY', text: 'Toko baru kami buka hari ini.' },
    ],
  },
  {
    id: '1234567890129003',
    name: 'kode_masuk',
    language: 'id',
    status: 'APPROVED',
    category: 'AUTHENTICATION',
    parameter_format: 'POSITIONAL',
    components: [
      { type: 'BODY', add_security_recommendation: true },
      { type: 'FOOTER', code_expiration_minutes: 10 },
      { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Salin kode' }] },
    ],
  },
];

/**
 * Templates as Meta reports them (issue 18 point 3, issue 19): a `message_template_status_update` reaching the signed
 * webhook route changes what campaigns of the template may do, and a launch is refused, with its reason in the
 * user's language and nothing changed, while the template is not approved or not supported.
 */
describe('template status from Meta and the launch', () => {
  let world: CampaignWorld;
  useCampaignWorld((started) => (world = started), { extraTemplates: [KARTU, ...UNFILLABLE] });
  const life = campaignLife(() => world);

  /** Posts a body signed as Meta signs it and waits until it is applied. */
  async function postWebhook(body: object): Promise<void> {
    const text = JSON.stringify(body);
    const posted = await fetch(`${world.api.url}/api/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(text, APP_SECRET) },
      body: text,
    });
    expect(posted.status).toBe(200);
    await waitFor(
      async () =>
        (
          await world.sql<{ count: number }>(
            'select count(*)::int as count from whatsapp_webhook where applied_at is null',
          )
        )[0]!.count === 0,
      { what: 'the webhook applied' },
    );
  }
  /** Meta's update of the promo template's status (the fixture's shape, template-status-update.json). */
  const promoStatus = (event: string) =>
    postWebhook({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: WABA_ID,
          time: 1764576000,
          changes: [
            {
              field: 'message_template_status_update',
              value: {
                event,
                message_template_id: PROMO_META_ID,
                message_template_name: 'promo_akhir_tahun',
                message_template_language: 'id',
                reason: event === 'PAUSED' ? null : 'NONE',
              },
            },
          ],
        },
      ],
    });
  const accepted = () => world.meta.simulator.sends.ledger.acceptedAt.length;
  const attempts = () => world.meta.simulator.sends.ledger.receivedAt.length;
  const messages = async (campaignId: string) =>
    world.sql<{ status: string; charged: string }>(
      'select status, charged::text as charged from campaign_message where campaign_id = ? order by id',
      [campaignId],
    );
  /** What a refused launch must leave as it was: the campaign, its messages and every ledger entry. */
  const state = async (campaignId: string) => ({
    campaign: (
      await world.sql<{ status: string; hold_id: string | null; started_at: Date | null }>(
        'select status, hold_id, started_at from campaign where id = ?',
        [campaignId],
      )
    )[0],
    messages: await messages(campaignId),
    ledger: await world.sql('select id from ledger_entry where workspace_id = ? order by id', [world.workspaceId]),
    money: await life.money(),
  });

  it('pauses a running campaign (TEMPLATE_PAUSED) when Meta pauses its template, and sends nothing until it is approved again', async () => {
    await life.fund(3n * PRICE);
    const held = (await life.money()).held;
    const { id, waIds } = await life.launch(3);
    const before = accepted();
    await promoStatus('PAUSED');
    const [template] = await world.sql<{ status: string }>('select status from message_template where meta_id = ?', [
      String(PROMO_META_ID),
    ]);
    expect(template!.status).toBe('PAUSED');

    await world.dispatch();
    expect(await life.read(id)).toMatchObject({ status: 'PAUSED', pauseReason: 'TEMPLATE_PAUSED' });
    expect(accepted()).toBe(before);
    expect(attempts()).toBe(0);
    expect(await messages(id)).toEqual(Array.from({ length: 3 }, () => ({ status: 'QUEUED', charged: '0' })));
    // The loop of the channel ends on a paused campaign: another pass sends nothing either.
    await world.dispatch();
    expect(accepted()).toBe(before);
    // The hold stays for the paused campaign: it can resume where it stopped.
    expect((await life.money()).held - held).toBe(3n * PRICE);

    // Resumed while Meta still pauses the template: refused, and the campaign stays paused where it stopped.
    const early = await world.gql(RESUME, { id });
    expect(early.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'campaigns.templateNotApproved',
    });
    expect(await life.read(id)).toMatchObject({ status: 'PAUSED', pauseReason: 'TEMPLATE_PAUSED' });

    // Meta approves the template again; resumed, each message is sent once and charged once.
    await promoStatus('APPROVED');
    expect((await world.gql(RESUME, { id })).errors).toBeUndefined();
    await world.dispatch();
    expect(await life.read(id)).toMatchObject({ status: 'COMPLETED', counts: { total: 3, sent: 3 } });
    for (const waId of waIds) expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get(waId)).toBe(1);
    expect(await messages(id)).toEqual(
      Array.from({ length: 3 }, () => ({ status: 'SENT', charged: PRICE.toString() })),
    );
  });

  it('refuses to launch a draft whose template Meta paused (campaigns.templateNotApproved), in each language, and changes nothing', async () => {
    await life.fund(2n * PRICE);
    const { id } = await life.draft(2);
    await promoStatus('PAUSED');
    const before = await state(id);
    const english = await world.gql(START, { id });
    expect(english.data).toBeNull();
    expect(english.errors).toHaveLength(1);
    expect(english.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'campaigns.templateNotApproved',
    });
    expect(english.errors![0]!.message).toBe('The template is not approved by Meta (it is PAUSED).');
    const indonesian = await world.gql(START, { id }, world.owner, 'id');
    expect(indonesian.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT' });
    expect(indonesian.errors![0]!.message).toBe('Templat belum disetujui Meta (statusnya PAUSED).');
    expect(await state(id)).toEqual(before);
    expect(before.campaign).toEqual({ status: 'DRAFT', hold_id: null, started_at: null });
    expect(before.messages).toEqual([]);

    // Approved again, the same draft starts.
    await promoStatus('APPROVED');
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    await world.dispatch();
    expect((await life.read(id)).counts).toMatchObject({ total: 2, sent: 2 });
  });

  it('takes REINSTATED as approved again and a FLAGGED notice as no change of status (Meta’s events are not all statuses)', async () => {
    await life.fund(PRICE);
    const { id, waIds } = await life.draft(1);
    const promo = async () =>
      (
        await world.sql<{ status: string }>('select status from message_template where meta_id = ?', [
          String(PROMO_META_ID),
        ])
      )[0]!.status;
    await promoStatus('DISABLED');
    expect(await promo()).toBe('DISABLED');
    const refused = await world.gql(START, { id });
    expect(refused.errors![0]!.message).toBe('The template is not approved by Meta (it is DISABLED).');
    // An appeal won: Meta reinstates the template, and it may be sent again.
    await promoStatus('REINSTATED');
    expect(await promo()).toBe('APPROVED');
    // Negative feedback on the template: a warning, still sendable.
    await promoStatus('FLAGGED');
    expect(await promo()).toBe('APPROVED');
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    await world.dispatch();
    expect(await life.read(id)).toMatchObject({ status: 'COMPLETED', counts: { total: 1, sent: 1 } });
    expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get(waIds[0]!)).toBe(1);
  });

  it('refuses to launch a draft whose template became a carousel (campaigns.templateUnsupported), in each language, and changes nothing', async () => {
    await life.fund(2n * PRICE);
    const tag = 'kartu';
    await world.addContacts([
      { phone: '+6281977000001', tags: [tag] },
      { phone: '+6281977000002', tags: [tag] },
    ]);
    const created = await world.gql<{ createCampaign: { id: string } }>(CREATE, {
      input: {
        name: 'Koleksi baru',
        channelId: world.channelId,
        templateId: await world.templateId('promo_kartu'),
        variables: [],
        audience: { kind: 'TAGS', tags: [tag] },
      },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createCampaign.id;
    // Meta's copy of the template is now a carousel; the next sync marks the local copy not supported.
    const account = world.meta.simulator.account(WABA_ID)!;
    const remote = account.templates.find((template) => template.name === 'promo_kartu')!;
    remote.components = [
      { type: 'BODY', text: 'Koleksi baru sudah datang.' },
      { type: 'CAROUSEL', cards: [{ components: [{ type: 'HEADER', format: 'IMAGE' }] }] },
    ];
    const { channels } = world.api.running.services.channels;
    await channels.syncTemplates(
      workspaceEm(world.api.running.orm.em, world.workspaceId),
      world.workspaceId,
      world.channelId,
    );
    const [template] = await world.sql<{ unsupported: string | null }>(
      "select unsupported from message_template where name = 'promo_kartu'",
    );
    expect(template!.unsupported).toBe('CAROUSEL');

    const before = await state(id);
    const english = await world.gql(START, { id });
    expect(english.data).toBeNull();
    expect(english.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      messageKey: 'campaigns.templateUnsupported',
    });
    expect(english.errors![0]!.message).toBe('This kind of template cannot be broadcast yet.');
    const indonesian = await world.gql(START, { id }, world.owner, 'id');
    expect(indonesian.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(indonesian.errors![0]!.message).toBe('Jenis templat ini belum bisa disiarkan.');
    expect(await state(id)).toEqual(before);
    expect(before.campaign).toEqual({ status: 'DRAFT', hold_id: null, started_at: null });
    expect(before.messages).toEqual([]);
    expect(attempts()).toBe(0);
  });

  it.each([
    ['alamat_toko', 'LOCATION'],
    ['kode_masuk', 'AUTHENTICATION'],
  ])(
    'marks %s (%s) not supported at the sync and refuses a draft with it (campaigns.templateUnsupported)',
    async (name, reason) => {
      const [template] = await world.sql<{ unsupported: string | null }>(
        'select unsupported from message_template where name = ?',
        [name],
      );
      expect(template!.unsupported).toBe(reason);
      const created = await world.gql(CREATE, {
        input: {
          name: 'Tidak bisa',
          channelId: world.channelId,
          templateId: await world.templateId(name),
          variables: [],
          audience: { kind: 'TAGS', tags: ['siapa-saja'] },
        },
      });
      expect(created.data).toBeNull();
      expect(created.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { templateId: 'campaigns.templateUnsupported' },
      });
      expect(attempts()).toBe(0);
    },
  );

  // The reason written by hand for each case; the migration's SQL and template-support.ts must both give it.
  it.each<[string, unknown[], string | null]>([
    [
      'a location header',
      [
        { type: 'HEADER', format: 'LOCATION' },
        { type: 'BODY', text: 'Toko baru kami.' },
      ],
      'LOCATION',
    ],
    [
      'an image header and a URL button',
      [{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY' }, { type: 'BUTTONS', buttons: [{ type: 'URL' }] }],
      null,
    ],
    [
      'a copy-code button, then a one-time code',
      [{ type: 'BODY' }, { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE' }, { type: 'OTP' }] }],
      'AUTHENTICATION',
    ],
    [
      'a single-product button, lower case',
      [{ type: 'BODY' }, { type: 'buttons', buttons: [{ type: 'spm' }] }],
      'PRODUCT',
    ],
    [
      'a catalog before a flow',
      [{ type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY' }, { type: 'MPM' }, { type: 'FLOW' }] }],
      'CATALOG',
    ],
    ['a product header', [{ type: 'HEADER', format: 'PRODUCT' }], 'PRODUCT'],
    ['a part Meta added later', [{ type: 'BODY' }, { type: 'CALL_PERMISSION_REQUEST' }], 'OTHER'],
    ['a button without a type', [{ type: 'BUTTONS', buttons: [{}] }], 'OTHER'],
    ['a carousel', [{ type: 'BODY' }, { type: 'CAROUSEL', cards: [] }], 'CAROUSEL'],
    ['a limited-time offer', [{ type: 'LIMITED_TIME_OFFER' }], 'LIMITED_TIME_OFFER'],
    ['text header, body and footer', [{ type: 'HEADER', format: 'TEXT' }, { type: 'BODY' }, { type: 'FOOTER' }], null],
  ])(
    'marks, when migrated, a template synced before its kind was known not to be fillable, as a sync would: %s',
    async (_kind, components, reason) => {
      await world.sql(
        `update message_template set unsupported = null, components = ?::jsonb where name = 'promo_kartu'`,
        [JSON.stringify(components)],
      );
      const { orm } = world.api.running;
      const migration = new Migration20261204191000TemplatesUnsupported(orm.em.getDriver(), orm.config);
      await migration.up();
      for (const sql of migration.getQueries()) await world.sql(String(sql));
      const [template] = await world.sql<{ unsupported: string | null }>(
        "select unsupported from message_template where name = 'promo_kartu'",
      );
      expect(template!.unsupported).toBe(reason);
      expect(unsupportedReason(components)).toBe(reason);
    },
  );
});
