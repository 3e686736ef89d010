import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { ManualClock } from '../../src/core/clock';
import { listenOn } from '../../src/core/listen';
import { startMetaSimulator, type MetaSimulatorHandle } from '../../src/simulators/meta';

export const APP_ID = '1000000000000001';
export const APP_SECRET = 'simulator-test-app-secret-0123456789';
export const TOKEN = 'EAAG-simulator-send-token-0001';
export const WABA_ID = '102290129340398';
export const PHONE_NUMBER_ID = '106540352242922';
export const BIZ_APP_NUMBER_ID = '106540352242923';

export const fixture = (name: string) =>
  JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'meta', name), 'utf8'),
  ) as Record<string, unknown>;

/** The structure of a JSON value: keys and value types, recursively (arrays by their first element). */
export function shape(value: unknown): unknown {
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

/** A simulator on a ManualClock with one WABA: a standard number and a coexistence (Business app) number. */
export async function startTestSimulator(options: { webhookUrl?: string } = {}) {
  const clock = new ManualClock(new Date('2026-12-01T08:00:00.000Z'));
  const meta = await startMetaSimulator({
    port: 0,
    isProduction: false,
    appId: APP_ID,
    appSecret: APP_SECRET,
    webhookUrl: options.webhookUrl,
    clock,
    deliverEveryMs: 0,
  });
  const templates = (fixture('template-list-page.json') as { data: Record<string, unknown>[] }).data;
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
      {
        id: BIZ_APP_NUMBER_ID,
        displayPhoneNumber: '+62 811-0000-0001',
        verifiedName: 'Toko',
        qualityRating: 'GREEN',
        throughputLevel: 'STANDARD',
        isOnBizApp: true,
      },
    ],
    templates: [
      ...templates,
      { ...templates[1], id: '1234567890123458', name: 'paused_promo', status: 'PAUSED' },
      {
        id: '1234567890123459',
        name: 'katalog_baru',
        language: 'id',
        status: 'APPROVED',
        category: 'MARKETING',
        parameter_format: 'POSITIONAL',
        components: [
          { type: 'HEADER', format: 'IMAGE' },
          { type: 'BODY', text: 'Katalog baru untuk {{1}}.' },
        ],
      },
    ],
  });
  return { meta, clock };
}

export type TestSimulator = Awaited<ReturnType<typeof startTestSimulator>>;

/** A template send of the fixture's named template, as the dispatcher would build it. */
export function promo(to: string, callbackData?: string, names = ['first_name', 'discount', 'end_date']) {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    type: 'template',
    template: {
      name: 'promo_akhir_tahun',
      language: { code: 'id' },
      components: [
        {
          type: 'body',
          parameters: names.map((name, index) => ({ type: 'text', parameter_name: name, text: `nilai ${index}` })),
        },
      ],
    },
    ...(callbackData !== undefined ? { biz_opaque_callback_data: callbackData } : {}),
  };
}

/** A send's answer: the success fields or the Graph error, whichever Meta (the simulator) gave. */
export interface SendAnswer {
  status: number;
  body: {
    messaging_product: string;
    contacts: { input: string; wa_id: string }[];
    messages: { id: string; message_status: string }[];
    error: { code: number; message: string; type: string; error_subcode?: number; fbtrace_id: string };
  };
}

/** A webhook body as Meta posts it (the parts the tests read). */
export interface WebhookBody {
  object: string;
  entry: {
    id: string;
    changes: {
      field: string;
      value: {
        messaging_product: string;
        metadata: { display_phone_number: string; phone_number_id: string };
        statuses?: WebhookStatus[];
        contacts?: Record<string, unknown>[];
        messages?: Record<string, unknown>[];
        user_preferences?: Record<string, unknown>[];
      };
    }[];
  }[];
}

export interface WebhookStatus {
  id: string;
  status: string;
  timestamp: string;
  recipient_id: string;
  biz_opaque_callback_data?: string;
  pricing?: Record<string, unknown>;
  conversation?: Record<string, unknown>;
  errors?: { code: number; title: string; message: string; error_data: { details: string }; href?: string }[];
}

export async function send(
  meta: MetaSimulatorHandle,
  body: unknown,
  { phone = PHONE_NUMBER_ID, token = TOKEN, version = 'v21.0' } = {},
): Promise<SendAnswer> {
  const response = await fetch(`${meta.url}/${version}/${phone}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as SendAnswer['body'] };
}

export interface ReceivedWebhook {
  raw: string;
  body: WebhookBody;
  signatureValid: boolean;
}

/** A stand-in for the portal's webhook: checks each signature, keeps bodies, answers what the test says. */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const answers: number[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const expected = Buffer.from(`sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`);
      const given = Buffer.from(String(request.headers['x-hub-signature-256'] ?? ''));
      const signatureValid = given.length === expected.length && timingSafeEqual(given, expected);
      received.push({ raw, body: JSON.parse(raw) as WebhookBody, signatureValid });
      response.statusCode = answers.shift() ?? 200;
      response.end();
    });
  });
  await listenOn(server, '127.0.0.1', 0, 'WEBHOOK_RECEIVER_PORT');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/whatsapp`,
    received,
    /** The next POSTs are answered with these statuses (then 200). */
    answerNext: (...statuses: number[]) => answers.push(...statuses),
    /** Every status received, in arrival order. */
    statuses: () =>
      received.flatMap((webhook) =>
        webhook.body.entry.flatMap((entry) => entry.changes.flatMap((change) => change.value.statuses ?? [])),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
