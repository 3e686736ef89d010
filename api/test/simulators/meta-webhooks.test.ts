import {
  APP_SECRET,
  fixture,
  PHONE_NUMBER_ID,
  promo,
  send,
  shape,
  startTestSimulator,
  startWebhookReceiver,
  WABA_ID,
  type TestSimulator,
  type WebhookBody,
} from './meta-support';

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/** The first status of a recorded webhook fixture. */
const firstStatus = (name: string) =>
  (fixture(name) as unknown as WebhookBody).entry[0]!.changes[0]!.value.statuses![0]!;

/** Status, inbound and user_preferences webhooks from the simulator: Meta's shapes, signed, batched, retried. */
describe('the Meta simulator’s webhooks', () => {
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
    sim.meta.simulator.sends.configure({ webhooks: { url: receiver.url } });
    receiver.received.length = 0;
  });

  const deliver = () => sim.meta.simulator.sends.webhooks.deliverDue();

  it('reports sent, delivered and read in Meta’s shapes, signed with the app secret, carrying the callback data', async () => {
    const { sends } = sim.meta.simulator;
    sends.configure({ webhooks: { sentDelayMs: 0, deliveredDelayMs: 100, readDelayMs: 1000, readShare: 1 } });
    const accepted = await send(sim.meta, promo('6281234567890', 'cm_0001'), { version: 'v25.0' });
    const wamid = accepted.body.messages[0]!.id;
    const sentAt = Math.floor(sim.clock.now().getTime() / 1000);
    expect(await deliver()).toBe(1);
    sim.clock.advance(100);
    expect(await deliver()).toBe(1);
    sim.clock.advance(900);
    expect(await deliver()).toBe(1);
    expect(receiver.received.every((webhook) => webhook.signatureValid)).toBe(true);
    const [sent, delivered, read] = receiver.received.map((webhook) => webhook.body);
    expect(shape(sent)).toEqual(shape(fixture('status-sent.json')));
    expect(shape(delivered)).toEqual(shape(fixture('status-delivered.json')));
    expect(shape(read)).toEqual(shape(fixture('status-read.json')));
    expect(sent!.entry[0]!.id).toBe(WABA_ID);
    expect(sent!.entry[0]!.changes[0]!.value.metadata).toEqual({
      display_phone_number: '6281100000000',
      phone_number_id: PHONE_NUMBER_ID,
    });
    const statuses = receiver.statuses();
    expect(
      statuses.map((status) => [status.status, status.id, status.recipient_id, status.biz_opaque_callback_data]),
    ).toEqual([
      ['sent', wamid, '6281234567890', 'cm_0001'],
      ['delivered', wamid, '6281234567890', 'cm_0001'],
      ['read', wamid, '6281234567890', 'cm_0001'],
    ]);
    expect(statuses.map((status) => Number(status.timestamp) - sentAt)).toEqual([0, 0, 1]);
    expect(statuses[0]!.pricing).toEqual({
      billable: true,
      pricing_model: 'PMP',
      category: 'marketing',
      type: 'regular',
    });
    expect(statuses[1]!.pricing).toEqual(statuses[0]!.pricing);
    // v24 and later omit the conversation object (GATEWAYS.md §1.4).
    expect(statuses.some((status) => 'conversation' in status)).toBe(false);
  });

  it('adds the conversation object on statuses of sends through API versions before v24', async () => {
    await send(sim.meta, promo('6281234567890'), { version: 'v21.0' });
    sim.clock.advance(100);
    await deliver();
    const [sent, delivered] = receiver.statuses();
    expect(sent!.conversation).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      expiration_timestamp: String(Math.floor(sim.clock.now().getTime() / 1000) - 0 + 86_400 - 0),
      origin: { type: 'marketing' },
    });
    expect(delivered!.conversation).toEqual({ id: sent!.conversation!.id, origin: { type: 'marketing' } });
  });

  it('batches statuses when busy: several per POST, at most maxBatch', async () => {
    const { sends } = sim.meta.simulator;
    sends.configure({ webhooks: { maxBatch: 2 } });
    for (let index = 0; index < 5; index += 1) await send(sim.meta, promo(`628123456780${index}`));
    expect(await deliver()).toBe(5);
    expect(
      receiver.received.map((webhook) => webhook.body.entry[0]!.changes[0]!.value.statuses!.length).sort(),
    ).toEqual([1, 2, 2]);
    sends.configure({ webhooks: { maxBatch: 100 } });
    sim.clock.advance(100);
    expect(await deliver()).toBe(5);
    expect(receiver.received).toHaveLength(4);
    expect(receiver.statuses().filter((status) => status.status === 'delivered')).toHaveLength(5);
  });

  it('retries a POST the receiver answers non-2xx, with the same signed body, after the retry delay', async () => {
    const { webhooks } = sim.meta.simulator.sends;
    webhooks.configure({ retryDelaysMs: [1000, 5000], deliveredDelayMs: 60_000 });
    receiver.answerNext(500, 503);
    await send(sim.meta, promo('6281234567890', 'cm_retry'));
    expect(await deliver()).toBe(0);
    sim.clock.advance(999);
    await deliver();
    expect(receiver.received).toHaveLength(1);
    sim.clock.advance(1);
    expect(await deliver()).toBe(0);
    sim.clock.advance(5000);
    expect(await deliver()).toBe(1);
    expect(receiver.received.map((webhook) => webhook.raw === receiver.received[0]!.raw)).toEqual([true, true, true]);
    expect(webhooks.deliveries.map((delivery) => [delivery.attempt, delivery.answer])).toEqual([
      [0, 500],
      [1, 503],
      [2, 200],
    ]);
    expect([webhooks.delivered, webhooks.dropped]).toEqual([1, 0]);
  });

  it('gives up after the last retry and counts what it dropped', async () => {
    const { webhooks } = sim.meta.simulator.sends;
    webhooks.configure({ retryDelaysMs: [1000], deliveredDelayMs: 60_000 });
    receiver.answerNext(500, 500);
    await send(sim.meta, promo('6281234567890'));
    await deliver();
    sim.clock.advance(1000);
    await deliver();
    sim.clock.advance(10_000);
    await deliver();
    expect(receiver.received).toHaveLength(2);
    expect([webhooks.delivered, webhooks.dropped]).toEqual([0, 1]);
  });

  it('duplicates and reorders statuses when asked, as Meta does', async () => {
    const { sends } = sim.meta.simulator;
    sends.configure({
      webhooks: {
        duplicateShare: 1,
        reorderShare: 1,
        readShare: 1,
        sentDelayMs: 0,
        deliveredDelayMs: 100,
        readDelayMs: 200,
      },
    });
    await send(sim.meta, promo('6281234567890'));
    await deliver();
    sim.clock.advance(100);
    await deliver();
    sim.clock.advance(100);
    await deliver();
    expect(receiver.statuses().map((status) => status.status)).toEqual([
      'read',
      'read',
      'delivered',
      'delivered',
      'sent',
      'sent',
    ]);
  });

  it('spreads configured delays over a range', async () => {
    const { sends } = sim.meta.simulator;
    sends.configure({ webhooks: { sentDelayMs: [1000, 2000], deliveredDelayMs: 60_000 } });
    for (let index = 0; index < 20; index += 1)
      await send(sim.meta, promo(`62812345679${String(index).padStart(2, '0')}`));
    sim.clock.advance(999);
    expect(await deliver()).toBe(0);
    sim.clock.advance(1001);
    expect(await deliver()).toBe(20);
  });

  it('reports an asynchronous error as accepted, then a failed status with Meta’s error object', async () => {
    const { sends } = sim.meta.simulator;
    sends.failSends({ code: 131049, mode: 'async', recipient: '6281234567891' });
    const accepted = await send(sim.meta, promo('6281234567891', 'cm_0002'));
    expect(accepted.body.messages[0]!.message_status).toBe('accepted');
    await send(sim.meta, promo('6281234567890', 'cm_0001'));
    await deliver();
    const failed = receiver.statuses().find((status) => status.status === 'failed')!;
    expect(shape({ ...failed })).toEqual(shape(firstStatus('status-failed-131049.json')));
    expect(failed.errors![0]!.code).toBe(131049);
    expect(failed.biz_opaque_callback_data).toBe('cm_0002');
    expect(receiver.statuses().map((status) => [status.recipient_id, status.status])).toEqual([
      ['6281234567891', 'failed'],
      ['6281234567890', 'sent'],
    ]);
    sim.clock.advance(60_000);
    await deliver();
    expect(receiver.statuses().filter((status) => status.recipient_id === '6281234567891')).toHaveLength(1);
  });

  it('fails a free-form text outside the 24 h service window (131047) and sends it inside one', async () => {
    const { sends } = sim.meta.simulator;
    const text = { messaging_product: 'whatsapp', to: '6281234567890', type: 'text', text: { body: 'Terima kasih' } };
    expect((await send(sim.meta, text)).status).toBe(200);
    await deliver();
    expect(receiver.statuses().map((status) => [status.status, status.errors?.[0]?.code])).toEqual([
      ['failed', 131047],
    ]);
    sends.inbound({ phoneNumberId: PHONE_NUMBER_ID, from: '6281234567890', message: { type: 'text', body: 'Halo' } });
    await send(sim.meta, text);
    await deliver();
    const sent = receiver.statuses().at(-1)!;
    expect(sent.status).toBe('sent');
    expect(sent.pricing).toEqual({ billable: true, pricing_model: 'PMP', category: 'service', type: 'regular' });
    sim.clock.advance(24 * 3_600_000 + 1);
    await deliver();
    receiver.received.length = 0;
    await send(sim.meta, text);
    await deliver();
    expect(receiver.statuses().map((status) => status.errors?.[0]?.code)).toEqual([131047]);
  });

  it('delivers an inbound text in the shape of Meta’s messages webhook, signed', async () => {
    const id = sim.meta.simulator.sends.inbound({
      phoneNumberId: PHONE_NUMBER_ID,
      from: '6281234567890',
      name: 'Sari',
      message: { type: 'text', body: 'STOP' },
    });
    await deliver();
    const [webhook] = receiver.received;
    expect(webhook!.signatureValid).toBe(true);
    expect(shape(webhook!.body)).toEqual(shape(fixture('inbound-text.json')));
    const value = webhook!.body.entry[0]!.changes[0]!.value;
    expect(value.contacts).toEqual([{ profile: { name: 'Sari' }, wa_id: '6281234567890' }]);
    expect(value.messages![0]).toMatchObject({ from: '6281234567890', id, type: 'text', text: { body: 'STOP' } });
    expect(id).toMatch(/^wamid\./);
  });

  it('delivers button and interactive replies with their context and the user id when given', async () => {
    const { sends } = sim.meta.simulator;
    const original = (await send(sim.meta, promo('6281234567890'))).body.messages[0]!.id;
    receiver.received.length = 0;
    sends.webhooks.clear();
    sends.inbound({
      phoneNumberId: PHONE_NUMBER_ID,
      from: '6281234567890',
      userId: 'US.13491208655302741918',
      replyTo: original,
      message: { type: 'button', text: 'Berhenti promosi', payload: 'STOP_PROMO' },
    });
    sends.inbound({
      phoneNumberId: PHONE_NUMBER_ID,
      from: '6281234567890',
      message: { type: 'interactive', reply: { kind: 'button_reply', id: 'ya', title: 'Ya' } },
    });
    await deliver();
    const [button, interactive] = receiver.received.map((webhook) => webhook.body.entry[0]!.changes[0]!.value);
    expect(button!.contacts![0]).toMatchObject({ wa_id: '6281234567890', user_id: 'US.13491208655302741918' });
    expect(button!.messages![0]).toMatchObject({
      type: 'button',
      button: { text: 'Berhenti promosi', payload: 'STOP_PROMO' },
      context: { from: '6281100000000', id: original },
    });
    expect(interactive!.messages![0]).toMatchObject({
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'ya', title: 'Ya' } },
    });
  });

  it('delivers an image, a document and a shared place in the shapes of Meta’s messages webhook', async () => {
    const { sends } = sim.meta.simulator;
    const from = '6281234567890';
    sends.inbound({
      phoneNumberId: PHONE_NUMBER_ID,
      from,
      message: { type: 'image', mediaId: '1545196789539731', caption: 'Yang biru ada?' },
    });
    sends.inbound({
      phoneNumberId: PHONE_NUMBER_ID,
      from,
      message: { type: 'document', mediaId: '2145196789539732', fileName: 'Daftar pesanan.pdf', caption: 'Ini' },
    });
    sends.inbound({
      phoneNumberId: PHONE_NUMBER_ID,
      from,
      message: { type: 'audio', mediaId: '3145196789539733', caption: 'no caption on audio' },
    });
    sends.inbound({
      phoneNumberId: PHONE_NUMBER_ID,
      from,
      message: {
        type: 'location',
        latitude: -6.2088,
        longitude: 106.8456,
        name: 'Toko Sudirman',
        address: 'Jl. Sudirman 1',
      },
    });
    await deliver();
    const [image, document, audio, place] = receiver.received.map(
      (webhook) => webhook.body.entry[0]!.changes[0]!.value.messages![0]!,
    );
    // Meta's Cloud API webhook reference: media objects carry id, mime_type and sha256; image, video and document a
    // caption; a document its filename; a location its coordinates, name and address.
    expect(image).toMatchObject({
      from,
      type: 'image',
      image: { id: '1545196789539731', mime_type: 'image/jpeg', caption: 'Yang biru ada?', sha256: expect.any(String) },
    });
    expect(document).toMatchObject({
      type: 'document',
      document: {
        id: '2145196789539732',
        mime_type: 'application/pdf',
        filename: 'Daftar pesanan.pdf',
        caption: 'Ini',
      },
    });
    expect(audio!.audio).toEqual({ id: '3145196789539733', mime_type: 'audio/ogg', sha256: expect.any(String) });
    expect(place).toMatchObject({
      type: 'location',
      location: { latitude: -6.2088, longitude: 106.8456, name: 'Toko Sudirman', address: 'Jl. Sudirman 1' },
    });
  });

  it('delivers user_preferences stop and resume events in Meta’s shape', async () => {
    const { sends } = sim.meta.simulator;
    sends.userPreference({ phoneNumberId: PHONE_NUMBER_ID, waId: '6281234567890', value: 'stop', name: 'Budi' });
    sends.userPreference({ phoneNumberId: PHONE_NUMBER_ID, waId: '6281234567890', value: 'resume' });
    await deliver();
    const [stop, resume] = receiver.received.map((webhook) => webhook.body);
    expect(shape(stop)).toEqual(shape(fixture('user-preferences-stop.json')));
    expect(stop!.entry[0]!.changes[0]!.field).toBe('user_preferences');
    expect(stop!.entry[0]!.changes[0]!.value.user_preferences![0]).toMatchObject({
      wa_id: '6281234567890',
      category: 'marketing_messages',
      value: 'stop',
    });
    expect(resume!.entry[0]!.changes[0]!.value.user_preferences![0]).toMatchObject({ value: 'resume' });
  });

  it('signs with the configured secret only: a receiver with another secret would refuse the body', async () => {
    const { sends } = sim.meta.simulator;
    sends.configure({ webhooks: { appSecret: `${APP_SECRET}-rotated` } });
    try {
      await send(sim.meta, promo('6281234567890'));
      await deliver();
      expect(receiver.received.map((webhook) => webhook.signatureValid)).toEqual([false]);
    } finally {
      sends.configure({ webhooks: { appSecret: APP_SECRET } });
    }
  });
});
