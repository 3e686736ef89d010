import { rupiah } from '../../src/core/money';
import { WorkspaceTimeZone } from '../../src/modules/identity';
import { createMember, createWorkspace, type TestMember } from '../support/identity';
import { freePort } from '../support/ports';
import { bearer, books, control, createTopup, financeMember, startWalletStack, type WalletStack } from './support';

/** Top-up rules, PPN, prices with history, billing profiles, statements and low balance, through GraphQL. */
describe('wallet billing', () => {
  let stack: WalletStack;
  let member: TestMember;

  beforeAll(async () => {
    stack = await startWalletStack({ PPN_MODE: 'exclusive', TOPUP_MAX_AMOUNT: '5000000' });
    member = await financeMember(stack.api);
  });
  afterAll(() => stack.stop());

  const gql = <T>(query: string, variables: Record<string, unknown> = {}, who = member, language = 'en') =>
    stack.api.graphql<T>(query, variables, { ...bearer(who), 'accept-language': language });
  const TOPUP = 'mutation ($amount: PositiveRupiah!) { createTopup(input: { amount: $amount }) { order { orderId } } }';

  it('refuses top-ups under Rp50.000, over the maximum, or in fractions, with localized errors', async () => {
    const low = await gql(TOPUP, { amount: 49_999 }, member, 'id');
    expect(low.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      messageKey: 'wallet.topupMinimum',
    });
    expect(low.body.errors?.[0]?.message).toBe('Isi saldo minimal Rp50.000.');
    const high = await gql(TOPUP, { amount: 5_000_001 });
    expect(high.body.errors?.[0]?.message).toBe('Top up at most Rp5.000.000.');
    const fraction = await gql(TOPUP, { amount: 50_000.5 });
    expect(fraction.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const { rows } = await stack.api.running.orm.em
      .fork()
      .getConnection()
      .execute<{ count: number }[]>('select count(*)::int as count from payment_order where workspace_id = ?', [
        member.workspace.id,
      ])
      .then((result) => ({ rows: result }));
    expect(rows[0]!.count).toBe(0);
  });

  it('adds PPN on top when tax is exclusive (12 % of 11/12) and credits the amount chosen', async () => {
    const { order } = await createTopup(stack.api, member, 100_000);
    expect(order.amount).toBe(111_000);
    const request = stack.midtrans.simulator.transactions.get(order.orderId)!.request as {
      item_details: { id: string; price: number; quantity: number }[];
      enabled_payments: string[];
    };
    expect(request.item_details).toEqual([
      expect.objectContaining({ id: 'wallet-topup', price: 100_000, quantity: 1 }),
      expect.objectContaining({ id: 'ppn', price: 11_000, quantity: 1 }),
    ]);
    expect(request.enabled_payments).toEqual(['gopay', 'shopeepay', 'bank_transfer', 'credit_card']);
    await control(stack, order.orderId, { transaction_status: 'settlement' });
    expect((await books(stack.api, member.workspace.id)).balance).toBe(100_000n);
    const printed = await gql<{ receipt: Record<string, unknown> }>(
      'query ($o: String!) { receipt(orderId: $o) { number title issuedAtText billedTo { legalName } lines { description amount } subtotal tax total } }',
      { o: order.orderId },
      member,
      'id',
    );
    expect(printed.body.data?.receipt).toEqual({
      number: expect.stringMatching(/^BZ\/2026\/\d{6}$/),
      title: 'Kuitansi',
      // 03:00 UTC is 10:00 in Jakarta.
      issuedAtText: '1 Desember 2026 pukul 10.00 WIB',
      billedTo: null,
      lines: [
        { description: 'Isi saldo dompet BizOne', amount: 100_000 },
        { description: 'PPN', amount: 11_000 },
      ],
      subtotal: 100_000,
      tax: 11_000,
      total: 111_000,
    });
  });

  it('tells the wallet’s readers once when available balance falls under the threshold', async () => {
    const set = await gql<{ setLowBalanceThreshold: { lowBalanceThreshold: number } }>(
      'mutation { setLowBalanceThreshold(amount: 80000) { lowBalanceThreshold } }',
    );
    expect(set.body.data?.setLowBalanceThreshold.lowBalanceThreshold).toBe(80_000);
    const { wallet } = stack.api.running.services.wallet;
    const em = stack.api.running.orm.em.fork();
    const { holdId } = await wallet.hold(em, member.workspace.id, {
      key: 'low:hold',
      reference: 'campaign:low',
      actor: 'test',
      amount: rupiah(30_000),
    });
    await wallet.capture(em, member.workspace.id, {
      holdId,
      key: 'low:capture',
      reference: 'batch:low',
      actor: 'test',
      amount: rupiah(10_000),
    });
    const inbox = await gql<{ notifications: { items: { type: string; body: string }[] } }>(
      '{ notifications(first: 20) { items { type body } } }',
    );
    const low = inbox.body.data!.notifications.items.filter((item) => item.type === 'LOW_BALANCE');
    expect(low).toHaveLength(1);
    expect(low[0]!.body).toContain('Rp70.000');
  });

  it('exports the month as CSV with headers in the reader’s language', async () => {
    const result = await gql<{ monthlyStatement: { filename: string; csv: string } }>(
      '{ monthlyStatement(month: "2026-12") { filename csv } }',
      {},
      member,
      'id',
    );
    const { filename, csv } = result.body.data!.monthlyStatement;
    expect(filename).toBe('bizone-statement-2026-12.csv');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('Tanggal,Jenis,Referensi,Entri,Jumlah (IDR)');
    expect(lines.slice(1).map((line) => line.split(',').slice(1))).toEqual([
      ['Isi saldo', expect.stringMatching(/^BZ-TOPUP-/), '1', '100000'],
      ['Pemakaian', 'batch:low', '1', '-10000'],
    ]);
    const bad = await gql('{ monthlyStatement(month: "2026-13") { csv } }');
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps a billing profile, refusing an NPWP that is not 16 digits', async () => {
    const UPDATE =
      'mutation ($input: BillingProfileInput!) { updateBillingProfile(input: $input) { legalName npwp invoiceEmail } }';
    const input = {
      legalName: 'PT Toko Maju',
      npwp: '01.234.567.8-901.000',
      address: 'Jl. Sudirman 1, Jakarta',
      invoiceEmail: 'finance@tokomaju.co.id',
    };
    const bad = await gql(UPDATE, { input: { ...input, npwp: '01.234.567.8-901' } });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const good = await gql<{ updateBillingProfile: { npwp: string } }>(UPDATE, {
      input: { ...input, npwp: '0123 4567 8901 2345' },
    });
    expect(good.body.data?.updateBillingProfile.npwp).toBe('0123456789012345');
    const read = await gql<{ billingProfile: { legalName: string } }>(
      '{ billingProfile { legalName npwp address invoiceEmail } }',
    );
    expect(read.body.data?.billingProfile).toMatchObject({ legalName: 'PT Toko Maju', npwp: '0123456789012345' });
  });

  it('lets the platform admin set prices per category and per workspace, keeping the history', async () => {
    const em = stack.api.running.orm.em.fork();
    const admin = await createMember(em, await createWorkspace(em), 'owner', { platformAdmin: true });
    const SET = 'mutation ($input: SetPriceInput!) { setPrice(input: $input) { category amount workspaceId } }';
    const PRICES =
      'query ($w: ID) { prices(workspaceId: $w) { current { category amount workspaceId } history { category amount } } }';
    const before = await gql<{ prices: { current: { category: string; amount: number }[] } }>(PRICES, {}, admin);
    expect(before.body.data?.prices.current.map((price) => [price.category, price.amount])).toEqual([
      ['MARKETING', 500],
      ['UTILITY', 500],
      ['AUTHENTICATION', 500],
    ]);
    await gql(SET, { input: { category: 'MARKETING', amount: 750 } }, admin);
    stack.clock.advance(1000);
    await gql(SET, { input: { category: 'MARKETING', amount: 600, workspaceId: member.workspace.id } }, admin);
    stack.clock.advance(1000);
    const installation = await gql<{ prices: { current: { category: string; amount: number }[] } }>(PRICES, {}, admin);
    expect(installation.body.data?.prices.current[0]).toEqual({
      category: 'MARKETING',
      amount: 750,
      workspaceId: null,
    });
    const forWorkspace = await gql<{ prices: { current: unknown[]; history: unknown[] } }>(
      PRICES,
      { w: member.workspace.id },
      admin,
    );
    expect(forWorkspace.body.data?.prices.current[0]).toEqual({
      category: 'MARKETING',
      amount: 600,
      workspaceId: member.workspace.id,
    });
    expect(forWorkspace.body.data?.prices.history).toEqual([
      { category: 'MARKETING', amount: 600 },
      { category: 'MARKETING', amount: 750 },
    ]);
    const denied = await gql(SET, { input: { category: 'UTILITY', amount: 1 } }, member);
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('expires an unpaid order only after Midtrans’ expiry plus a margin, asking Midtrans to expire it first', async () => {
    const { order } = await createTopup(stack.api, member, 50_000);
    await control(stack, order.orderId, { transaction_status: 'pending', notify: false });
    const { payments } = stack.api.running.services.wallet;
    const status = async () =>
      (await payments.order(stack.api.running.orm.em.fork(), member.workspace.id, order.orderId))!.status;
    stack.clock.advance(24 * 3_600_000); // Midtrans' expiry (MIDTRANS_EXPIRY_MINUTES 1440)
    await payments.reconcileOne(stack.api.running.orm.em.fork(), member.workspace.id, order.orderId);
    expect(await status()).toBe('PENDING');
    stack.clock.advance(11 * 60_000);
    await payments.reconcileOne(stack.api.running.orm.em.fork(), member.workspace.id, order.orderId);
    expect(await status()).toBe('EXPIRED');
    expect(stack.midtrans.simulator.transactions.get(order.orderId)!.status).toBe('expire');
  });
});

describe('a top-up Midtrans refuses', () => {
  let stack: WalletStack;
  beforeAll(async () => {
    // The API's server key is not the one Midtrans (the simulator) knows: Snap answers 401.
    stack = await startWalletStack({ MIDTRANS_SERVER_KEY: 'SB-Mid-server-not-the-right-key' });
  });
  afterAll(() => stack.stop());

  it('reaches the user translated, never in Midtrans’ words, and leaves the order FAILED', async () => {
    const member = await financeMember(stack.api);
    const result = await stack.api.graphql(
      'mutation { createTopup(input: { amount: 100000 }) { order { orderId } } }',
      {},
      { ...bearer(member), 'accept-language': 'id' },
    );
    expect(result.body.errors?.[0]).toMatchObject({
      message: 'Midtrans tidak dapat dihubungi saat ini. Silakan coba lagi sebentar lagi.',
      extensions: { code: 'SERVICE_UNAVAILABLE', messageKey: 'wallet.gatewayUnavailable' },
    });
    expect(JSON.stringify(result.body)).not.toMatch(/server_key|Access denied/);
    const orders = await stack.api.running.services.wallet.payments.page(
      stack.api.running.orm.em.fork(),
      member.workspace.id,
      {
        limit: 5,
      },
    );
    expect(orders.items.map((order) => order.status)).toEqual(['FAILED']);
  });
});

/**
 * Statements and receipts count time where the workspace is. 2026-11-30T15:30:00Z is 00:30 on 1 December in Jayapura
 * (WIT, UTC+9) but 22:30 on 30 November in Jakarta (WIB, UTC+7): the same top-up, settled at that instant, is
 * December's in one workspace and November's in the other.
 */
describe('statements and receipts in the workspace’s time zone', () => {
  let stack: WalletStack;
  beforeAll(async () => {
    stack = await startWalletStack();
  });
  afterAll(() => stack.stop());

  const SETTLED_AT = new Date('2026-11-30T15:30:00Z');

  async function settledTopupIn(timeZone: WorkspaceTimeZone) {
    const em = stack.api.running.orm.em.fork();
    const workspace = await createWorkspace(em);
    workspace.timeZone = timeZone;
    await em.flush();
    const member = await createMember(em, workspace, 'finance');
    stack.clock.set(SETTLED_AT);
    const { order } = await createTopup(stack.api, member, 100_000);
    await control(stack, order.orderId, { transaction_status: 'settlement' });
    expect((await books(stack.api, workspace.id)).balance).toBe(100_000n);
    return { member, orderId: order.orderId };
  }

  const statementRows = async (member: TestMember, month: string) => {
    const result = await stack.api.graphql<{ monthlyStatement: { csv: string } }>(
      'query ($m: String!) { monthlyStatement(month: $m) { csv } }',
      { m: month },
      { ...bearer(member), 'accept-language': 'en' },
    );
    return result.body.data!.monthlyStatement.csv.trim().split('\n').slice(1);
  };

  const issuedAtText = async (member: TestMember, orderId: string, language: string) => {
    const result = await stack.api.graphql<{ receipt: { issuedAtText: string } }>(
      'query ($o: String!) { receipt(orderId: $o) { issuedAtText } }',
      { o: orderId },
      { ...bearer(member), 'accept-language': language },
    );
    return result.body.data!.receipt.issuedAtText;
  };

  it('puts a top-up settled at 00:30 WIT on 1 December in a Jayapura workspace’s December, printed at 00:30', async () => {
    const { member, orderId } = await settledTopupIn(WorkspaceTimeZone.ASIA_JAYAPURA);
    expect(await statementRows(member, '2026-11')).toEqual([]);
    expect(await statementRows(member, '2026-12')).toEqual([`2026-12-01 00:30,Top-up,${orderId},1,100000`]);
    expect(await issuedAtText(member, orderId, 'en')).toBe('1 December 2026 at 00:30 WIT');
    expect(await issuedAtText(member, orderId, 'id')).toBe('1 Desember 2026 pukul 00.30 WIT');
  });

  it('puts the same instant in a Jakarta workspace’s November, printed at 22:30 on 30 November', async () => {
    const { member, orderId } = await settledTopupIn(WorkspaceTimeZone.ASIA_JAKARTA);
    expect(await statementRows(member, '2026-11')).toEqual([`2026-11-30 22:30,Top-up,${orderId},1,100000`]);
    expect(await statementRows(member, '2026-12')).toEqual([]);
    expect(await issuedAtText(member, orderId, 'en')).toBe('30 November 2026 at 22:30 WIB');
  });
});

/**
 * A receipt's number carries the year where its workspace is, the year printed on it. 2026-12-31T17:30:00Z is 00:30 on
 * 1 January 2027 in Jakarta (WIB, UTC+7) but still 2026 in UTC; 2026-12-31T15:30:00Z is 00:30 on 1 January 2027 in
 * Jayapura (WIT, UTC+9) and 22:30 on 31 December 2026 in Jakarta. Each year's numbers start at 000001 and run on
 * without a gap, whatever the order of the workspaces' years.
 */
describe('receipt numbers in the workspace’s year', () => {
  let stack: WalletStack;
  beforeAll(async () => {
    stack = await startWalletStack();
  });
  afterAll(() => stack.stop());

  async function receiptOfTopupAt(settledAt: string, timeZone: WorkspaceTimeZone) {
    stack.clock.set(new Date(settledAt));
    const em = stack.api.running.orm.em.fork();
    const workspace = await createWorkspace(em);
    workspace.timeZone = timeZone;
    await em.flush();
    const member = await createMember(em, workspace, 'finance');
    // The test session expires a day after the wall clock; the platform clock is four weeks on.
    await em
      .getConnection()
      .execute(`update "session" set expires_at = ?::timestamptz + interval '1 day' where id = ?`, [
        settledAt,
        member.sessionId,
      ]);
    const { order } = await createTopup(stack.api, member, 100_000);
    await control(stack, order.orderId, { transaction_status: 'settlement' });
    const result = await stack.api.graphql<{ receipt: { number: string; issuedAtText: string } }>(
      'query ($o: String!) { receipt(orderId: $o) { number issuedAtText } }',
      { o: order.orderId },
      { ...bearer(member), 'accept-language': 'en' },
    );
    return result.body.data!.receipt;
  }

  it('numbers a receipt of 00:30 WIB or WIT on 1 January 2027 in 2027, one of 22:30 WIB on 31 December in 2026', async () => {
    expect(await receiptOfTopupAt('2026-12-31T15:30:00Z', WorkspaceTimeZone.ASIA_JAYAPURA)).toEqual({
      number: 'BZ/2027/000001',
      issuedAtText: '1 January 2027 at 00:30 WIT',
    });
    expect(await receiptOfTopupAt('2026-12-31T15:30:00Z', WorkspaceTimeZone.ASIA_JAKARTA)).toEqual({
      number: 'BZ/2026/000001',
      issuedAtText: '31 December 2026 at 22:30 WIB',
    });
    expect(await receiptOfTopupAt('2026-12-31T17:30:00Z', WorkspaceTimeZone.ASIA_JAKARTA)).toEqual({
      number: 'BZ/2027/000002',
      issuedAtText: '1 January 2027 at 00:30 WIB',
    });
    expect(await receiptOfTopupAt('2026-12-31T17:31:00Z', WorkspaceTimeZone.ASIA_JAKARTA)).toMatchObject({
      number: 'BZ/2027/000003',
    });
  });
});

/**
 * Each Snap transaction names its own notification URL (X-Override-Notification, GATEWAYS.md 2.3) and payment types
 * (`enabled_payments` from MIDTRANS_ALLOWED_PAYMENT_TYPES): here the simulator has no URL of its own (a Midtrans
 * dashboard never configured), so a top-up is credited only if the header reached it.
 */
describe('a top-up’s own notification URL and payment types', () => {
  let stack: WalletStack;
  let notificationUrl: string;
  beforeAll(async () => {
    const port = await freePort();
    notificationUrl = `http://127.0.0.1:${port}/api/wallet/midtrans/notification`;
    stack = await startWalletStack({
      API_PORT: String(port),
      MIDTRANS_NOTIFICATION_URL: notificationUrl,
      MIDTRANS_ALLOWED_PAYMENT_TYPES: 'gopay,bank_transfer',
    });
    stack.midtrans.simulator.setNotificationUrl(undefined);
  });
  afterAll(() => stack.stop());

  it('sends X-Override-Notification and the configured payment types with every Snap transaction', async () => {
    const member = await financeMember(stack.api);
    const { order } = await createTopup(stack.api, member, 100_000);
    const transaction = stack.midtrans.simulator.transactions.get(order.orderId)!;
    expect(transaction.notificationUrl).toBe(notificationUrl);
    expect((transaction.request as { enabled_payments: string[] }).enabled_payments).toEqual([
      'gopay',
      'bank_transfer',
    ]);
    const { answers } = await control(stack, order.orderId, { transaction_status: 'settlement' });
    expect(answers).toEqual([200]);
    expect((await books(stack.api, member.workspace.id)).balance).toBe(100_000n);
  });
});
