import { Client } from 'pg';
import { rupiah } from '../../src/core/money';
import { workspaceEm } from '../../src/db/base.entity';
import { waitFor } from '../support/wait';
import { SCHEDULE, campaignLife, useCampaignWorld } from './life-support';
import { PRICE, type CampaignWorld } from './support';

/**
 * A payment reversal and a launch committing beside it (issue 17 point 5: "in the same transaction a reversal pauses
 * every running or scheduled campaign of the workspace and releases their holds"), on real connections. After both,
 * no campaign of the workspace runs on a hold placed before the reversal: either the reversal saw the launch and
 * paused it, or the launch came after the reversal and met its balance. The interleavings are made by the test, not
 * by timing: a connection of the test holds the wallet's row, the two start in a chosen order and are seen waiting
 * in pg_locks, then the wallet is let go.
 */
describe('a payment reversal beside a launch', () => {
  let world: CampaignWorld;
  const { draft, read, money, wallet, fund } = campaignLife(() => world);

  let blocker: Client | undefined;
  // Before the world's hooks: jest runs after-hooks in reverse, so this connection ends before its database goes.
  afterAll(async () => {
    await blocker?.end();
  });
  useCampaignWorld((started) => (world = started), { fund: 100n * PRICE });
  beforeAll(async () => {
    blocker = new Client({ connectionString: world.api.database.url });
    await blocker.connect();
  });

  let reversals = 0;
  const reverse = (amount: bigint) =>
    wallet().debit(workspaceEm(world.em(), world.workspaceId), world.workspaceId, {
      key: `race-reversal:${(reversals += 1)}`,
      reference: 'midtrans:chargeback',
      actor: 'midtrans',
      amount: rupiah(amount),
      kind: 'REVERSAL',
    });
  /** The launch as `startCampaign` runs it, on its own connection; what it was refused with, if anything. */
  const start = (id: string) =>
    world.api.running.services.campaigns.launch
      .start(workspaceEm(world.em(), world.workspaceId), world.workspaceId, id)
      .then(
        () => undefined,
        (error: { code?: string; messageKey?: string }) => ({ code: error.code, messageKey: error.messageKey }),
      );

  /**
   * Backends waiting behind the test's connection: for its wallet row, or for a lock of a backend that waits for it.
   * From pg_locks by the blocking pids (other suites share the server; a backend's pg_stat_activity row can lag its
   * first statements, so it is not read).
   */
  async function waitingBackends(count: number) {
    await waitFor(
      async () =>
        (
          await blocker!.query<{ n: number }>(
            `with waiting as (select distinct pid from pg_locks where not granted),
                  direct as (select pid from waiting where pg_backend_pid() = any(pg_blocking_pids(pid)))
             select count(*)::int as n from waiting w
             where w.pid in (select pid from direct)
                or exists (select 1 from direct d where d.pid = any(pg_blocking_pids(w.pid)))`,
          )
        ).rows[0]!.n === count,
      { what: `${count} backends waiting behind the test's lock` },
    );
  }

  /** Backends of this database waiting behind one that holds a lock on a wallet row. */
  async function waitingForTheWallet(): Promise<number> {
    const { rows } = await blocker!.query<{ n: number }>(
      `select count(distinct l.pid)::int as n from pg_locks l
       where not l.granted and exists (
         select 1 from pg_locks h
         where h.pid = any(pg_blocking_pids(l.pid)) and h.granted and h.relation = 'wallet'::regclass
           and h.database = (select oid from pg_database where datname = current_database()))`,
    );
    return rows[0]!.n;
  }

  /** Runs `first`, sees it wait for the wallet the test holds, runs `second`, sees both wait, lets the wallet go. */
  async function interleave<A, B>(first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
    await blocker!.query('begin');
    await blocker!.query('select 1 from wallet where workspace_id = $1 for update', [world.workspaceId]);
    let one: Promise<A> | undefined;
    let two: Promise<B> | undefined;
    try {
      one = first();
      await waitingBackends(1);
      two = second();
      await waitingBackends(2);
    } finally {
      await blocker!.query('rollback');
    }
    return Promise.all([one, two]);
  }

  /** The open holds of a campaign: none may outlive a reversal that paused it. */
  const openHolds = (campaignId: string) =>
    world.sql<{ remaining: string }>(
      `select remaining::text from wallet_hold where reference = ? and status = 'OPEN'`,
      [`campaign:${campaignId}`],
    );
  async function expectLedgerWhole() {
    const now = await money();
    expect({ balance: now.ledgerBalance, held: now.ledgerHeld }).toEqual({ balance: now.balance, held: now.held });
    return now;
  }

  it('pauses a scheduled campaign whose start comes while the reversal waits for the wallet, and the start is refused as not startable', async () => {
    const { id, waIds } = await draft(3);
    const at = new Date(world.clock.now().getTime() + 3_600_000).toISOString();
    expect((await world.gql(SCHEDULE, { id, at })).errors).toBeUndefined();
    const before = await money();

    // The reversal first (it locks the scheduled campaign, then waits for the wallet), then the start.
    const [reversed, refused] = await interleave(
      () => reverse(PRICE),
      () => start(id),
    );
    expect(reversed.applied).toBe(true);
    expect(refused).toMatchObject({ code: 'CONFLICT', messageKey: 'campaigns.notStartable' });
    expect(await read(id)).toMatchObject({ status: 'PAUSED', pauseReason: 'WALLET_REVERSAL' });
    expect(await openHolds(id)).toEqual([]);
    const after = await expectLedgerWhole();
    expect(after).toMatchObject({ balance: before.balance - PRICE, held: before.held });
    await world.dispatch();
    for (const waId of waIds) expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get(waId)).toBeUndefined();
  });

  it('pauses a campaign whose launch placed its hold before the reversal, releasing that hold', async () => {
    const { id, waIds } = await draft(3);
    const before = await money();

    // The launch first (its campaign locked, its hold waiting for the wallet), then the reversal.
    const [launched, reversed] = await interleave(
      () => start(id),
      () => reverse(PRICE),
    );
    expect(launched).toBeUndefined();
    expect(reversed.applied).toBe(true);
    expect(await read(id)).toMatchObject({ status: 'PAUSED', pauseReason: 'WALLET_REVERSAL' });
    expect(await openHolds(id)).toEqual([]);
    const after = await expectLedgerWhole();
    expect(after).toMatchObject({ balance: before.balance - PRICE, held: before.held });
    await world.dispatch();
    for (const waId of waIds) expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get(waId)).toBeUndefined();
  });

  it('pauses a campaign whose resume checked the debt while a reversal into debt committed', async () => {
    const { id, waIds } = await draft(3);
    expect(await start(id)).toBeUndefined();
    expect(
      (await world.gql('mutation ($id: ID!) { pauseCampaign(id: $id) { status } }', { id })).errors,
    ).toBeUndefined();
    const before = await money();

    // The interleaving: the resume stops right after its debt check (its hold still covers it, so it places no new
    // hold), a reversal into debt runs to its end or to a lock it waits for, then the resume goes on.
    const service = wallet();
    const original = service.assertCanSend.bind(service);
    let checked: () => void = () => undefined;
    const atCheck = new Promise<void>((resolve) => (checked = resolve));
    let goOn: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (goOn = resolve));
    service.assertCanSend = async (em, workspaceId, options) => {
      await original(em, workspaceId, options);
      if (options?.lock) {
        checked();
        await gate;
      }
    };
    let resumed: Promise<unknown> | undefined;
    let reversed: Promise<unknown> | undefined;
    try {
      resumed = world.api.running.services.campaigns.launch
        .resume(workspaceEm(world.em(), world.workspaceId), world.workspaceId, id)
        .then(
          () => undefined,
          (error: { messageKey?: string }) => error.messageKey,
        );
      await atCheck;
      let done = false;
      reversed = reverse(before.balance + PRICE).finally(() => (done = true));
      await waitFor(async () => done || (await waitingForTheWallet()) === 1, {
        what: 'the reversal done, or waiting for the wallet the resume holds',
      });
    } finally {
      goOn();
      service.assertCanSend = original;
    }
    await Promise.all([resumed, reversed]);

    // Whichever order the two took, no campaign sends on while the wallet is in debt.
    expect((await money()).debt).toBeGreaterThan(0n);
    expect(await read(id)).toMatchObject({ status: 'PAUSED', pauseReason: 'WALLET_REVERSAL' });
    expect(await openHolds(id)).toEqual([]);
    await expectLedgerWhole();
    await world.dispatch();
    for (const waId of waIds) expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get(waId)).toBeUndefined();
    // The next test starts out of debt.
    await fund((await money()).debt + 100n * PRICE);
  });

  // Last: it leaves the wallet in debt.
  it('refuses a launch that reaches the wallet after a reversal into debt', async () => {
    const { id } = await draft(3);
    const before = await money();

    // The reversal first, taking more than is available; then the launch, which waits for the wallet behind it.
    const [reversed, refused] = await interleave(
      () => reverse(before.available + PRICE),
      () => start(id),
    );
    expect(reversed.applied).toBe(true);
    expect(refused).toMatchObject({ code: 'INSUFFICIENT_BALANCE', messageKey: 'wallet.inDebt' });
    expect((await read(id)).status).toBe('DRAFT');
    expect(await openHolds(id)).toEqual([]);
    const after = await expectLedgerWhole();
    expect(after).toMatchObject({ held: before.held, debt: PRICE });
  });
});
