import { ManualClock } from '../../src/core/clock';
import { rupiah, type Rupiah } from '../../src/core/money';
import { startMidtransSimulator, type MidtransSimulatorHandle } from '../../src/simulators/midtrans';
import { createServer, type Server } from 'node:http';
import { startTestApi, type TestApi } from '../support/api';
import { createWorkspace } from '../support/identity';
import { MERCHANT_ID, SERVER_KEY } from './support';

/** Time-based rules, on a ManualClock: Midtrans' retry schedule (simulator) and the wallet's check schedule. */
describe('the simulator’s notification retries', () => {
  let midtrans: MidtransSimulatorHandle;
  let server: Server;
  let answer = 503;
  const received: number[] = [];
  const clock = new ManualClock(new Date('2026-12-01T00:00:00Z'));

  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      received.push(clock.now().getTime());
      response.writeHead(answer);
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    midtrans = await startMidtransSimulator({
      port: 0,
      isProduction: false,
      serverKey: SERVER_KEY,
      merchantId: MERCHANT_ID,
      clock,
      retryPollMs: 0,
      notificationUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`,
    });
  });
  afterAll(async () => {
    await midtrans.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function pay(orderId: string) {
    const auth = `Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}`;
    await fetch(`${midtrans.url}/snap/v1/transactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: auth },
      body: JSON.stringify({ transaction_details: { order_id: orderId, gross_amount: 50000 } }),
    });
    await fetch(`${midtrans.url}/__simulator/midtrans/transactions/${orderId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ transaction_status: 'settlement' }),
    });
  }

  /** Moves the clock minute by minute for `minutes`, delivering what is due. */
  async function run(minutes: number) {
    for (let minute = 0; minute < minutes; minute++) {
      clock.advance(60_000);
      await midtrans.simulator.deliverDue();
    }
  }

  it('retries a 503 four times, about 2, 10, 30 and 90 minutes apart (GATEWAYS.md 2.3)', async () => {
    received.length = 0;
    answer = 503;
    const start = clock.now().getTime();
    await pay('BZ-RETRY-503');
    await run(400);
    expect(received.map((at) => (at - start) / 60_000)).toEqual([0, 2, 12, 42, 132]);
  });

  it('retries a 500 once, and stops as soon as an answer is 2xx', async () => {
    received.length = 0;
    answer = 500;
    const start = clock.now().getTime();
    await pay('BZ-RETRY-500');
    await run(60);
    expect(received.map((at) => (at - start) / 60_000)).toEqual([0, 2]);
    received.length = 0;
    answer = 404;
    await pay('BZ-RETRY-404');
    answer = 200;
    await run(60);
    expect(received).toHaveLength(2);
  });
});

describe('the wallet’s Get Status schedule and reversal handler', () => {
  let api: TestApi;
  const clock = new ManualClock(new Date('2026-12-01T00:00:00Z'));
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(() => api.stop());

  it('checks an order 1, 5, 15 and 60 minutes after creation, then hourly, last after expiry plus 10 minutes', () => {
    const { payments } = api.running.services.wallet;
    const created = clock.now();
    const order = { created_at: created, expires_at: new Date(created.getTime() + 3 * 3_600_000) };
    const minutes = [];
    for (let i = 0; i < 8; i++) {
      const next = payments.nextCheckAt(order);
      minutes.push((next.getTime() - created.getTime()) / 60_000);
      clock.set(next);
    }
    expect(minutes).toEqual([1, 5, 15, 60, 120, 180, 190, 190]);
  });

  it('lets the broadcast engine keep the share of messages in flight when a reversal releases holds', async () => {
    const { wallet } = api.running.services.wallet;
    const em = api.running.orm.em.fork();
    const workspaceId = (await createWorkspace(em)).id;
    const common = { reference: 'test', actor: 'test' };
    await wallet.credit(em, workspaceId, { ...common, key: 'c', amount: rupiah(100_000) });
    const { holdId } = await wallet.hold(em, workspaceId, { ...common, key: 'h', amount: rupiah(60_000) });
    const calls: string[] = [];
    wallet.setReversalHandler({
      lockForReversal: async (_tx, id) => {
        calls.push(`lock ${id}`);
      },
      pauseForReversal: async (_tx, id) => {
        calls.push(`pause ${id}`);
        return new Map<string, Rupiah>([[holdId, rupiah(5_000)]]);
      },
    });
    await wallet.debit(em, workspaceId, { ...common, key: 'r', kind: 'REVERSAL', amount: rupiah(100_000) });
    // The engine's campaigns are locked first, then paused under the wallet's lock.
    expect(calls).toEqual([`lock ${workspaceId}`, `pause ${workspaceId}`]);
    const summary = await wallet.summary(em, workspaceId);
    // 55,000 released, 5,000 still held for messages in flight; the whole credit reversed.
    expect(summary).toMatchObject({ balance: 0n, held: 5_000n, available: -5_000n, debt: 5_000n });
    expect((await wallet.ledgerSums(em, workspaceId)).held).toBe(5_000n);
  });
});
