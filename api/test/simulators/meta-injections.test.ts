import { statusOf } from '../../src/simulators/meta';
import {
  PHONE_NUMBER_ID,
  promo,
  send,
  startTestSimulator,
  startWebhookReceiver,
  TOKEN,
  type TestSimulator,
} from './meta-support';

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/** Every code the dispatcher's error policy handles (issue 19), with the HTTP status Meta's table gives it. */
const CODES: [code: number, status: number][] = [
  [0, 401],
  [190, 401],
  [10, 403],
  [200, 403],
  [1, 400],
  [2, 503],
  [4, 429],
  [80007, 429],
  [130429, 429],
  [130472, 400],
  [130497, 403],
  [131000, 500],
  [131005, 403],
  [131008, 400],
  [131009, 400],
  [131016, 503],
  [131021, 400],
  [131026, 400],
  [131031, 403],
  [131042, 400],
  [131045, 500],
  [131047, 400],
  [131048, 429],
  [131049, 400],
  [131050, 400],
  [131051, 400],
  [131053, 400],
  [131056, 429],
  [131057, 500],
  [131063, 400],
  [132000, 400],
  [132001, 404],
  [132005, 400],
  [132007, 400],
  [132012, 400],
  [132015, 400],
  [132016, 400],
  [132018, 400],
  [132068, 400],
  [132069, 400],
  [133010, 400],
  [135000, 400],
  [368, 403],
];

/** Error and transport fault injection, media upload and the HTTP control routes. */
describe('the Meta simulator’s injections and controls', () => {
  let sim: TestSimulator;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    sim = await startTestSimulator({ webhookUrl: receiver.url });
  });
  afterAll(async () => {
    await sim.meta.close();
    await receiver.close();
  });
  beforeEach(() => {
    sim.meta.simulator.sends.reset();
    receiver.received.length = 0;
  });

  it.each(CODES)('answers an injected %i synchronously with a Graph error body and HTTP %i', async (code, status) => {
    sim.meta.simulator.sends.failSends({ code, count: 1 });
    const refused = await send(sim.meta, promo('6281234567890', 'cm_1'));
    expect(refused.status).toBe(status);
    expect(statusOf(code)).toBe(status);
    expect(refused.body.error).toMatchObject({
      code,
      type: 'OAuthException',
      message: expect.stringContaining(`(#${code})`),
    });
    expect(sim.meta.simulator.sends.ledger.acceptedAt).toHaveLength(0);
    // count: 1 means only the next send.
    expect((await send(sim.meta, promo('6281234567890', 'cm_1'))).status).toBe(200);
  });

  it.each(CODES.map(([code]) => code))('reports an injected %i asynchronously in a failed webhook', async (code) => {
    const { sends } = sim.meta.simulator;
    sends.failSends({ code, mode: 'async', count: 1 });
    const accepted = await send(sim.meta, promo('6281234567890', 'cm_async'));
    expect(accepted.body.messages[0]!.message_status).toBe('accepted');
    await sends.webhooks.deliverDue();
    const [failed] = receiver.statuses();
    expect(failed).toMatchObject({
      status: 'failed',
      id: accepted.body.messages[0]!.id,
      biz_opaque_callback_data: 'cm_async',
    });
    expect(failed!.errors).toEqual([
      {
        code,
        title: expect.any(String),
        message: expect.any(String),
        error_data: { details: expect.any(String) },
        href: expect.stringContaining('error-codes'),
      },
    ]);
  });

  it('takes an exact share of sends, spread evenly, and a chosen HTTP status', async () => {
    sim.meta.simulator.sends.failSends({ code: 131000, share: 0.25, status: 502 });
    const statuses: number[] = [];
    for (let index = 0; index < 8; index += 1)
      statuses.push((await send(sim.meta, promo(`62812345600${index}`))).status);
    expect(statuses).toEqual([200, 200, 200, 502, 200, 200, 200, 502]);
  });

  it('fails only the chosen recipient or callback data, and keeps a rule without count until reset', async () => {
    const { sends } = sim.meta.simulator;
    sends.failSends({ code: 131026, recipient: '6281234567891' });
    sends.failSends({ code: 130497, callbackData: 'cm_9:r_1' });
    expect((await send(sim.meta, promo('6281234567890'))).status).toBe(200);
    expect((await send(sim.meta, promo('6281234567891'))).body.error.code).toBe(131026);
    expect((await send(sim.meta, promo('+62 812-3456-7891'))).body.error.code).toBe(131026);
    expect((await send(sim.meta, promo('6281234567892', 'cm_9:r_1'))).body.error.code).toBe(130497);
    expect((await send(sim.meta, promo('6281234567892', 'cm_9:r_2'))).status).toBe(200);
    sends.reset();
    expect((await send(sim.meta, promo('6281234567891'))).status).toBe(200);
  });

  it('drops the connection before answering: the message never reached Meta', async () => {
    const { sends } = sim.meta.simulator;
    sends.faultSends({ fault: 'drop', count: 1 });
    await expect(send(sim.meta, promo('6281234567890', 'cm_drop'))).rejects.toThrow();
    expect(sends.ledger.acceptedByCallback.has('cm_drop')).toBe(false);
    expect(sends.ledger.attemptsByRecipient.get('6281234567890')).toBe(1);
    expect((await send(sim.meta, promo('6281234567890', 'cm_drop'))).status).toBe(200);
    expect(sends.ledger.acceptedByCallback.get('cm_drop')).toBe(1);
  });

  it('drops the connection after accepting: the answer is lost, the message and its webhooks are not', async () => {
    const { sends } = sim.meta.simulator;
    sends.faultSends({ fault: 'drop', accepted: true, recipient: '6281234567890' });
    await expect(send(sim.meta, promo('6281234567890', 'cm_lost'))).rejects.toThrow();
    expect(sends.ledger.acceptedByCallback.get('cm_lost')).toBe(1);
    await sends.webhooks.deliverDue();
    expect(receiver.statuses().map((status) => [status.status, status.biz_opaque_callback_data])).toEqual([
      ['sent', 'cm_lost'],
    ]);
  });

  it('answers a 5xx without a Graph body when asked', async () => {
    sim.meta.simulator.sends.faultSends({ fault: 'status5xx', status: 504, count: 1 });
    const response = await fetch(`${sim.meta.url}/v21.0/${PHONE_NUMBER_ID}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(promo('6281234567890')),
    });
    expect(response.status).toBe(504);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).not.toContain('"error"');
  });

  it('hangs past the caller’s timeout, then closes the connection', async () => {
    const { sends } = sim.meta.simulator;
    sends.faultSends({ fault: 'hang', hangMs: 5000, count: 1 });
    const hung = fetch(`${sim.meta.url}/v21.0/${PHONE_NUMBER_ID}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(promo('6281234567890')),
      signal: AbortSignal.timeout(300),
    });
    await expect(hung).rejects.toThrow(/timeout|aborted/i);
    expect(sends.ledger.outcomes.get('hang')).toBe(1);
    expect((await send(sim.meta, promo('6281234567890'))).status).toBe(200);
  });

  it('answers after the configured latency with the same result', async () => {
    sim.meta.simulator.sends.configure({ latencyMs: [5, 15] });
    const answers = await Promise.all([send(sim.meta, promo('6281234567890')), send(sim.meta, promo('6281234567891'))]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
  });

  it('uploads media as multipart and returns an id a message can use; an unknown id is refused (131053)', async () => {
    const form = new FormData();
    form.append('messaging_product', 'whatsapp');
    form.append('type', 'image/jpeg');
    form.append('file', new Blob([Buffer.from('fake-jpeg-bytes')], { type: 'image/jpeg' }), 'katalog.jpg');
    const upload = await fetch(`${sim.meta.url}/v21.0/${PHONE_NUMBER_ID}/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: form,
    });
    expect(upload.status).toBe(200);
    const { id } = (await upload.json()) as { id: string };
    expect(id).toMatch(/^\d{16}$/);
    sim.meta.simulator.sends.inbound({
      phoneNumberId: PHONE_NUMBER_ID,
      from: '6281234567890',
      message: { type: 'text', body: 'x' },
    });
    const image = (mediaId: string) => ({
      messaging_product: 'whatsapp',
      to: '6281234567890',
      type: 'image',
      image: { id: mediaId },
    });
    expect((await send(sim.meta, image(id))).status).toBe(200);
    expect((await send(sim.meta, image('1234'))).body.error.code).toBe(131053);
    const unauthorized = await fetch(`${sim.meta.url}/v21.0/${PHONE_NUMBER_ID}/media`, {
      method: 'POST',
      headers: { authorization: 'Bearer EAAG-wrong' },
      body: form,
    });
    expect(unauthorized.status).toBe(401);
  });

  it('refuses a media upload as Meta does: fields, one file, supported types that match, size limits', async () => {
    const upload = async (parts: { fields?: Record<string, string>; files?: [string, Blob, string][] }) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(parts.fields ?? {})) form.append(name, value);
      for (const [name, blob, filename] of parts.files ?? []) form.append(name, blob, filename);
      const response = await fetch(`${sim.meta.url}/v21.0/${PHONE_NUMBER_ID}/media`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}` },
        body: form,
      });
      const body = (await response.json()) as {
        id?: string;
        error?: { code: number; error_data?: { details: string } };
      };
      return { status: response.status, code: body.error?.code, details: body.error?.error_data?.details, id: body.id };
    };
    const bytes = (size: number, type: string) => new Blob([Buffer.alloc(size, 1)], { type });
    const whatsapp = { messaging_product: 'whatsapp' };
    // Meta's limits: images 5 MB, video 16 MB, documents 100 MB, stickers 500 KB.
    const fiveMb = 5 * 1024 * 1024;
    expect(
      await upload({
        fields: { ...whatsapp, type: 'image/png' },
        files: [['file', bytes(fiveMb, 'image/png'), 'a.png']],
      }),
    ).toMatchObject({ status: 200, id: expect.stringMatching(/^\d{16}$/) });
    expect(
      await upload({
        fields: { ...whatsapp, type: 'image/png' },
        files: [['file', bytes(fiveMb + 1, 'image/png'), 'a.png']],
      }),
    ).toMatchObject({ status: 400, code: 131053, details: expect.stringContaining(String(fiveMb)) });
    expect(
      await upload({
        fields: { ...whatsapp, type: 'application/pdf' },
        files: [['file', bytes(6 * 1024 * 1024, 'application/pdf'), 'brosur.pdf']],
      }),
    ).toMatchObject({ status: 200 });
    expect(
      await upload({
        fields: { ...whatsapp, type: 'image/webp' },
        files: [['file', bytes(500 * 1024 + 1, 'image/webp'), 's.webp']],
      }),
    ).toMatchObject({ status: 400, code: 131053 });
    // A type Meta does not take, or a file that is not the type it claims.
    expect(
      await upload({ fields: { ...whatsapp, type: 'image/gif' }, files: [['file', bytes(10, 'image/gif'), 'a.gif']] }),
    ).toMatchObject({ status: 400, code: 131053, details: expect.stringContaining('image/gif') });
    expect(
      await upload({
        fields: { ...whatsapp, type: 'image/jpeg' },
        files: [['file', bytes(10, 'application/pdf'), 'a.jpg']],
      }),
    ).toMatchObject({ status: 400, code: 131053 });
    // An empty file; no file; no messaging_product; two files.
    expect(
      await upload({ fields: { ...whatsapp, type: 'image/jpeg' }, files: [['file', bytes(0, 'image/jpeg'), 'a.jpg']] }),
    ).toMatchObject({ status: 400, code: 131053 });
    expect(await upload({ fields: { ...whatsapp, type: 'image/jpeg' } })).toMatchObject({ status: 400, code: 100 });
    expect(
      await upload({ fields: { type: 'image/jpeg' }, files: [['file', bytes(10, 'image/jpeg'), 'a.jpg']] }),
    ).toMatchObject({ status: 400, code: 100 });
    expect(
      await upload({
        fields: { ...whatsapp, type: 'image/jpeg' },
        files: [
          ['file', bytes(10, 'image/jpeg'), 'a.jpg'],
          ['file', bytes(10, 'image/jpeg'), 'b.jpg'],
        ],
      }),
    ).toMatchObject({ status: 400, code: 100 });
    // Not multipart at all, and a multipart body cut short.
    const plain = await fetch(`${sim.meta.url}/v21.0/${PHONE_NUMBER_ID}/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(plain.status).toBe(400);
    const cut = await fetch(`${sim.meta.url}/v21.0/${PHONE_NUMBER_ID}/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'multipart/form-data; boundary=XYZ' },
      body: '--XYZ\r\nContent-Disposition: form-data; name="messaging_product"\r\n\r\nwhatsapp\r\n--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\nabc',
    });
    expect(cut.status).toBe(400);
    expect(((await cut.json()) as { error: { code: number } }).error.code).toBe(100);
  });

  it('is controlled over HTTP as well: config, errors, counts, inbound, delivery and reset', async () => {
    const control = async (path: string, body: unknown) => {
      const response = await fetch(`${sim.meta.url}/__simulator/meta/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect((await control('config', { enforcePairRate: false })).body).toMatchObject({ enforcePairRate: false });
    expect((await control('errors', { code: 131048, count: 1 })).status).toBe(200);
    expect((await control('errors', { count: 1 })).status).toBe(400);
    expect((await send(sim.meta, promo('6281234567890', 'cm_h'))).body.error.code).toBe(131048);
    expect((await send(sim.meta, promo('6281234567890', 'cm_h'))).status).toBe(200);
    const counts = (await (
      await fetch(`${sim.meta.url}/__simulator/meta/sends?recipient=6281234567890&callbackData=cm_h`)
    ).json()) as Record<string, unknown>;
    expect(counts).toMatchObject({
      accepted: 1,
      received: 2,
      outcomes: { accepted: 1, 131048: 1 },
      recipient: { accepted: 1, attempts: 2 },
      callbackData: { accepted: 1 },
    });
    expect(
      (
        await control('inbound', {
          phoneNumberId: PHONE_NUMBER_ID,
          from: '6281234567890',
          message: { type: 'text', body: 'Halo' },
        })
      ).body.id,
    ).toEqual(expect.stringMatching(/^wamid\./));
    expect((await control('deliver', {})).status).toBe(200);
    expect(receiver.received.some((webhook) => webhook.body.entry[0]!.changes[0]!.value.messages)).toBe(true);
    await control('reset', {});
    expect(sim.meta.simulator.sends.ledger.acceptedAt).toHaveLength(0);
    expect(sim.meta.simulator.sends.settings.enforcePairRate).toBe(true);
  });
});
