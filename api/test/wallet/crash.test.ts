import type { MikroORM } from '@mikro-orm/postgresql';
import { createAppOrm } from '../../src/modules';
import { midtransSignature, NOTIFICATION_PATH } from '../../src/modules/wallet';
import { startMidtransSimulator, type MidtransSimulatorHandle } from '../../src/simulators/midtrans';
import { ownPostgres, startApiProcess } from '../faults/support';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createMember, createWorkspace, type TestMember } from '../support/identity';
import type { Spawned } from '../support/processes';
import { waitFor } from '../support/wait';
import { MERCHANT_ID, SERVER_KEY } from './support';

/**
 * kill -9 of the API between storing a notification and applying it (it waits on a slow Get
 * Status): nothing is credited, the body is kept; after a restart the reconciliation job finds
 * the interrupted notification, checks the order with Midtrans and credits it exactly once,
 * and Midtrans' retry of the same notification changes nothing.
 */
describe('a crash between storing a Midtrans notification and applying it', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let midtrans: MidtransSimulatorHandle;
  let member: TestMember;
  const running: Spawned[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await createAppOrm({ url: database.url, poolMax: 4 });
    const em = orm.em.fork();
    member = await createMember(em, await createWorkspace(em), 'finance');
    midtrans = await startMidtransSimulator({
      port: 0,
      isProduction: false,
      serverKey: SERVER_KEY,
      merchantId: MERCHANT_ID,
      retryPollMs: 0,
    });
  });
  afterAll(async () => {
    for (const { child } of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await midtrans.close();
    await orm.close(true);
    await database.drop();
  });

  const env = () => ({
    DATABASE_URL: database.url,
    MIDTRANS_SERVER_KEY: SERVER_KEY,
    MIDTRANS_MERCHANT_ID: MERCHANT_ID,
    MIDTRANS_SNAP_BASE_URL: midtrans.url,
    MIDTRANS_API_BASE_URL: midtrans.url,
    MIDTRANS_RECONCILE_EVERY_MS: '1000',
  });

  const sql = <T>(text: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(text, params);

  it('leaves the order unpaid at the crash, and credits it once after the restart', async () => {
    const first = await startApiProcess(env());
    running.push(first.api);
    const response = await fetch(`${first.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${member.sessionToken}` },
      body: JSON.stringify({ query: 'mutation { createTopup(input: { amount: 100000 }) { order { orderId } } }' }),
    });
    const { orderId } = ((await response.json()) as { data: { createTopup: { order: { orderId: string } } } }).data
      .createTopup.order;
    // The payer pays; Midtrans is slow to confirm it.
    await fetch(`${midtrans.url}/__simulator/midtrans/transactions/${orderId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ transaction_status: 'settlement', notify: false }),
    });
    midtrans.simulator.statusDelayMs = 60_000;
    const notification = JSON.stringify({
      order_id: orderId,
      status_code: '200',
      gross_amount: '100000.00',
      transaction_status: 'settlement',
      merchant_id: MERCHANT_ID,
      signature_key: midtransSignature(orderId, '200', '100000.00', SERVER_KEY),
    });
    const post = (url: string) =>
      fetch(`${url}${NOTIFICATION_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: notification,
      });
    const unanswered = post(first.url).catch(() => 'connection lost');
    await waitFor(
      async () => (await sql(`select 1 from midtrans_notification where order_id = ?`, [orderId])).length === 1,
      {
        what: 'the notification to be stored',
        timeoutMs: 10_000,
      },
    );
    first.api.child.kill('SIGKILL');
    await first.api.exited;
    expect(await unanswered).toBe('connection lost');
    expect(await sql(`select outcome from midtrans_notification where order_id = ?`, [orderId])).toEqual([
      { outcome: 'RECEIVED' },
    ]);
    expect(await sql(`select status from payment_order where order_id = ?`, [orderId])).toEqual([
      { status: 'PENDING' },
    ]);
    expect(await sql(`select id from ledger_entry where workspace_id = ?`, [member.workspace.id])).toEqual([]);

    midtrans.simulator.statusDelayMs = 0;
    const second = await startApiProcess(env());
    running.push(second.api);
    await waitFor(
      async () =>
        (await sql<{ status: string }>(`select status from payment_order where order_id = ?`, [orderId]))[0]?.status ===
        'PAID',
      {
        what: 'the reconciliation job to credit the order',
        timeoutMs: 45_000,
      },
    );
    // Midtrans retries the notification it never got an answer to: nothing more happens.
    expect((await post(second.url)).status).toBe(200);
    const entries = await sql<{ kind: string; amount: string }>(
      `select kind, amount::text from ledger_entry where workspace_id = ?`,
      [member.workspace.id],
    );
    expect(entries).toEqual([{ kind: 'TOPUP', amount: '100000' }]);
    expect(await sql(`select balance::text from wallet where workspace_id = ?`, [member.workspace.id])).toEqual([
      { balance: '100000' },
    ]);
    expect(
      (
        await sql<{ outcome: string }>(
          `select outcome from midtrans_notification where order_id = ? order by created_at`,
          [orderId],
        )
      ).map((row) => row.outcome),
    ).toEqual(['INTERRUPTED', 'DUPLICATE']);
    second.api.child.kill('SIGTERM');
    await second.api.exited;
  }, 120_000);
});

describe('a Midtrans notification during a database outage', () => {
  it('answers 503 (Midtrans retries), never 200', async () => {
    const postgres = await ownPostgres();
    const { api, url } = await startApiProcess({ DATABASE_URL: postgres.url, MIDTRANS_SERVER_KEY: SERVER_KEY });
    try {
      await postgres.stop();
      const body = JSON.stringify({
        order_id: 'BZ-TOPUP-OUTAGE',
        status_code: '200',
        gross_amount: '100000.00',
        transaction_status: 'settlement',
        signature_key: midtransSignature('BZ-TOPUP-OUTAGE', '200', '100000.00', SERVER_KEY),
      });
      const response = await fetch(`${url}${NOTIFICATION_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        message: 'Payment status could not be confirmed; retry later.',
        error: 'Service Unavailable',
        statusCode: 503,
      });
    } finally {
      api.child.kill('SIGKILL');
      await api.exited;
      await postgres.destroy();
    }
  }, 60_000);
});
