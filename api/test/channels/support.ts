import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceEm } from '../../src/db/base.entity';
import { metaSignature } from '../../src/modules/channels';
import type { MetaSimulatorHandle } from '../../src/simulators/meta';
import type { TestApi } from '../support/api';
import { waitFor } from '../support/wait';

/** What the channel suites share: Meta's fixtures, a signed POST to the webhook, and waiting for it to apply. */
export const APP_ID = '1000000000000001';
export const APP_SECRET = 'channels-test-app-secret-0123456789';
export const VERIFY_TOKEN = 'channels-test-verify-token';
export const META_TOKEN = 'EAAG-simulated-channels-token-0001';

export const rawFixture = (name: string) =>
  readFileSync(join(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'meta', name), 'utf8');
export const fixture = <T = Record<string, unknown>>(name: string) => JSON.parse(rawFixture(name)) as T;

export const metaEnv = (meta: MetaSimulatorHandle) => ({
  META_GRAPH_BASE_URL: meta.url,
  META_APP_ID: APP_ID,
  META_APP_SECRET: APP_SECRET,
  META_VERIFY_TOKEN: VERIFY_TOKEN,
});

/** A WABA with one number the simulator knows, holding the fixture templates. */
export function addAccount(meta: MetaSimulatorHandle, wabaId: string, phoneNumberId: string, portfolioId: string) {
  return meta.simulator.addAccount({
    wabaId,
    token: META_TOKEN,
    portfolioId,
    messagingLimitTier: 'TIER_2K',
    numbers: [
      {
        id: phoneNumberId,
        displayPhoneNumber: '+62 811-0000-0000',
        verifiedName: 'Toko',
        qualityRating: 'GREEN',
        throughputLevel: 'STANDARD',
        isOnBizApp: false,
      },
    ],
    templates: fixture<{ data: Record<string, unknown>[] }>('template-list-page.json').data,
  });
}

export async function connect(api: TestApi, workspaceId: string, wabaId: string, phoneNumberId: string) {
  const { channels } = api.running.services.channels;
  const scoped = workspaceEm(api.running.orm.em, workspaceId);
  const channel = await channels.connect(scoped, workspaceId, {
    name: 'Utama',
    phoneNumberId,
    wabaId,
    accessToken: META_TOKEN,
  });
  await channels.syncTemplates(scoped, workspaceId, channel.id);
  return channel;
}

export function postWebhook(api: TestApi, body: string | object) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return fetch(`${api.url}/api/webhooks/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(text, APP_SECRET) },
    body: text,
  });
}

export const sql = <T>(api: TestApi, text: string, params: unknown[] = []) =>
  api.running.orm.em.fork().getConnection().execute<T[]>(text, params);

export const allApplied = (api: TestApi) =>
  waitFor(
    async () => {
      const [row] = await sql<{ count: number }>(
        api,
        'select count(*)::int as count from whatsapp_webhook where applied_at is null',
      );
      return row!.count === 0;
    },
    { what: 'every stored webhook to be applied' },
  );

/** A `messages` webhook of the number with this value (metadata filled in). */
function messagesBody(phoneNumberId: string, wabaId: string, value: Record<string, unknown>): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '6281100000000', phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

/** A messages webhook carrying one `delivered` status of `wamid` from the number. */
export function deliveredBody(phoneNumberId: string, wabaId: string, wamid: string): Record<string, unknown> {
  return messagesBody(phoneNumberId, wabaId, {
    statuses: [{ id: wamid, status: 'delivered', timestamp: '1764576000', recipient_id: '6281234567890' }],
  });
}

/** A messages webhook carrying one inbound message from `from` to the number. */
export function inboundBody(
  phoneNumberId: string,
  wabaId: string,
  from: string,
  message: Record<string, unknown>,
): Record<string, unknown> {
  return messagesBody(phoneNumberId, wabaId, {
    contacts: [{ profile: { name: 'Sari' }, wa_id: from }],
    messages: [{ from, ...message }],
  });
}
