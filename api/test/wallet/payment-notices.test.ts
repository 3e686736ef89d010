import { randomBytes } from 'node:crypto';
import { Permission, Role } from '../../src/modules/identity';
import { createMember, createWorkspace, type TestMember } from '../support/identity';
import { countsOf, inboxOf } from '../support/notifications';
import { control, createTopup, startWalletStack, type WalletStack } from './support';

/**
 * What a payment's fate tells the wallet's readers (WALLET_READ: every built-in role; not a custom role without it):
 * a top-up that failed, expired or was reversed, and a wallet that fell into debt, each once however often Midtrans
 * repeats the notification (issue 20 point 3). Texts written by hand from the product's wording.
 */
describe('payment notifications', () => {
  let stack: WalletStack;
  let members: Record<'finance' | 'owner' | 'viewer' | 'contactsOnly' | 'stranger', TestMember>;

  beforeAll(async () => {
    stack = await startWalletStack();
    const em = stack.api.running.orm.em.fork();
    const workspace = await createWorkspace(em, 'Toko Bayar');
    const contactsReader = em.create(Role, {
      workspace,
      key: `custom-${randomBytes(4).toString('hex')}`,
      name: 'Contacts only',
      builtIn: false,
      permissions: [Permission.CONTACTS_READ],
    });
    await em.flush();
    members = {
      finance: await createMember(em, workspace, 'finance'),
      owner: await createMember(em, workspace, 'owner'),
      viewer: await createMember(em, workspace, 'viewer'),
      contactsOnly: await createMember(em, workspace, contactsReader),
      stranger: await createMember(em, await createWorkspace(em), 'owner'),
    };
  });
  afterAll(() => stack.stop());

  const counts = (type: string) => countsOf(stack.api, members, type);
  const toWalletReaders = { finance: 1, owner: 1, viewer: 1, contactsOnly: 0, stranger: 0 };
  const nobody = { finance: 0, owner: 0, viewer: 0, contactsOnly: 0, stranger: 0 };

  it('tells the wallet’s readers once that a top-up failed, though Midtrans denied it three times', async () => {
    const { order } = await createTopup(stack.api, members.finance, 75_000);
    await control(stack, order.orderId, { transaction_status: 'deny', duplicates: 2 });
    expect(await counts('PAYMENT_FAILED')).toEqual(toWalletReaders);
    expect((await inboxOf(stack.api, members.viewer, 'PAYMENT_FAILED'))[0]).toEqual({
      type: 'PAYMENT_FAILED',
      title: 'Top-up failed',
      body: `The payment of Rp75.000 for order ${order.orderId} did not go through.`,
      link: '/wallet',
    });
    // Midtrans repeats it later: still told once.
    await control(stack, order.orderId, { transaction_status: 'deny' });
    expect(await counts('PAYMENT_FAILED')).toEqual(toWalletReaders);
  });

  it('tells them once that a top-up expired, from Midtrans’ notification or from reconciliation', async () => {
    const { order } = await createTopup(stack.api, members.finance, 60_000);
    await control(stack, order.orderId, { transaction_status: 'expire', duplicates: 1 });
    expect(await counts('PAYMENT_EXPIRED')).toEqual(toWalletReaders);
    const [indonesian] = await inboxOf(stack.api, members.owner, 'PAYMENT_EXPIRED', 'id');
    expect(indonesian).toMatchObject({
      title: 'Isi saldo kedaluwarsa',
      body: `Pesanan ${order.orderId} sebesar Rp60.000 tidak dibayar tepat waktu.`,
    });

    // An order whose notifications never came: the reconciliation expires it past Midtrans' expiry, once.
    const { order: quiet } = await createTopup(stack.api, members.finance, 55_000);
    await control(stack, quiet.orderId, { transaction_status: 'pending', notify: false });
    stack.clock.advance(24 * 3_600_000 + 11 * 60_000);
    const { payments } = stack.api.running.services.wallet;
    const reconcile = () =>
      payments.reconcileOne(stack.api.running.orm.em.fork(), members.finance.workspace.id, quiet.orderId);
    await Promise.all([reconcile(), reconcile()]);
    await reconcile();
    const expired = await inboxOf(stack.api, members.finance, 'PAYMENT_EXPIRED');
    expect(expired.map((notice) => notice.body)).toEqual([
      `Order ${quiet.orderId} for Rp55.000 was not paid in time.`,
      `Order ${order.orderId} for Rp60.000 was not paid in time.`,
    ]);
  });

  it('tells them once of a reversal, and once of the debt it leaves when the money was spent', async () => {
    expect(await counts('WALLET_DEBT')).toEqual(nobody);
    const { order } = await createTopup(stack.api, members.finance, 100_000);
    await control(stack, order.orderId, { transaction_status: 'settlement' });
    // Everything available is spent on messages before the bank reverses the payment.
    const { wallet } = stack.api.running.services.wallet;
    const em = stack.api.running.orm.em.fork();
    const workspaceId = members.finance.workspace.id;
    const available = (await wallet.summary(em, workspaceId)).available;
    const { holdId } = await wallet.hold(em, workspaceId, {
      amount: available,
      key: `hold:${order.orderId}`,
      reference: 'campaign:x',
      actor: 'test',
    });
    await wallet.capture(em, workspaceId, {
      holdId,
      amount: available,
      key: `capture:${order.orderId}`,
      reference: 'batch:x',
      actor: 'test',
    });
    await control(stack, order.orderId, { transaction_status: 'deny', duplicates: 2 });
    await control(stack, order.orderId, { transaction_status: 'deny' });
    expect(await counts('PAYMENT_REVERSED')).toEqual(toWalletReaders);
    expect(await counts('WALLET_DEBT')).toEqual(toWalletReaders);
    expect((await inboxOf(stack.api, members.owner, 'PAYMENT_REVERSED'))[0]!.body).toBe(
      `The payment of Rp100.000 for order ${order.orderId} was reversed; the amount was taken back from your wallet.`,
    );
    expect((await inboxOf(stack.api, members.owner, 'WALLET_DEBT'))[0]).toEqual({
      type: 'WALLET_DEBT',
      title: 'Wallet in debt',
      body: 'Your wallet owes Rp100.000. Sending is blocked until you top up.',
      link: '/wallet',
    });
  });
});
