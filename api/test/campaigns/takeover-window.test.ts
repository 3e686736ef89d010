import { CHANNELS_WITH_WORK } from '../../src/modules/campaigns/campaigns.sql';
import { query } from '../../src/db/sql';
import { campaignLife, useCampaignWorld } from './life-support';
import { PRICE, START, type CampaignWorld } from './support';

/**
 * Issue 21 point 2 and issue 19 point 3: a killed worker's channel is handed to another "within the lease's
 * time-to-live". A live holder renews its lease every quarter TTL, so a lease that comes within half a TTL of its end
 * belongs to a dead holder: the tick starts a dispatch job for its channel then, and the job waits for the lease to
 * end and takes the channel at once, instead of the next tick finding it free seconds later.
 */
describe('taking over a dead holder’s lease when it ends', () => {
  let world: CampaignWorld;
  const { draft, fund } = campaignLife(() => world);
  // The suite's lease: CAMPAIGN_LEASE_TTL_MS's default, 15 s; half of it is the takeover window.
  const ttlMs = 15_000;

  useCampaignWorld((started) => (world = started));

  /** A lease on the test's channel held by a process that no longer renews it, ending `inMs` from now. */
  async function deadHoldersLease(inMs: number) {
    await world.sql(
      `insert into dispatch_lease (channel_id, holder, fence, expires_at, renewed_at) values (?, 'dead-host:1:x', 7, ?, ?)
       on conflict (channel_id) do update set holder = excluded.holder, fence = excluded.fence,
         expires_at = excluded.expires_at, renewed_at = excluded.renewed_at`,
      [world.channelId, new Date(world.clock.now().getTime() + inMs), new Date(world.clock.now().getTime() - ttlMs)],
    );
  }
  const leaseHolder = async () =>
    (
      await world.sql<{ holder: string; fence: string }>(
        'select holder, fence::text as fence from dispatch_lease where channel_id = ?',
        [world.channelId],
      )
    )[0]!;

  it('lists the channel of a lease ending within the takeover window for the tick, and not one a live holder keeps renewing', async () => {
    await fund(2n * PRICE);
    const { id } = await draft(2);
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    const now = world.clock.now();
    const windowEnd = new Date(now.getTime() + ttlMs / 2);
    const listed = async () =>
      (await query(world.em(), CHANNELS_WITH_WORK, [now, windowEnd])).map((row) => row.channel_id);

    await deadHoldersLease(ttlMs * 0.75); // just renewed by a live holder: three quarters of its life left
    expect(await listed()).not.toContain(world.channelId);
    await deadHoldersLease(ttlMs * 0.3); // not renewed for most of its life
    expect(await listed()).toContain(world.channelId);

    // Clean up for the next case: let the dead lease end and send the campaign.
    world.clock.advance(ttlMs);
    await world.dispatch();
  });

  it('a dispatch job started while the dead holder’s lease is ending waits for its end, takes the channel and sends', async () => {
    await fund(3n * PRICE);
    const { id, waIds } = await draft(3);
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    await deadHoldersLease(300);

    const running = world.dispatch();
    // The job has seen the lease still live; its end passes on the platform clock while it waits.
    await new Promise((resolve) => setTimeout(resolve, 50));
    world.clock.advance(400);
    await running;

    const lease = await leaseHolder();
    expect(lease.holder).not.toBe('dead-host:1:x');
    expect(BigInt(lease.fence)).toBeGreaterThan(7n); // taken, so the token moved on: the dead holder's writes fail
    for (const waId of waIds) expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get(waId)).toBe(1);
  });

  it('a dispatch job leaves a lease that does not end within the window alone and sends nothing', async () => {
    await fund(2n * PRICE);
    const { id, waIds } = await draft(2);
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    await deadHoldersLease(ttlMs * 0.75);

    await world.dispatch();

    expect((await leaseHolder()).holder).toBe('dead-host:1:x');
    for (const waId of waIds) expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get(waId)).toBeUndefined();
    world.clock.advance(ttlMs);
    await world.dispatch();
    for (const waId of waIds) expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get(waId)).toBe(1);
  });
});
