import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '../../src/core/clock';
import { startMetaSimulator, type MetaSimulatorHandle } from '../../src/simulators/meta';
import { startWebhookReceiver } from '../simulators/meta-support';

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'meta', name), 'utf8'),
  ) as Record<string, unknown>;

/** The structure of a JSON value: keys and value types, recursively (arrays by their first element). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [shape(value[0])] : [];
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, shape(inner)]),
    );
  }
  return typeof value;
}

/** The simulator answers in the shapes of Meta's recorded answers (../shared/fixtures/meta). */
describe('the Meta simulator’s contract', () => {
  let meta: MetaSimulatorHandle;
  const token = 'EAAG-contract-token-000000001';

  beforeAll(async () => {
    meta = await startMetaSimulator({ port: 0, isProduction: false, appId: '1000000000000001' });
    const page = fixture('template-list-page.json') as { data: Record<string, unknown>[] };
    meta.simulator.addAccount({ wabaId: '102290129340398', token, templates: [...page.data, ...page.data] });
  });
  afterAll(() => meta.close());

  const get = (path: string, bearer = token) =>
    fetch(`${meta.url}/v21.0/${path}`, { headers: { authorization: `Bearer ${bearer}` } });

  it('pages message_templates like Meta: data, cursors and a next link while more remain', async () => {
    const first = (await (await get('102290129340398/message_templates?limit=2')).json()) as {
      paging: { cursors: { after: string }; next?: string };
    };
    expect(shape(first)).toEqual(shape(fixture('template-list-page.json')));
    expect(first.paging.next).toMatch(/^https:\/\/graph\.facebook\.com\/v21\.0\/102290129340398\/message_templates\?/);
    const last = (await (
      await get(`102290129340398/message_templates?limit=2&after=${first.paging.cursors.after}`)
    ).json()) as { data: unknown[]; paging: { next?: string } };
    expect(last.data).toHaveLength(2);
    expect(last.paging.next).toBeUndefined();
  });

  it('answers a bad token with a Graph error body of Meta’s shape (code 190)', async () => {
    const response = await get('102290129340398/message_templates', 'EAAG-wrong');
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: Record<string, unknown> };
    const expected = fixture('error-rate-limit.json') as { error: Record<string, unknown> };
    const { error_data: _data, ...common } = expected.error;
    expect(shape(body.error)).toMatchObject(shape(common) as object);
    expect(body.error.code).toBe(190);
  });
});

type Webhook = { entry: { changes: { value: Record<string, unknown> }[] }[] };
const valueOf = (body: unknown) => (body as Webhook).entry[0]!.changes[0]!.value;

/**
 * The send side, both ways: what the simulator answers and posts has exactly the structure of Meta's recorded
 * answers and webhooks (no key missing, none extra), and Meta's recorded request is one the simulator accepts.
 */
describe('the Meta simulator’s send-side contract', () => {
  let meta: MetaSimulatorHandle;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const clock = new ManualClock(new Date('2026-12-01T08:00:00.000Z'));
  const token = 'EAAG-contract-token-000000002';
  const phone = '106540352242922';

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    meta = await startMetaSimulator({
      port: 0,
      isProduction: false,
      appId: '1000000000000001',
      appSecret: 'simulator-test-app-secret-0123456789',
      webhookUrl: receiver.url,
      clock,
      deliverEveryMs: 0,
    });
    meta.simulator.addAccount({
      wabaId: '102290129340398',
      token,
      numbers: [
        {
          id: phone,
          displayPhoneNumber: '+62 811-0000-0000',
          verifiedName: 'Toko',
          qualityRating: 'GREEN',
          throughputLevel: 'STANDARD',
          isOnBizApp: false,
        },
      ],
      // The recorded request's template as Meta holds it: positional, two body parameters.
      templates: [
        {
          name: 'promo_akhir_tahun',
          language: 'id',
          status: 'APPROVED',
          category: 'MARKETING',
          components: [{ type: 'BODY', text: 'Halo {{1}}, diskon {{2}} untuk Anda.' }],
        },
      ],
    });
  });
  afterAll(async () => {
    await meta.close();
    await receiver.close();
  });

  const sendFixture = async (overrides: Record<string, unknown> = {}) => {
    const response = await fetch(`${meta.url}/v25.0/${phone}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...fixture('send-template-request.json'), ...overrides }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  /** The statuses the simulator posted since the last call, and the bodies that carried them. */
  const posted = () => receiver.received.splice(0).map((webhook) => webhook.body as unknown);

  it('accepts Meta’s recorded template request and answers in the shape of the recorded response', async () => {
    const { status, body } = await sendFixture();
    expect(status).toBe(200);
    expect(shape(body)).toEqual(shape(fixture('send-response.json')));
  });

  it('posts sent, delivered and read webhooks in exactly the recorded shapes', async () => {
    meta.simulator.sends.configure({ webhooks: { readShare: 1, deliveredDelayMs: 1000, readDelayMs: 2000 } });
    await sendFixture({ to: '6281234567801' });
    posted();
    for (const name of ['status-sent.json', 'status-delivered.json', 'status-read.json']) {
      await meta.simulator.sends.webhooks.deliverDue();
      const [body] = posted();
      expect(shape(body)).toEqual(shape(fixture(name)));
      clock.advance(1000);
    }
  });

  it('posts failed webhooks in the recorded shapes (an error with and without a link)', async () => {
    meta.simulator.sends.failSends({ code: 131049, mode: 'async', count: 1 });
    await sendFixture({ to: '6281234567802' });
    await meta.simulator.sends.webhooks.deliverDue();
    const [failed] = posted();
    expect(shape(failed)).toEqual(shape(fixture('status-failed-131049.json')));
    // The older recorded failure has no `href`; everything else agrees.
    const older = fixture('status-failed.json');
    const olderError = (valueOf(older).statuses as { errors: Record<string, unknown>[] }[])[0]!.errors[0]!;
    const ours = (valueOf(failed).statuses as { errors: Record<string, unknown>[] }[])[0]!.errors[0]!;
    const { href: _href, ...withoutHref } = ours;
    expect(shape(withoutHref)).toEqual(shape(olderError));
  });

  it('answers an exceeded throughput in the shape of the recorded 130429 error', async () => {
    meta.simulator.sends.configure({ enforcePairRate: false });
    const answers = await Promise.all(Array.from({ length: 81 }, () => sendFixture({ to: '6281234567803' })));
    const refused = answers.find((answer) => answer.status !== 200)!;
    expect(shape(refused.body)).toEqual(shape(fixture('error-rate-limit.json')));
    expect((refused.body.error as { code: number }).code).toBe(130429);
  });

  it('posts inbound text and user_preferences webhooks in exactly the recorded shapes', async () => {
    posted();
    meta.simulator.sends.inbound({
      phoneNumberId: phone,
      from: '6281234567890',
      name: 'Sari',
      message: { type: 'text', body: 'STOP' },
    });
    meta.simulator.sends.userPreference({ phoneNumberId: phone, waId: '6281234567890', value: 'stop', name: 'Budi' });
    await meta.simulator.sends.webhooks.deliverDue();
    const [inbound, preferences] = posted();
    expect(shape(inbound)).toEqual(shape(fixture('inbound-text.json')));
    expect(shape(preferences)).toEqual(shape(fixture('user-preferences-stop.json')));
  });
});
