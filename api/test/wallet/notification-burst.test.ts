import { midtransSignature, NOTIFICATION_PATH } from '../../src/modules/wallet';
import { books, control, createTopup, financeMember, SERVER_KEY, startWalletStack, type WalletStack } from './support';

/**
 * A burst of settlements of many orders in several workspaces, each sent twice, all at once:
 * the notifications that arrive together are stored and applied together (issue 17's 1,000/s),
 * and every guarantee of one notification holds for each. Expected amounts are written by hand.
 */
describe('a burst of Midtrans settlements over several workspaces', () => {
  let stack: WalletStack;
  beforeAll(async () => {
    stack = await startWalletStack();
  });
  afterAll(() => stack.stop());

  it('credits each order exactly once, stores every notification with its outcome and numbers every receipt', async () => {
    const members = [];
    for (let index = 0; index < 3; index++) members.push(await financeMember(stack.api));
    // 3 workspaces x 12 orders of Rp50.000, 100.000 and 250.000 in turn: Rp1.600.000 per workspace.
    const amounts = [50_000, 100_000, 250_000];
    const orders: { orderId: string; workspaceId: string; amount: number }[] = [];
    for (const member of members) {
      for (let index = 0; index < 12; index++) {
        const amount = amounts[index % 3]!;
        const { order } = await createTopup(stack.api, member, amount);
        // Paid at Midtrans (Get Status says settlement); the notifications are posted below, by hand.
        await control(stack, order.orderId, { transaction_status: 'settlement', notify: false });
        orders.push({ orderId: order.orderId, workspaceId: member.workspace.id, amount });
      }
    }
    const body = (orderId: string, amount: number) =>
      JSON.stringify({
        order_id: orderId,
        status_code: '200',
        gross_amount: `${amount}.00`,
        transaction_status: 'settlement',
        signature_key: midtransSignature(orderId, '200', `${amount}.00`, SERVER_KEY),
      });
    const answers = await Promise.all(
      [...orders, ...orders].map(async ({ orderId, amount }) => {
        const response = await fetch(`${stack.api.url}${NOTIFICATION_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: body(orderId, amount),
        });
        return response.status;
      }),
    );
    expect(answers).toEqual(new Array(72).fill(200));

    const connection = stack.api.running.orm.em.fork().getConnection();
    for (const member of members) {
      const state = await books(stack.api, member.workspace.id);
      expect(state.balance).toBe(1_600_000n);
      expect(state.ledgerBalance).toBe(1_600_000n);
      expect(state.entries).toBe(12);
    }
    const stored = await connection.execute<{ order_id: string; outcome: string; workspace_id: string }[]>(
      `select order_id, outcome, workspace_id from midtrans_notification where order_id in (${orders.map(() => '?').join(', ')})`,
      orders.map((order) => order.orderId),
    );
    expect(stored).toHaveLength(72);
    for (const { orderId, workspaceId } of orders) {
      const outcomes = stored.filter((row) => row.order_id === orderId);
      expect(outcomes.map((row) => row.outcome).sort()).toEqual(['CREDITED', 'DUPLICATE']);
      expect(outcomes.every((row) => row.workspace_id === workspaceId)).toBe(true);
    }
    const receipts = await connection.execute<{ status: string; credited: string; number: string | null }[]>(
      `select o.status, o.credited::text, r.number from payment_order o left join receipt r on r.payment_order_id = o.id
       where o.order_id in (${orders.map(() => '?').join(', ')})`,
      orders.map((order) => order.orderId),
    );
    expect(receipts).toHaveLength(36);
    expect(receipts.every((row) => row.status === 'PAID')).toBe(true);
    expect(receipts.every((row) => row.number !== null && /^BZ\/2026\/\d{6}$/.test(row.number))).toBe(true);
    expect(new Set(receipts.map((row) => row.number)).size).toBe(36);
    // Each workspace's finance member is told of each of its 12 payments, once.
    for (const member of members) {
      const told = await connection.execute<{ params: { orderId: string } }[]>(
        `select params from notification where user_id = ? and workspace_id = ? and type = 'PAYMENT_SETTLED'`,
        [member.user.id, member.workspace.id],
      );
      const expected = orders
        .filter((order) => order.workspaceId === member.workspace.id)
        .map((order) => order.orderId);
      expect(told.map((row) => row.params.orderId).sort()).toEqual(expected.sort());
    }
  });
});
