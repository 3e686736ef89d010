import { AppError } from '../../src/core/app-error';
import { MidtransGateway, type MidtransOptions } from '../../src/modules/wallet/midtrans/gateway';
import { startMidtransSimulator, type MidtransSimulatorHandle } from '../../src/simulators/midtrans';
import { freePort } from '../support/ports';
import { MERCHANT_ID, SERVER_KEY } from './support';

/**
 * Get Status as the wallet sees it, against the Midtrans simulator over HTTP: the status of a
 * paid order; "unknown" (404) for an order no payer has opened yet, which is no outage; and
 * an outage for a wrong server key, a Midtrans that is down, or one slower than the timeout.
 */
describe('Midtrans Get Status', () => {
  let midtrans: MidtransSimulatorHandle;
  const options = (apiBaseUrl: string, serverKey = SERVER_KEY, timeoutMs = 3000): MidtransOptions => ({
    isProduction: false,
    serverKey,
    clientKey: 'SB-Mid-client-test',
    snapBaseUrl: apiBaseUrl,
    apiBaseUrl,
    notificationUrl: 'http://127.0.0.1:9/notification',
    timeoutMs,
  });
  const outage = expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }) as unknown as AppError;

  beforeAll(async () => {
    midtrans = await startMidtransSimulator({
      port: 0,
      isProduction: false,
      serverKey: SERVER_KEY,
      merchantId: MERCHANT_ID,
      retryPollMs: 0,
    });
  });
  afterAll(() => midtrans.close());

  async function paidOrder(orderId: string) {
    const gateway = new MidtransGateway(options(midtrans.url));
    await gateway.createSnap({
      transaction_details: { order_id: orderId, gross_amount: 100_000 },
      item_details: [{ id: 'topup', price: 100_000, quantity: 1, name: 'Top-up' }],
      customer_details: { first_name: 'Test' },
      enabled_payments: ['gopay'],
      expiry: { start_time: '2026-12-01 10:00:00 +0700', unit: 'minute', duration: 60 },
    });
    await fetch(`${midtrans.url}/__simulator/midtrans/transactions/${orderId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ transaction_status: 'settlement', notify: false }),
    });
    return gateway;
  }

  it('answers the status of a paid order with the fields of a notification', async () => {
    const gateway = await paidOrder('BZ-TOPUP-GATEWAY-PAID');
    const answer = await gateway.status('BZ-TOPUP-GATEWAY-PAID');
    expect(answer).toEqual({
      found: true,
      status: expect.objectContaining({
        order_id: 'BZ-TOPUP-GATEWAY-PAID',
        transaction_status: 'settlement',
        status_code: '200',
        gross_amount: '100000.00',
      }) as unknown,
    });
  });

  it('answers "not found" for an order Midtrans does not know', async () => {
    const gateway = new MidtransGateway(options(midtrans.url));
    expect(await gateway.status('BZ-TOPUP-NEVER-OPENED')).toEqual({ found: false });
  });

  it('is an outage when the server key is refused, Midtrans is down or slower than the timeout', async () => {
    await paidOrder('BZ-TOPUP-GATEWAY-OUTAGE');
    const refused = new MidtransGateway(options(midtrans.url, 'SB-Mid-server-wrong-key'));
    await expect(refused.status('BZ-TOPUP-GATEWAY-OUTAGE')).rejects.toEqual(outage);
    const down = new MidtransGateway(options(`http://127.0.0.1:${await freePort()}`));
    await expect(down.status('BZ-TOPUP-GATEWAY-OUTAGE')).rejects.toEqual(outage);
    midtrans.simulator.statusDelayMs = 1500;
    try {
      const slow = new MidtransGateway(options(midtrans.url, SERVER_KEY, 500));
      await expect(slow.status('BZ-TOPUP-GATEWAY-OUTAGE')).rejects.toEqual(outage);
    } finally {
      midtrans.simulator.statusDelayMs = 0;
    }
  });
});
