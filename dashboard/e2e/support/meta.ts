import { createHmac } from 'node:crypto';
import { startMetaSimulator, type MetaSimulatorHandle } from '../../../api/src/simulators/meta';
import type { Stack } from './stack';

/** The Meta app the portal under test believes it is (its id and the secret Meta signs webhooks with). */
export const TEST_META_APP = { id: '1000000000000042', secret: 'e2e-meta-app-secret-0123456789' };

/**
 * A Meta (WhatsApp Cloud API) simulator in the test's own process, so the test can register the WABA, numbers
 * and templates it connects; `portalEnv()` points the portal at it. Call before `usePortal` (its `beforeAll`
 * must run first).
 */
export function useMetaSimulator(): { handle: MetaSimulatorHandle; portalEnv: () => Record<string, string> } {
  const meta = {} as { handle: MetaSimulatorHandle; portalEnv: () => Record<string, string> };
  beforeAll(async () => {
    meta.handle = await startMetaSimulator({ port: 0, isProduction: false, appId: TEST_META_APP.id });
  });
  afterAll(async () => {
    await meta.handle?.close();
  });
  meta.portalEnv = () => ({
    META_GRAPH_BASE_URL: meta.handle.url,
    META_APP_ID: TEST_META_APP.id,
    META_APP_SECRET: TEST_META_APP.secret,
  });
  return meta;
}

/** Posts a webhook body to the portal as Meta does: the raw body signed with the app secret (X-Hub-Signature-256). */
export async function postMetaWebhook(stack: Stack, body: unknown): Promise<Response> {
  const text = JSON.stringify(body);
  const signature = `sha256=${createHmac('sha256', TEST_META_APP.secret).update(text).digest('hex')}`;
  return fetch(`${stack.apiUrl}/api/webhooks/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
    body: text,
  });
}

/** Meta's `messages` webhook for one inbound text (the shape of ../shared/fixtures/meta/inbound-text.json). */
export function inboundText(
  to: { wabaId: string; phoneNumberId: string; displayNumber: string },
  from: string,
  text: string,
) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: to.wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: to.displayNumber, phone_number_id: to.phoneNumberId },
              contacts: [{ profile: { name: 'Sari' }, wa_id: from }],
              messages: [
                {
                  from,
                  id: `wamid.e2e-${from}-${Date.now()}`,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: 'text',
                  text: { body: text },
                },
              ],
            },
          },
        ],
      },
    ],
  };
}

/** Meta's `account_update` webhook for a WABA (a restriction, a disable or a reinstatement). */
export function accountUpdate(wabaId: string, value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: wabaId, time: Math.floor(Date.now() / 1000), changes: [{ field: 'account_update', value }] }],
  };
}
