import { campaignLife, useCampaignWorld } from './life-support';
import { PRICE, type CampaignWorld } from './support';

/**
 * 131049, Meta's per-user marketing cap (issue 19 point 4): retried once, after at least 24 h, as attempt 2 with
 * its own charge and refund keys; the campaign completes meanwhile holding only that message's share; a second
 * 131049 fails it. Synchronous and in a `failed` status webhook, on the platform's clock.
 *
 * Its own world: these tests move the clock by days, past the database's now() that stamps stored webhooks, so
 * the async case runs first, while status passes still find what the simulator delivers.
 */
describe('the 131049 retry', () => {
  let world: CampaignWorld;
  const { launch, read, money, message } = campaignLife(() => world);

  // Half a day behind the database's now(), wherever the real date is: stored webhooks are stamped by now(), and
  // the clock moves a day on (a fixed start date made this suite fail once the real date passed it by a day).
  useCampaignWorld((started) => (world = started), {
    fund: 1_000_000n,
    startAt: new Date(Date.now() - 12 * 3_600_000),
  });

  const DAY_MS = 24 * 3_600_000;
  const attempts = (waId: string) => world.meta.simulator.sends.ledger.attemptsByRecipient.get(waId) ?? 0;
  const balanced = async () => {
    const wallet = world.api.running.services.wallet.wallet;
    const sums = await wallet.ledgerSums(world.em(), world.workspaceId);
    const summary = await wallet.summary(world.em(), world.workspaceId);
    expect({ balance: sums.balance, held: sums.held }).toEqual({ balance: summary.balance, held: summary.held });
  };

  it('retries a 131049 reported in a failed status (async) once after a day: refunded, its share held again, attempt 2 charged under its own key', async () => {
    const before = await money();
    const { id, waIds } = await launch(2);
    world.meta.simulator.sends.failSends({ code: 131049, recipient: waIds[0], mode: 'async', count: 1 });
    await world.dispatch();
    expect((await read(id)).status).toBe('COMPLETED');
    await world.deliverStatuses(5000);
    expect(await message(waIds[0]!)).toMatchObject({ status: 'QUEUED', error_code: 131049, attempt: 1, charged: '0' });
    const waiting = await money();
    // The first attempt refunded, and its share held again for the second.
    expect(waiting.held - before.held).toBe(PRICE);
    expect(waiting.balance).toBe(before.balance - PRICE);
    expect((await read(id)).status).toBe('COMPLETED');

    world.clock.advance(DAY_MS - 60_000);
    await world.dispatch();
    expect(attempts(waIds[0]!)).toBe(1);
    world.clock.advance(60_000);
    await world.dispatch();
    expect(await message(waIds[0]!)).toMatchObject({ status: 'SENT', attempt: 2, charged: PRICE.toString() });
    expect(attempts(waIds[0]!)).toBe(2);
    const after = await money();
    expect(after.held).toBe(before.held);
    expect(after.balance).toBe(before.balance - 2n * PRICE);
    // Each attempt's money under its own idempotency key: two captures, one refund, one hold given back.
    const entries = await world.sql<{ kind: string; idempotency_key: string; amount: string }>(
      `select kind, idempotency_key, amount::text as amount from ledger_entry
       where workspace_id = ? and actor = ? order by created_at, id`,
      [world.workspaceId, `campaign:${id}`],
    );
    const captures = entries.filter((entry) => entry.kind === 'CAPTURE');
    expect(captures.map((entry) => entry.amount)).toEqual([`-${2n * PRICE}`, `-${PRICE}`]);
    expect(new Set(captures.map((entry) => entry.idempotency_key)).size).toBe(2);
    expect(entries.filter((entry) => entry.kind === 'REFUND').map((entry) => entry.amount)).toEqual([PRICE.toString()]);
    expect(entries.filter((entry) => entry.kind === 'HOLD').length).toBe(2);
    expect((await read(id)).counts).toMatchObject({ failed: 0, queued: 0 });
    await balanced();
  });

  it('retries a 131049 (per-user marketing cap, sync) once, a day later, as attempt 2; the campaign completes holding only its share; a second 131049 fails it', async () => {
    const before = await money();
    const { id, waIds } = await launch(3);
    world.meta.simulator.sends.failSends({ code: 131049, recipient: waIds[0], count: 1 });
    await world.dispatch();
    expect(await message(waIds[0]!)).toMatchObject({ status: 'QUEUED', error_code: 131049, attempt: 1, charged: '0' });
    expect((await read(id)).status).toBe('COMPLETED');
    const waiting = await money();
    expect(waiting.held - before.held).toBe(PRICE);
    expect(waiting.balance).toBe(before.balance - 2n * PRICE);

    // Not before the day is over.
    world.clock.advance(DAY_MS - 60_000);
    await world.dispatch();
    expect(await message(waIds[0]!)).toMatchObject({ status: 'QUEUED', attempt: 1 });
    expect(attempts(waIds[0]!)).toBe(1);

    world.meta.simulator.sends.failSends({ code: 131049, recipient: waIds[0], count: 1 });
    world.clock.advance(60_000);
    await world.dispatch();
    expect(await message(waIds[0]!)).toMatchObject({ status: 'FAILED', error_code: 131049, attempt: 2, charged: '0' });
    expect(attempts(waIds[0]!)).toBe(2);
    const campaign = await read(id);
    expect(campaign).toMatchObject({ status: 'COMPLETED', cost: Number(2n * PRICE) });
    expect(campaign.counts).toMatchObject({ sent: 2, failed: 1, queued: 0 });
    const after = await money();
    expect(after.held).toBe(before.held);
    expect(after.balance).toBe(before.balance - 2n * PRICE);
    // Once more, a day later still: never a third attempt.
    world.clock.advance(DAY_MS + 60_000);
    await world.dispatch();
    expect(attempts(waIds[0]!)).toBe(2);
    await balanced();
  });
});
