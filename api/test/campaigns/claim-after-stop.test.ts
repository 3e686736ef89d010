import { rupiah } from '../../src/core/money';
import { workspaceEm } from '../../src/db/base.entity';
import { campaignLife, useCampaignWorld } from './life-support';
import { PRICE, testDispatchStore, type CampaignWorld } from './support';

const PAUSE = 'mutation ($id: ID!) { pauseCampaign(id: $id) { status } }';
const CANCEL = 'mutation ($id: ID!) { cancelCampaign(id: $id) { status } }';
const DAY_MS = 24 * 3_600_000;

/**
 * A dispatch loop lists its channel's campaigns, then claims from them one by one: a pause or a payment reversal
 * can commit in between. What a stopped campaign still has queued must stay queued (a reversal has released its
 * share of the hold already, and a pause means no more sends), and a completed campaign's 131049 retry waits while
 * the wallet is in debt (issue 17 point 5: sending is refused while there is debt). The test plays the loop's steps
 * with its store so the stop lands exactly between the list and the claim.
 */
describe('a claim after its campaign stopped', () => {
  let world: CampaignWorld;
  const { launch, read, money, message, wallet, fund } = campaignLife(() => world);
  // Half a day behind the database's now(): the retry needs the clock a day on (see marketing-cap.test.ts).
  useCampaignWorld((started) => (world = started), {
    fund: 100n * PRICE,
    startAt: new Date(Date.now() - 12 * 3_600_000),
  });

  const reverse = (name: string, amount: bigint) =>
    wallet().debit(workspaceEm(world.em(), world.workspaceId), world.workspaceId, {
      key: `test-reversal:${name}`,
      reference: `midtrans:${name}`,
      actor: 'midtrans',
      amount: rupiah(amount),
      kind: 'REVERSAL',
    });
  const statuses = async (id: string) =>
    Object.fromEntries(
      (
        await world.sql<{ status: string; count: number }>(
          'select status, count(*)::int as count from campaign_message where campaign_id = ? group by status',
          [id],
        )
      ).map((row) => [row.status, row.count]),
    );

  /** The loop's list, then `stop`, then the loop's claim from what it listed. */
  async function claimAfter(id: string, stop: () => Promise<unknown>) {
    const store = testDispatchStore(world);
    const channel = (await store.channel(world.em(), world.channelId))!;
    const fence = (await store.acquire(world.em(), channel, 'test-dispatcher', 3_600_000))!;
    expect(fence).not.toBeNull();
    try {
      const listed = (await store.running(world.em(), channel)).find((row) => row.id === id);
      expect(listed).toBeDefined();
      await stop();
      return await store.claim(world.em(), channel, listed!, fence, 10);
    } finally {
      await store.release(world.em(), channel.id, fence);
    }
  }

  it('claims nothing of a campaign paused between the list and the claim', async () => {
    const { id } = await launch(3);
    const claimed = await claimAfter(id, async () => {
      expect((await world.gql(PAUSE, { id })).errors).toBeUndefined();
    });
    expect(claimed).toBeNull();
    expect(await statuses(id)).toEqual({ QUEUED: 3 });
    // Its hold is whole (a pause keeps it) and nothing was sent.
    expect((await read(id)).status).toBe('PAUSED');
    expect(world.meta.simulator.sends.ledger.acceptedByRecipient.size).toBe(0);
    // Its hold given back for the next tests.
    expect((await world.gql(CANCEL, { id })).errors).toBeUndefined();
  });

  it('claims nothing of a campaign a payment reversal paused between the list and the claim, whose hold it released', async () => {
    const { id } = await launch(4);
    const before = await money();
    const claimed = await claimAfter(id, () => reverse('refund-between', PRICE));
    expect(claimed).toBeNull();
    expect(await statuses(id)).toEqual({ QUEUED: 4 });
    expect(await read(id)).toMatchObject({ status: 'PAUSED', pauseReason: 'WALLET_REVERSAL' });
    const after = await money();
    // The reversal released the campaign's whole hold (nothing was in flight), and no claim spends from it now.
    expect(after.held).toBe(before.held - 4n * PRICE);
    expect({ balance: after.ledgerBalance, held: after.ledgerHeld }).toEqual({
      balance: after.balance,
      held: after.held,
    });
  });

  it('sends a completed campaign’s due 131049 retry only once a top-up covers the wallet’s debt', async () => {
    // Start from a wallet with nothing held.
    const start = await money();
    expect(start.held).toBe(0n);
    const { id, waIds } = await launch(1);
    world.meta.simulator.sends.failSends({ code: 131049, recipient: waIds[0], mode: 'async', count: 1 });
    await world.dispatch();
    await world.deliverStatuses(5000);
    expect(await message(waIds[0]!)).toMatchObject({ status: 'QUEUED', error_code: 131049, attempt: 1 });
    expect((await read(id)).status).toBe('COMPLETED');
    const waiting = await money();
    expect(waiting.held).toBe(PRICE);
    // The retry comes due and a loop lists the campaign; then a chargeback of the whole balance puts the wallet in
    // debt by the retry's share, still held, before the loop claims.
    world.clock.advance(DAY_MS);
    const claimed = await claimAfter(id, () => reverse('chargeback-before-retry', waiting.balance));
    expect(claimed).toBeNull();
    expect(await money()).toMatchObject({ balance: 0n, held: PRICE, debt: PRICE });
    // Nor is it listed for a loop while the debt lasts.
    const store = testDispatchStore(world);
    const channel = (await store.channel(world.em(), world.channelId))!;
    expect((await store.running(world.em(), channel)).map((row) => row.id)).not.toContain(id);
    await world.dispatch();
    expect(await message(waIds[0]!)).toMatchObject({ status: 'QUEUED', attempt: 1 });
    expect(world.meta.simulator.sends.ledger.attemptsByRecipient.get(waIds[0]!)).toBe(1);

    await fund(PRICE);
    expect((await money()).debt).toBe(0n);
    await world.dispatch();
    expect(await message(waIds[0]!)).toMatchObject({ status: 'SENT', attempt: 2, charged: PRICE.toString() });
    expect(world.meta.simulator.sends.ledger.attemptsByRecipient.get(waIds[0]!)).toBe(2);
    const after = await money();
    expect({ balance: after.ledgerBalance, held: after.ledgerHeld }).toEqual({
      balance: after.balance,
      held: after.held,
    });
    expect(after).toMatchObject({ balance: 0n, held: 0n, debt: 0n });
  });
});
