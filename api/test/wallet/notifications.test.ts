import { midtransSignature, NOTIFICATION_PATH } from '../../src/modules/wallet';
import { createMember, createWorkspace, type TestMember } from '../support/identity';
import {
  bearer,
  books,
  control as controlAtMidtrans,
  createTopup,
  financeMember,
  MERCHANT_ID,
  refund as refundAtMidtrans,
  SERVER_KEY,
  startWalletStack,
  statusCalls,
  type WalletStack,
} from './support';

/**
 * The replay suite: sequences of Midtrans notifications against the real endpoint, confirmed
 * through the simulator's Get Status. Expected amounts are written by hand from the charge
 * policy (issue 17), never read back from the code.
 */
const INVALID_SIGNATURE = {
  message: 'Invalid Midtrans notification signature.',
  error: 'Bad Request',
  statusCode: 400,
};

describe('Midtrans notifications', () => {
  let stack: WalletStack;
  let member: TestMember;

  beforeAll(async () => {
    stack = await startWalletStack();
    member = await financeMember(stack.api);
    // A platform admin, who is told about flagged orders.
    const em = stack.api.running.orm.em.fork();
    await createMember(em, await createWorkspace(em), 'owner', { platformAdmin: true });
  });
  afterAll(() => stack.stop());

  /**
   * Every wallet's books hold after every step of every sequence, not only at a test's end: balance == sum(ledger)
   * and held == sum(ledger's held changes). The rows it returns are the wallets that do not.
   */
  async function expectEveryWalletBalanced() {
    const unbalanced = await stack.api.running.orm.em
      .fork()
      .getConnection()
      .execute(
        `select w.workspace_id, w.balance::text, w.held::text,
                coalesce(sum(l.amount), 0)::text as ledger_balance, coalesce(sum(l.held_delta), 0)::text as ledger_held
           from wallet w left join ledger_entry l on l.workspace_id = w.workspace_id
          group by w.workspace_id, w.balance, w.held
         having w.balance <> coalesce(sum(l.amount), 0) or w.held <> coalesce(sum(l.held_delta), 0)`,
      );
    expect(unbalanced).toEqual([]);
  }

  // The replay steps: each notification posted, status moved or refund made at Midtrans is followed by the check.
  const post = async (body: string, contentType = 'application/json') => {
    const response = await fetch(`${stack.api.url}${NOTIFICATION_PATH}`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    await expectEveryWalletBalanced();
    return response;
  };
  const control = async (...args: Parameters<typeof controlAtMidtrans>) => {
    const answers = await controlAtMidtrans(...args);
    await expectEveryWalletBalanced();
    return answers;
  };
  const refund = async (...args: Parameters<typeof refundAtMidtrans>) => {
    await refundAtMidtrans(...args);
    await expectEveryWalletBalanced();
  };

  const order = async (orderId: string) =>
    (await stack.api.running.services.wallet.payments.order(
      stack.api.running.orm.em.fork(),
      member.workspace.id,
      orderId,
    ))!;

  const storedFor = async (orderId: string) =>
    (
      await stack.api.running.orm.em
        .fork()
        .getConnection()
        .execute<{ outcome: string }[]>(
          'select outcome from midtrans_notification where order_id = ? order by created_at',
          [orderId],
        )
    ).map((row) => row.outcome);

  async function expectBooksBalanced(expectedBalance: number) {
    const state = await books(stack.api, member.workspace.id);
    expect(state.balance).toBe(BigInt(expectedBalance));
    expect(state.ledgerBalance).toBe(state.balance);
    expect(state.ledgerHeld).toBe(state.held);
    return state;
  }

  function signed(fields: Record<string, string>) {
    return JSON.stringify({
      ...fields,
      signature_key: midtransSignature(fields.order_id!, fields.status_code!, fields.gross_amount!, SERVER_KEY),
    });
  }

  let baseline = 0;
  beforeEach(async () => {
    baseline = Number((await books(stack.api, member.workspace.id)).balance);
  });

  it('answers an empty {} with exactly the 400 body Midtrans documents', async () => {
    const response = await post('{}');
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(JSON.stringify(INVALID_SIGNATURE));
  });

  it('refuses a wrong signature with the same 400, and stores the body', async () => {
    const { order: created } = await createTopup(stack.api, member, 100_000);
    const body = JSON.stringify({
      order_id: created.orderId,
      status_code: '200',
      gross_amount: '100000.00',
      transaction_status: 'settlement',
      signature_key: 'f'.repeat(128),
    });
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(INVALID_SIGNATURE);
    expect(await storedFor(created.orderId)).toEqual(['BAD_SIGNATURE']);
    await expectBooksBalanced(baseline);
  });

  it('answers malformed JSON 400, a wrong content type 415 and an oversized body 413', async () => {
    expect((await post('{"order_id":')).status).toBe(400);
    expect((await post('order_id=1', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post(JSON.stringify({ pad: 'x'.repeat(40_000) }))).status).toBe(413);
  });

  it('accepts Midtrans’ dashboard test notification with 200 and changes nothing', async () => {
    const response = await post(
      signed({
        order_id: `payment_notif_test_${MERCHANT_ID}_1`,
        status_code: '200',
        gross_amount: '10000.00',
        transaction_status: 'settlement',
        merchant_id: MERCHANT_ID,
      }),
    );
    expect(response.status).toBe(200);
    await expectBooksBalanced(baseline);
  });

  it('asks Midtrans nothing about a dashboard test notification or an unknown order', async () => {
    const testOrderId = `payment_notif_test_${MERCHANT_ID}_2`;
    const test = await post(
      signed({
        order_id: testOrderId,
        status_code: '200',
        gross_amount: '10000.00',
        transaction_status: 'settlement',
        merchant_id: MERCHANT_ID,
      }),
    );
    expect(test.status).toBe(200);
    expect(await statusCalls(stack, testOrderId)).toBe(0);
    const unknown = await post(
      signed({
        order_id: 'BZ-TOPUP-UNKNOWN',
        status_code: '200',
        gross_amount: '50000.00',
        transaction_status: 'settlement',
      }),
    );
    expect(unknown.status).toBe(404);
    expect(await statusCalls(stack, 'BZ-TOPUP-UNKNOWN')).toBe(0);
  });

  it('confirms a duplicate of a final order with one Get Status call, and moves nothing', async () => {
    // It must ask: the signature covers order id, status code and amount, not transaction_status, and a PAID order
    // can still be reversed (a second partial_refund even carries the same status as the first), so only Get
    // Status tells a duplicate from news. One call per notification, never more.
    const { order: created } = await createTopup(stack.api, member, 50_000);
    await control(stack, created.orderId, { transaction_status: 'settlement' });
    expect(await order(created.orderId)).toMatchObject({ status: 'PAID', credited: 50_000n });
    expect(await statusCalls(stack, created.orderId)).toBe(1);
    await control(stack, created.orderId, { sequence: [{ transaction_status: 'settlement' }] });
    expect(await statusCalls(stack, created.orderId)).toBe(2);
    expect(await storedFor(created.orderId)).toEqual(['CREDITED', 'DUPLICATE']);
    await expectBooksBalanced(baseline + 50_000);
  });

  it('answers 404 for a correctly signed notification of an unknown order, and stores it', async () => {
    const response = await post(
      signed({
        order_id: 'BZ-TOPUP-NOPE',
        status_code: '200',
        gross_amount: '50000.00',
        transaction_status: 'settlement',
      }),
    );
    expect(response.status).toBe(404);
    expect(await storedFor('BZ-TOPUP-NOPE')).toEqual(['UNKNOWN_ORDER']);
  });

  it('flags an order whose notification carries another amount, and credits nothing', async () => {
    const { order: created } = await createTopup(stack.api, member, 100_000);
    await control(stack, created.orderId, { transaction_status: 'pending', notify: false });
    const response = await post(
      signed({
        order_id: created.orderId,
        status_code: '200',
        gross_amount: '1000000.00',
        transaction_status: 'settlement',
      }),
    );
    expect(response.status).toBe(200);
    expect(await order(created.orderId)).toMatchObject({
      flagged: true,
      flagReason: 'AMOUNT_MISMATCH',
      status: 'PENDING',
    });
    await expectBooksBalanced(baseline);
    const told = await stack.api.running.orm.em
      .fork()
      .getConnection()
      .execute<{ params: { orderId: string; reason: string } }[]>(
        `select n.params from notification n join "user" u on u.id = n.user_id where u.is_platform_admin and n.type = 'PAYMENT_FLAGGED'`,
      );
    expect(told.map((row) => row.params)).toContainEqual({ orderId: created.orderId, reason: 'AMOUNT_MISMATCH' });
  });

  it('credits a settled order exactly once under 50 concurrent identical notifications, storing every one', async () => {
    const { order: created } = await createTopup(stack.api, member, 100_000);
    await control(stack, created.orderId, { transaction_status: 'settlement', duplicates: 49 });
    const outcomes = await storedFor(created.orderId);
    expect(outcomes).toHaveLength(50);
    expect(outcomes.filter((outcome) => outcome === 'CREDITED')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'DUPLICATE')).toHaveLength(49);
    expect(await order(created.orderId)).toMatchObject({ status: 'PAID', credited: 100_000n });
    await expectBooksBalanced(baseline + 100_000);
    const receipt = await stack.api.graphql<{ receipt: { number: string } | null }>(
      'query ($id: String!) { receipt(orderId: $id) { number order { status } } }',
      { id: created.orderId },
      bearer(member),
    );
    expect(receipt.body.data?.receipt?.number).toMatch(/^BZ\/2026\/\d{6}$/);
  });

  it('does not credit a settlement that Get Status does not confirm', async () => {
    const { order: created } = await createTopup(stack.api, member, 50_000);
    await control(stack, created.orderId, { transaction_status: 'pending' });
    // The notification claims settlement; Midtrans itself still says pending.
    await control(stack, created.orderId, { sequence: [{ transaction_status: 'settlement' }] });
    expect(await order(created.orderId)).toMatchObject({ status: 'PENDING', credited: 0n });
    await expectBooksBalanced(baseline);
  });

  it('keeps a paid order paid when a late pending arrives after the settlement', async () => {
    const { order: created } = await createTopup(stack.api, member, 50_000);
    await control(stack, created.orderId, { transaction_status: 'settlement' });
    await control(stack, created.orderId, { transaction_status: 'pending' });
    expect((await order(created.orderId)).status).toBe('PAID');
    await expectBooksBalanced(baseline + 50_000);
  });

  it('holds a card challenge without credit, then credits capture-accept and settlement once', async () => {
    const { order: created } = await createTopup(stack.api, member, 250_000);
    await control(stack, created.orderId, {
      transaction_status: 'capture',
      fraud_status: 'challenge',
      payment_type: 'credit_card',
    });
    expect((await order(created.orderId)).status).toBe('CHALLENGE');
    await expectBooksBalanced(baseline);
    await control(stack, created.orderId, { transaction_status: 'capture', fraud_status: 'accept' });
    await control(stack, created.orderId, { transaction_status: 'settlement', fraud_status: 'accept' });
    expect(await order(created.orderId)).toMatchObject({ status: 'PAID', credited: 250_000n });
    await expectBooksBalanced(baseline + 250_000);
  });

  it('compares statuses case-insensitively', async () => {
    const { order: created } = await createTopup(stack.api, member, 50_000);
    await control(stack, created.orderId, { transaction_status: 'SETTLEMENT' });
    expect((await order(created.orderId)).status).toBe('PAID');
    await expectBooksBalanced(baseline + 50_000);
  });

  it('marks an unpaid order expired, denied or cancelled, crediting nothing', async () => {
    for (const [status, expected] of [
      ['expire', 'EXPIRED'],
      ['deny', 'FAILED'],
      ['cancel', 'CANCELLED'],
    ] as const) {
      const { order: created } = await createTopup(stack.api, member, 50_000);
      await control(stack, created.orderId, { transaction_status: status });
      expect((await order(created.orderId)).status).toBe(expected);
    }
    await expectBooksBalanced(baseline);
  });

  it('still credits a payment for an order already expired here, and flags it', async () => {
    const { order: created } = await createTopup(stack.api, member, 50_000);
    await control(stack, created.orderId, { transaction_status: 'expire' });
    await control(stack, created.orderId, { transaction_status: 'settlement' });
    expect(await order(created.orderId)).toMatchObject({
      status: 'PAID',
      flagged: true,
      flagReason: 'PAID_AFTER_EXPIRED',
    });
    await expectBooksBalanced(baseline + 50_000);
  });

  it('reverses a deny after settlement in full, once, leaving a debt when the money was spent', async () => {
    const { order: created } = await createTopup(stack.api, member, 100_000);
    await control(stack, created.orderId, { transaction_status: 'settlement' });
    const { wallet } = stack.api.running.services.wallet;
    const em = stack.api.running.orm.em.fork();
    // Everything available is reserved for a campaign before the bank reverses the payment.
    const available = (await wallet.summary(em, member.workspace.id)).available;
    const { holdId } = await wallet.hold(em, member.workspace.id, {
      amount: available,
      key: `hold:${created.orderId}`,
      reference: 'campaign:x',
      actor: 'test',
    });
    await wallet.capture(em, member.workspace.id, {
      holdId,
      amount: available,
      key: `capture:${created.orderId}`,
      reference: 'batch:x',
      actor: 'test',
    });
    await control(stack, created.orderId, { transaction_status: 'deny', duplicates: 1 });
    expect(await order(created.orderId)).toMatchObject({ status: 'PAID', reversed: 100_000n });
    const state = await expectBooksBalanced(baseline + 100_000 - Number(available) - 100_000);
    expect(state.debt).toBe(100_000n);
    await expect(wallet.assertCanSend(em, member.workspace.id)).rejects.toMatchObject({
      code: 'INSUFFICIENT_BALANCE',
      messageKey: 'wallet.inDebt',
    });
    await expect(
      wallet.hold(em, member.workspace.id, {
        amount: 1n as never,
        key: 'after-debt',
        reference: 'campaign:y',
        actor: 'test',
      }),
    ).rejects.toMatchObject({ messageKey: 'wallet.inDebt' });
    // A top-up covers the debt, and sending is allowed again.
    const { order: cover } = await createTopup(stack.api, member, 100_000);
    await control(stack, cover.orderId, { transaction_status: 'settlement' });
    await expect(wallet.assertCanSend(em, member.workspace.id)).resolves.toBeUndefined();
  });

  it('flags an expire after a payment instead of taking the money back', async () => {
    const { order: created } = await createTopup(stack.api, member, 50_000);
    await control(stack, created.orderId, { transaction_status: 'settlement' });
    await control(stack, created.orderId, { transaction_status: 'expire' });
    expect(await order(created.orderId)).toMatchObject({
      status: 'PAID',
      flagged: true,
      flagReason: 'EXPIRE_AFTER_PAID',
      reversed: 0n,
    });
    await expectBooksBalanced(baseline + 50_000);
  });

  it('credits a payment a person makes on the simulator’s payment page', async () => {
    const { order: created, redirectUrl } = await createTopup(stack.api, member, 100_000);
    const page = await (await fetch(redirectUrl)).text();
    expect(page).toContain(created.orderId);
    expect(page).toContain('Rp100.000');
    const paid = await fetch(redirectUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ method: 'bank_transfer', outcome: 'settlement' }).toString(),
    });
    expect(await paid.text()).toContain('Payment settlement');
    expect(await order(created.orderId)).toMatchObject({ status: 'PAID', paymentType: 'bank_transfer' });
    await expectBooksBalanced(baseline + 100_000);
  });

  it('reverses a cancel after a credited capture', async () => {
    const { order: created } = await createTopup(stack.api, member, 50_000);
    await control(stack, created.orderId, {
      transaction_status: 'capture',
      fraud_status: 'accept',
      payment_type: 'credit_card',
    });
    await control(stack, created.orderId, { transaction_status: 'cancel' });
    expect(await order(created.orderId)).toMatchObject({ credited: 50_000n, reversed: 50_000n });
    await expectBooksBalanced(baseline);
  });

  it('debits two partial refunds once each although Midtrans sends each twice, never beyond the credit', async () => {
    const { order: created } = await createTopup(stack.api, member, 100_000);
    await control(stack, created.orderId, { transaction_status: 'settlement' });
    await refund(stack, created.orderId, 30_000);
    await expectBooksBalanced(baseline + 70_000);
    await refund(stack, created.orderId, 20_000);
    await expectBooksBalanced(baseline + 50_000);
    // A chargeback of more than is left only takes what is left of the credit.
    await refund(stack, created.orderId, 80_000, true);
    expect((await order(created.orderId)).reversed).toBe(100_000n);
    await expectBooksBalanced(baseline);
  });

  it('credits what is left of a top-up whose settlement it never saw when the refund is the first news', async () => {
    // Out of order: the settlement's notification never came, then a partial refund. Get Status now says
    // partial_refund, so the payment it implies is credited and the refund debited from it.
    const { order: created } = await createTopup(stack.api, member, 100_000);
    await control(stack, created.orderId, { transaction_status: 'settlement', notify: false });
    await refund(stack, created.orderId, 30_000);
    expect(await order(created.orderId)).toMatchObject({ status: 'PAID', credited: 100_000n, reversed: 30_000n });
    await expectBooksBalanced(baseline + 70_000);
    // The settlement's notification, late: Get Status still says partial_refund, and nothing moves.
    await control(stack, created.orderId, { sequence: [{ transaction_status: 'settlement' }] });
    await expectBooksBalanced(baseline + 70_000);
  });

  it('takes a full refund and a partial chargeback back once each, whatever order they come in', async () => {
    const { order: refunded } = await createTopup(stack.api, member, 100_000);
    await control(stack, refunded.orderId, { transaction_status: 'settlement' });
    await refund(stack, refunded.orderId, 100_000);
    expect(await order(refunded.orderId)).toMatchObject({ midtransStatus: 'refund', reversed: 100_000n });
    await expectBooksBalanced(baseline);
    const { order: charged } = await createTopup(stack.api, member, 50_000);
    await control(stack, charged.orderId, { transaction_status: 'settlement' });
    await refund(stack, charged.orderId, 20_000, true);
    expect(await order(charged.orderId)).toMatchObject({ midtransStatus: 'partial_chargeback', reversed: 20_000n });
    await expectBooksBalanced(baseline + 30_000);
  });

  it('marks an unpaid order FAILED on failure, and an authorize credits nothing', async () => {
    const { order: failed } = await createTopup(stack.api, member, 50_000);
    await control(stack, failed.orderId, { transaction_status: 'failure' });
    expect(await order(failed.orderId)).toMatchObject({ status: 'FAILED', credited: 0n });
    const { order: authorized } = await createTopup(stack.api, member, 50_000);
    await control(stack, authorized.orderId, { transaction_status: 'authorize', payment_type: 'credit_card' });
    expect(await order(authorized.orderId)).toMatchObject({ status: 'PENDING', credited: 0n });
    await expectBooksBalanced(baseline);
  });

  it('answers 503 when Get Status is too slow to answer Midtrans in time, and the job credits it later', async () => {
    const { order: created } = await createTopup(stack.api, member, 50_000);
    await control(stack, created.orderId, { transaction_status: 'settlement', notify: false });
    stack.midtrans.simulator.statusDelayMs = 4_500;
    try {
      const response = await post(
        signed({
          order_id: created.orderId,
          status_code: '200',
          gross_amount: '50000.00',
          transaction_status: 'settlement',
        }),
      );
      expect(response.status).toBe(503);
      expect(await storedFor(created.orderId)).toEqual(['STATUS_UNAVAILABLE']);
    } finally {
      stack.midtrans.simulator.statusDelayMs = 0;
    }
    await expectBooksBalanced(baseline);
    // The order is due for a check at once (no waiting for the 1-minute check).
    await stack.api.running.services.wallet.payments.reconcileDue(stack.api.running.orm.em.fork());
    expect((await order(created.orderId)).status).toBe('PAID');
    await expectBooksBalanced(baseline + 50_000);
  });

  it('credits from Get Status when the notifications were lost to 500 answers (reconciliation)', async () => {
    const { order: created } = await createTopup(stack.api, member, 100_000);
    try {
      const refusing = await startRefusingServer();
      stack.midtrans.simulator.setNotificationUrl(refusing.url);
      const { answers } = await control(stack, created.orderId, { transaction_status: 'settlement' });
      expect(answers).toEqual([500]);
      // Midtrans retries a 500 once, after about 2 minutes: that one is lost too.
      stack.clock.advance(2 * 60_000);
      expect(await stack.midtrans.simulator.deliverDue()).toBe(1);
      stack.clock.advance(10 * 60_000);
      expect(await stack.midtrans.simulator.deliverDue()).toBe(0);
      await refusing.close();
    } finally {
      stack.midtrans.simulator.setNotificationUrl(stack.notificationUrl);
    }
    expect((await order(created.orderId)).status).toBe('PENDING');
    const { payments } = stack.api.running.services.wallet;
    expect(await payments.reconcileDue(stack.api.running.orm.em.fork())).toBeGreaterThanOrEqual(1);
    expect(await order(created.orderId)).toMatchObject({ status: 'PAID', credited: 100_000n });
    await expectBooksBalanced(baseline + 100_000);
    // A second pass finds the order settled and due no more.
    await payments.reconcileDue(stack.api.running.orm.em.fork());
    await expectBooksBalanced(baseline + 100_000);
  });

  it('credits once on the return from Snap’s finish redirect when no notification came, one Get Status per return', async () => {
    const { order: created } = await createTopup(stack.api, member, 100_000);
    // Paid at Midtrans; its notification never reaches the portal.
    await control(stack, created.orderId, { transaction_status: 'settlement', notify: false });
    expect(await order(created.orderId)).toMatchObject({ status: 'PENDING', credited: 0n });
    const before = await statusCalls(stack, created.orderId);
    const returned = async (who: TestMember) => {
      const { body } = await stack.api.graphql<{ checkTopup: { orderId: string; status: string; amount: number } }>(
        'mutation ($orderId: String!) { checkTopup(orderId: $orderId) { orderId status amount } }',
        { orderId: created.orderId },
        bearer(who),
      );
      await expectEveryWalletBalanced();
      return body;
    };
    expect((await returned(member)).data?.checkTopup).toEqual({
      orderId: created.orderId,
      status: 'PAID',
      amount: 100_000,
    });
    expect(await statusCalls(stack, created.orderId)).toBe(before + 1);
    await expectBooksBalanced(baseline + 100_000);
    // The return page reloaded in two tabs at once: each asks once, nothing is credited again.
    const again = await Promise.all([returned(member), returned(member)]);
    expect(again.map((body) => body.data?.checkTopup.status)).toEqual(['PAID', 'PAID']);
    expect(await statusCalls(stack, created.orderId)).toBe(before + 3);
    expect(await order(created.orderId)).toMatchObject({ status: 'PAID', credited: 100_000n });
    await expectBooksBalanced(baseline + 100_000);
    // Another workspace's member cannot have it checked: it is not found there, and Midtrans is not asked.
    const em = stack.api.running.orm.em.fork();
    const stranger = await createMember(em, await createWorkspace(em), 'owner');
    expect((await returned(stranger)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(await statusCalls(stack, created.orderId)).toBe(before + 3);
  });
});

async function startRefusingServer() {
  const { createServer } = await import('node:http');
  const server = createServer((request, response) => {
    request.resume();
    response.writeHead(500);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
