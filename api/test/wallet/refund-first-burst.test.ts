import { NOTIFICATION_PATH } from '../../src/modules/wallet';
import type { TestMember } from '../support/identity';
import { books, control, createTopup, financeMember, refund, startWalletStack, type WalletStack } from './support';

/**
 * A refund that is the first news of a payment (its settlement's notification lost or late), posted many times at
 * once over separate connections, alone and mixed with the late settlement: the payment is credited once, each
 * refund debited once. Expected amounts are written by hand: a Rp100.000 top-up (no PPN) refunded in part.
 */
describe('a refund-first Midtrans notification posted concurrently', () => {
  let stack: WalletStack;
  beforeAll(async () => {
    stack = await startWalletStack();
  });
  afterAll(() => stack.stop());

  /** A paid Rp100.000 order at Midtrans (Get Status: settlement) whose notification never reached the API. */
  async function paidUnseen(member: TestMember) {
    const { order } = await createTopup(stack.api, member, 100_000);
    await control(stack, order.orderId, { transaction_status: 'settlement', notify: false });
    return order.orderId;
  }

  /** The notification Midtrans would sign for the transaction now (optionally as another status). */
  const notificationOf = (orderId: string, status?: string) =>
    JSON.stringify(
      stack.midtrans.simulator.statusBody(
        stack.midtrans.simulator.transactions.get(orderId)!,
        status ? { status } : {},
      ),
    );

  const postAll = (bodies: string[]) =>
    Promise.all(
      bodies.map(async (body) => {
        const response = await fetch(`${stack.api.url}${NOTIFICATION_PATH}`, {
          method: 'POST',
          // A connection of its own for each, so they really reach the API together.
          headers: { 'content-type': 'application/json', connection: 'close' },
          body,
        });
        return response.status;
      }),
    );

  async function ledgerOf(workspaceId: string, orderId: string) {
    const rows = await stack.api.running.orm.em
      .fork()
      .getConnection()
      .execute<{ kind: string; amount: string }[]>(
        'select kind, amount::text from ledger_entry where workspace_id = ? and reference = ? order by created_at, id',
        [workspaceId, orderId],
      );
    return rows.map((row) => [row.kind, Number(row.amount)]);
  }

  async function expectBooks(workspaceId: string, balance: number) {
    const state = await books(stack.api, workspaceId);
    expect(state.balance).toBe(BigInt(balance));
    expect(state.ledgerBalance).toBe(state.balance);
    expect(state.held).toBe(0n);
    expect(state.ledgerHeld).toBe(state.held);
  }

  const orderOf = async (workspaceId: string, orderId: string) =>
    (await stack.api.running.services.wallet.payments.order(stack.api.running.orm.em.fork(), workspaceId, orderId))!;

  it('credits the payment once and debits the refund once under 40 identical partial_refund notifications', async () => {
    const member = await financeMember(stack.api);
    const orderId = await paidUnseen(member);
    await refund(stack, orderId, 30_000, false, false);
    const answers = await postAll(new Array(40).fill(notificationOf(orderId)));
    expect(answers).toEqual(new Array(40).fill(200));

    expect(await ledgerOf(member.workspace.id, orderId)).toEqual([
      ['TOPUP', 100_000],
      ['REVERSAL', -30_000],
    ]);
    await expectBooks(member.workspace.id, 70_000);
    expect(await orderOf(member.workspace.id, orderId)).toMatchObject({
      status: 'PAID',
      midtransStatus: 'partial_refund',
      credited: 100_000n,
      reversed: 30_000n,
    });
    const stored = await stack.api.running.orm.em
      .fork()
      .getConnection()
      .execute<{ count: number }[]>('select count(*)::int as count from midtrans_notification where order_id = ?', [
        orderId,
      ]);
    expect(stored[0]!.count).toBe(40);
  });

  it('credits once and debits each of two refunds once when they race the late settlement', async () => {
    const member = await financeMember(stack.api);
    const orderId = await paidUnseen(member);
    await refund(stack, orderId, 30_000, false, false);
    const firstRefund = notificationOf(orderId);
    await refund(stack, orderId, 20_000, false, false);
    const secondRefund = notificationOf(orderId);
    const lateSettlement = notificationOf(orderId, 'settlement');
    const bodies = Array.from({ length: 45 }, (_, index) => [firstRefund, secondRefund, lateSettlement][index % 3]!);
    const answers = await postAll(bodies);
    expect(answers).toEqual(new Array(45).fill(200));

    const ledger = await ledgerOf(member.workspace.id, orderId);
    expect(ledger.filter(([kind]) => kind === 'TOPUP')).toEqual([['TOPUP', 100_000]]);
    expect(
      ledger
        .filter(([kind]) => kind !== 'TOPUP')
        .map((entry) => entry[1])
        .sort(),
    ).toEqual([-20_000, -30_000].sort());
    await expectBooks(member.workspace.id, 50_000);
    expect(await orderOf(member.workspace.id, orderId)).toMatchObject({
      status: 'PAID',
      midtransStatus: 'partial_refund',
      credited: 100_000n,
      reversed: 50_000n,
    });
  });
});
