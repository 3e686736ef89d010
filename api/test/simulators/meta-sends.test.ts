import { BIZ_APP_NUMBER_ID, fixture, promo, send, shape, startTestSimulator, type TestSimulator } from './meta-support';

/** The simulator's send endpoint answers as Meta's does: shapes, auth, validation, and rate enforcement. */
describe('the Meta simulator’s send endpoint', () => {
  let sim: TestSimulator;

  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(() => sim.meta.close());
  beforeEach(() => sim.meta.simulator.sends.reset());

  it('accepts a template send and answers Meta’s success shape with a wamid for the recipient', async () => {
    const { status, body } = await send(sim.meta, promo('+62 812-3456-7890', 'cm_0001'));
    expect(status).toBe(200);
    expect(shape(body)).toEqual(shape(fixture('send-response.json')));
    expect(body.messaging_product).toBe('whatsapp');
    expect(body.contacts).toEqual([{ input: '+62 812-3456-7890', wa_id: '6281234567890' }]);
    expect(body.messages[0].message_status).toBe('accepted');
    expect(body.messages[0].id).toMatch(/^wamid\.[A-Za-z0-9+/]+=*$/);
    // Meta's ids carry the recipient's number inside the base64 record.
    expect(Buffer.from(body.messages[0].id.slice(6), 'base64').toString('latin1')).toContain('6281234567890');
    const again = await send(sim.meta, promo('6281234567890', 'cm_0002'));
    expect(again.body.messages[0].id).not.toBe(body.messages[0].id);
  });

  it('accepts the recorded request fixture unchanged, for a WABA whose template is positional', async () => {
    sim.meta.simulator.addAccount({
      wabaId: '102290129340399',
      token: 'EAAG-second-waba-token',
      numbers: [
        {
          id: '106540352242999',
          displayPhoneNumber: '+62 811-0000-0099',
          verifiedName: 'Toko Dua',
          qualityRating: 'GREEN',
          throughputLevel: 'HIGH',
          isOnBizApp: false,
        },
      ],
      templates: [
        {
          name: 'promo_akhir_tahun',
          language: 'id',
          status: 'APPROVED',
          category: 'MARKETING',
          parameter_format: 'POSITIONAL',
          components: [{ type: 'BODY', text: 'Halo {{1}}, diskon {{2}} untuk Anda.' }],
        },
      ],
    });
    const request = fixture('send-template-request.json');
    const options = { phone: '106540352242999', token: 'EAAG-second-waba-token' };
    const { status, body } = await send(sim.meta, request, options);
    expect(status).toBe(200);
    expect(body.contacts).toEqual([{ input: '6281234567890', wa_id: '6281234567890' }]);
    expect(sim.meta.simulator.sends.ledger.acceptedByCallback.get('cm_0001')).toBe(1);
    // The same body to the first WABA, whose promo_akhir_tahun is named with three parameters, is refused.
    expect((await send(sim.meta, request)).body.error.code).toBe(132000);
  });

  it('refuses a wrong token (190, 401) and an unknown number (100, subcode 33) with Graph error bodies', async () => {
    const wrong = await send(sim.meta, promo('6281234567890'), { token: 'EAAG-not-this-one' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ code: 190, type: 'OAuthException' });
    expect(typeof wrong.body.error.fbtrace_id).toBe('string');
    const unknown = await send(sim.meta, promo('6281234567890'), { phone: '999999999999999' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
    expect(sim.meta.simulator.sends.ledger.acceptedByRecipient.size).toBe(0);
  });

  const templateWith = (template: Record<string, unknown>) => ({
    messaging_product: 'whatsapp',
    to: '6281234567890',
    type: 'template',
    template,
  });
  const body = (...parameters: Record<string, unknown>[]) => [{ type: 'body', parameters }];

  it.each([
    ['no messaging_product', { to: '6281234567890', type: 'text', text: { body: 'Halo' } }, 400, 100],
    ['no recipient', { messaging_product: 'whatsapp', type: 'text', text: { body: 'Halo' } }, 400, 131008],
    [
      'a recipient that is not a number',
      { messaging_product: 'whatsapp', to: 'budi', type: 'text', text: { body: 'x' } },
      400,
      131009,
    ],
    [
      'the sender as recipient',
      { messaging_product: 'whatsapp', to: '6281100000000', type: 'text', text: { body: 'x' } },
      400,
      131021,
    ],
    [
      'a text without a body',
      { messaging_product: 'whatsapp', to: '6281234567890', type: 'text', text: {} },
      400,
      131008,
    ],
    [
      'a text over 4096 characters',
      { messaging_product: 'whatsapp', to: '6281234567890', text: { body: 'a'.repeat(4097) } },
      400,
      131009,
    ],
    [
      'an unsupported type',
      { messaging_product: 'whatsapp', to: '6281234567890', type: 'hologram', hologram: {} },
      400,
      131051,
    ],
    [
      'callback data over 512 characters',
      { ...promo('6281234567890'), biz_opaque_callback_data: 'x'.repeat(513) },
      400,
      131009,
    ],
    ['callback data that is not a string', { ...promo('6281234567890'), biz_opaque_callback_data: 17 }, 400, 131009],
    ['a template without a name', templateWith({ language: { code: 'id' } }), 400, 131008],
    ['a template without a language', templateWith({ name: 'promo_akhir_tahun' }), 400, 131008],
    ['an unknown template', templateWith({ name: 'tidak_ada', language: { code: 'id' } }), 404, 132001],
    [
      'a template in a language it does not exist in',
      templateWith({ name: 'promo_akhir_tahun', language: { code: 'en' } }),
      404,
      132001,
    ],
    [
      'a paused template',
      templateWith({
        name: 'paused_promo',
        language: { code: 'en' },
        components: body({ type: 'text', text: 'a' }, { type: 'text', text: 'b' }),
      }),
      400,
      132015,
    ],
    [
      'a named template with a parameter missing',
      promo('6281234567890', undefined, ['first_name', 'discount']),
      400,
      132000,
    ],
    [
      'a named template with a wrong parameter name',
      promo('6281234567890', undefined, ['first_name', 'discount', 'akhir']),
      400,
      132018,
    ],
    [
      'a positional template with one parameter too many',
      templateWith({
        name: 'order_shipped',
        language: { code: 'en' },
        components: body({ type: 'text', text: 'a' }, { type: 'text', text: 'b' }, { type: 'text', text: 'c' }),
      }),
      400,
      132000,
    ],
    [
      'an empty text parameter',
      templateWith({
        name: 'order_shipped',
        language: { code: 'en' },
        components: body({ type: 'text', text: '' }, { type: 'text', text: 'b' }),
      }),
      400,
      132018,
    ],
    [
      'an image header without media',
      templateWith({
        name: 'katalog_baru',
        language: { code: 'id' },
        components: body({ type: 'text', text: 'Sari' }),
      }),
      400,
      132000,
    ],
    [
      'an image header given as text',
      templateWith({
        name: 'katalog_baru',
        language: { code: 'id' },
        components: [
          { type: 'header', parameters: [{ type: 'text', text: 'x' }] },
          ...body({ type: 'text', text: 'Sari' }),
        ],
      }),
      400,
      132012,
    ],
  ])('refuses %s with Meta’s code', async (_what, request, status, code) => {
    const answer = await send(sim.meta, request);
    expect([answer.status, answer.body.error?.code]).toEqual([status, code]);
    expect(answer.body.error.message).toEqual(expect.any(String));
    expect(sim.meta.simulator.sends.ledger.acceptedAt).toHaveLength(0);
  });

  it('answers a body that is not JSON with a Graph error (100), not an HTML page', async () => {
    const answer = await send(sim.meta, '{"messaging_product":');
    expect([answer.status, answer.body.error?.code]).toEqual([400, 100]);
  });

  it('accepts a positional template, an image header by link, and named parameters in any order', async () => {
    const positional = templateWith({
      name: 'order_shipped',
      language: { code: 'en' },
      components: body({ type: 'text', text: 'Budi' }, { type: 'text', text: 'A-17' }),
    });
    expect((await send(sim.meta, positional)).status).toBe(200);
    const image = templateWith({
      name: 'katalog_baru',
      language: { code: 'id' },
      components: [
        { type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/k.jpg' } }] },
        ...body({ type: 'text', text: 'Sari' }),
      ],
    });
    expect((await send(sim.meta, image)).status).toBe(200);
    expect(
      (await send(sim.meta, promo('6281234567891', undefined, ['end_date', 'first_name', 'discount']))).status,
    ).toBe(200);
  });

  it('holds the number to its throughput: 80/s for a standard number, 130429 beyond, refilled by time', async () => {
    const { simulator } = sim.meta;
    simulator.sends.configure({ enforcePairRate: false });
    const answers = await Promise.all(
      Array.from({ length: 85 }, (_, index) => send(sim.meta, promo(`62812000${String(index).padStart(5, '0')}`))),
    );
    const refused = answers.filter((answer) => answer.status !== 200);
    expect(answers.length - refused.length).toBe(80);
    expect(refused).toHaveLength(5);
    for (const answer of refused) {
      expect(answer.status).toBe(429);
      expect(shape(answer.body)).toEqual(shape(fixture('error-rate-limit.json')));
      expect(answer.body.error.code).toBe(130429);
    }
    sim.clock.advance(100);
    const refilled = await Promise.all(Array.from({ length: 9 }, () => send(sim.meta, promo('6281299999999'))));
    expect(refilled.map((answer) => answer.status).sort()).toEqual([...Array(8).fill(200), 429]);
  });

  it('gives a coexistence (Business app) number 20 messages per second, and a number its own override', async () => {
    const { simulator } = sim.meta;
    simulator.sends.configure({ enforcePairRate: false });
    const burst = async (count: number, phone: string) =>
      (
        await Promise.all(Array.from({ length: count }, () => send(sim.meta, promo('6281234567890'), { phone })))
      ).filter((answer) => answer.status === 200).length;
    expect(await burst(25, BIZ_APP_NUMBER_ID)).toBe(20);
    const number = simulator.account('102290129340398')!.numbers[0]!;
    number.throughputPerSecond = 5;
    try {
      sim.clock.advance(10_000);
      expect(await burst(8, number.id)).toBe(5);
    } finally {
      delete number.throughputPerSecond;
    }
  });

  it('refuses a pair messaged too fast with 131056 (45 at once, then one per 6 s) while others go on', async () => {
    const { simulator } = sim.meta;
    for (let index = 0; index < 45; index += 1) expect((await send(sim.meta, promo('6281234567890'))).status).toBe(200);
    sim.clock.advance(1000);
    const over = await send(sim.meta, promo('6281234567890'));
    expect([over.status, over.body.error.code]).toEqual([429, 131056]);
    expect((await send(sim.meta, promo('6281234567891'))).status).toBe(200);
    sim.clock.advance(5000);
    expect((await send(sim.meta, promo('6281234567890'))).status).toBe(200);
    expect((await send(sim.meta, promo('6281234567890'))).body.error.code).toBe(131056);
    expect(simulator.sends.ledger.acceptedByRecipient.get('6281234567890')).toBe(46);
  });

  it('answers held_for_quality_assessment for the configured share and paused for a template Meta paused', async () => {
    const { sends } = sim.meta.simulator;
    sends.configure({ holdShare: 0.25 });
    const statuses = [];
    for (let index = 0; index < 8; index += 1) {
      statuses.push((await send(sim.meta, promo(`6281234500${index}00`))).body.messages[0].message_status);
    }
    expect(statuses.filter((status) => status === 'held_for_quality_assessment')).toHaveLength(2);
    expect(statuses.filter((status) => status === 'accepted')).toHaveLength(6);
    sends.setTemplateMessageStatus('promo_akhir_tahun', 'id', 'paused');
    expect((await send(sim.meta, promo('6281234500900'))).body.messages[0].message_status).toBe('paused');
  });

  it('counts accepted sends per recipient and per biz_opaque_callback_data, and every arrival’s time', async () => {
    const { ledger } = sim.meta.simulator.sends;
    await send(sim.meta, promo('6281234567890', 'cm_1:r_1'));
    await send(sim.meta, promo('6281234567890', 'cm_1:r_1'));
    await send(sim.meta, promo('6281234567891', 'cm_1:r_2'));
    await send(sim.meta, promo('6281234567892'), { token: 'EAAG-wrong' });
    expect(ledger.acceptedByCallback.get('cm_1:r_1')).toBe(2);
    expect(ledger.acceptedByCallback.get('cm_1:r_2')).toBe(1);
    expect([...ledger.duplicates()]).toEqual([['6281234567890', 2]]);
    expect(ledger.attemptsByRecipient.get('6281234567892')).toBe(1);
    expect(ledger.acceptedByRecipient.has('6281234567892')).toBe(false);
    expect(ledger.receivedAt).toEqual(Array(4).fill(sim.clock.now().getTime()));
    expect(ledger.outcomes.get('190')).toBe(1);
  });
});
