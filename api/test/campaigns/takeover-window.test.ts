import { CHANNELS_WITH_WORK } from '../../src/modules/campaigns/campaigns.sql';
import type { DispatchOptions } from '../../src/modules/campaigns/dispatch/dispatcher';
import { query } from '../../src/db/sql';
import { campaignLife, useCampaignWorld } from './life-support';
import { PRICE, START, type CampaignWorld } from './support';

/**
 * Issue 21 point 2 and issue 19 point 3: a killed worker's channel is handed to another "within the lease's
 * time-to-live". At the default 15 s TTL a holder renews every 3.75 s and sends for 10 s after a renewal; each
 * renewal moves the lease's takeover moment (`expires_at`, on the database's clock) to 11 s after it. So a live
 * holder's lease always has more than 7 s left, and one with 5 s or less left belongs to a dead holder: the tick
 * starts a dispatch job for its channel then, and the job waits for the takeover moment and takes the channel at
 * once, never before it, instead of the next tick finding it free seconds later.
 */
describe('taking over a dead holder’s lease at its takeover moment', () => {
  let world: CampaignWorld;
  const { draft, fund } = campaignLife(() => world);

  useCampaignWorld((started) => (world = started));

  /** A lease on the test's channel held by a process that no longer renews it, free `inMs` from now (database clock). */
  async function deadHoldersLease(inMs: number) {
    await world.sql(
      `insert into dispatch_lease (channel_id, holder, fence, expires_at, renewed_at)
       values (?, 'dead-host:1:x', 7, clock_timestamp() + ? * interval '1 millisecond', clock_timestamp())
       on conflict (channel_id) do update set holder = excluded.holder, fence = excluded.fence,
         expires_at = excluded.expires_at, renewed_at = excluded.renewed_at`,
      [world.channelId, inMs],
    );
  }
  const leaseRow = async () =>
    (
      await world.sql<{ holder: string; fence: string; expires_at: string; renewed_at: string }>(
        `select holder, fence::text as fence, expires_at::text as expires_at, renewed_at::text as renewed_at
         from dispatch_lease where channel_id = ?`,
        [world.channelId],
      )
    )[0]!;

  it('lists for the tick the channel of a lease 5 s from its takeover, not one a live holder renews (7.25 s left at worst)', async () => {
    await fund(2n * PRICE);
    const { id } = await draft(2);
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    const { dispatch } = world.api.running.services.campaigns;
    // The window the tick uses: a third of the 15 s TTL (the suite's tick, 5 s, is no shorter).
    const windowMs = (dispatch as unknown as { options: DispatchOptions }).options.takeoverWindowMs;
    expect(windowMs).toBe(5_000);
    const listed = async () =>
      (await query(world.em(), CHANNELS_WITH_WORK, [world.clock.now(), windowMs])).map((row) => row.channel_id);

    await deadHoldersLease(11_000); // just renewed by a live holder
    expect(await listed()).not.toContain(world.channelId);
    await deadHoldersLease(7_000); // a live holder's next renewal a little late
    expect(await listed()).not.toContain(world.channelId);
    await deadHoldersLease(4_500); // not renewed for 6.5 s: its holder is gone
    expect(await listed()).toContain(world.channelId);

    // Clean up for the next case: the dead lease ends, the campaign is sent.
    await deadHoldersLease(0);
    await world.dispatch();
  });

  it('a dispatch job started before the dead holder’s takeover moment waits for it, takes the channel and sends', async () => {
    await fund(3n * PRICE);
    const { id, waIds } = await draft(3);
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    await deadHoldersLease(400);
    const dead = await leaseRow();

    await world.dispatch();

    const lease = await leaseRow();
    expect(lease.holder).not.toBe('dead-host:1:x');
    expect(BigInt(lease.fence)).toBeGreaterThan(7n); // taken, so the token moved on: the dead holder's writes fail
    // Never before the moment the dead holder's lease allowed (both on the database's clock).
    const [order] = await world.sql<{ after: boolean }>('select ?::timestamptz >= ?::timestamptz as after', [
      lease.renewed_at,
      dead.expires_at,
    ]);
    expect(order!.after).toBe(true);
    for (const waId of waIds) expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get(waId)).toBe(1);
  });

  it('a dispatch job leaves alone a lease not within the window of its takeover, and sends nothing', async () => {
    await fund(2n * PRICE);
    const { id, waIds } = await draft(2);
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    await deadHoldersLease(8_000);

    await world.dispatch();

    expect((await leaseRow()).holder).toBe('dead-host:1:x');
    for (const waId of waIds) expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get(waId)).toBeUndefined();
    await deadHoldersLease(0);
    await world.dispatch();
    for (const waId of waIds) expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get(waId)).toBe(1);
  });
});
