import { ManualClock } from '../../src/core/clock';
import { startMidtransSimulator, type MidtransSimulatorHandle } from '../../src/simulators/midtrans';
import { NOTIFICATION_PATH } from '../../src/modules/wallet';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';

export const SERVER_KEY = 'SB-Mid-server-test-key-0123456789';
export const MERCHANT_ID = 'G123456789';

export interface WalletStack {
  api: TestApi;
  midtrans: MidtransSimulatorHandle;
  clock: ManualClock;
  notificationUrl: string;
  stop(): Promise<void>;
}

/** The API and the Midtrans simulator on one ManualClock, the simulator posting to the API. */
export async function startWalletStack(env: Record<string, string> = {}): Promise<WalletStack> {
  const clock = new ManualClock(new Date('2026-12-01T03:00:00Z'));
  const midtrans = await startMidtransSimulator({
    port: 0,
    isProduction: false,
    serverKey: SERVER_KEY,
    merchantId: MERCHANT_ID,
    clock,
    retryPollMs: 0,
  });
  const api = await startTestApi({
    clock,
    env: {
      MIDTRANS_SERVER_KEY: SERVER_KEY,
      MIDTRANS_MERCHANT_ID: MERCHANT_ID,
      MIDTRANS_SNAP_BASE_URL: midtrans.url,
      MIDTRANS_API_BASE_URL: midtrans.url,
      MIDTRANS_TIMEOUT_MS: '3000',
      ...env,
    },
  });
  const notificationUrl = `${api.url}${NOTIFICATION_PATH}`;
  midtrans.simulator.setNotificationUrl(notificationUrl);
  return {
    api,
    midtrans,
    clock,
    notificationUrl,
    async stop() {
      await api.stop();
      await midtrans.close();
    },
  };
}

export async function financeMember(api: TestApi): Promise<TestMember> {
  const em = api.running.orm.em.fork();
  return createMember(em, await createWorkspace(em), 'finance');
}

export const bearer = (member: TestMember) => ({ authorization: `Bearer ${member.sessionToken}` });

export async function createTopup(api: TestApi, member: TestMember, amount: number) {
  const { body } = await api.graphql<{
    createTopup: { order: { orderId: string; status: string; amount: number }; snapToken: string; redirectUrl: string };
  }>(
    `mutation ($amount: PositiveRupiah!) { createTopup(input: { amount: $amount }) { order { orderId status amount } snapToken redirectUrl } }`,
    { amount },
    bearer(member),
  );
  if (!body.data) throw new Error(`createTopup failed: ${JSON.stringify(body.errors)}`);
  return body.data.createTopup;
}

/** The wallet's totals and the ledger's sums, read from the database. */
export async function books(api: TestApi, workspaceId: string) {
  const { wallet } = api.running.services.wallet;
  const em = api.running.orm.em.fork();
  const summary = await wallet.summary(em, workspaceId);
  const sums = await wallet.ledgerSums(em, workspaceId);
  return { ...summary, ledgerBalance: sums.balance, ledgerHeld: sums.held, entries: sums.entries };
}

export async function control(stack: WalletStack, orderId: string, body: Record<string, unknown>) {
  const response = await fetch(`${stack.midtrans.url}/__simulator/midtrans/transactions/${orderId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { answers: number[] };
}

/** A refund at Midtrans; `notify: false` leaves its notifications for the test to post. */
export async function refund(stack: WalletStack, orderId: string, amount: number, chargeback = false, notify = true) {
  await fetch(`${stack.midtrans.url}/__simulator/midtrans/transactions/${orderId}/refund`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ amount, chargeback, notify }),
  });
}

/** How many Get Status calls the simulator received for an order, read over its inspection route. */
export async function statusCalls(stack: WalletStack, orderId: string): Promise<number> {
  const response = await fetch(
    `${stack.midtrans.url}/__simulator/midtrans/status-calls/${encodeURIComponent(orderId)}`,
  );
  return ((await response.json()) as { calls: number }).calls;
}
