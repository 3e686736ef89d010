import { JOB_STORES } from '../support/job-stores';
import { waitFor } from '../support/wait';
import { startWorkerHarness, type WorkerHarness } from './workers';

/**
 * Issue 21 point 2: a dead holder's channel is handed over within the lease's TTL even when no tick comes. The tick is
 * one job for the whole cluster, and the worker killed while holding a channel may have been running it: its job lock
 * then holds every tick back for max(10 s, 3 ticks), past the TTL. Each live worker's heartbeat looks for leases near
 * their takeover moment itself and waits for it (DispatchService.startHeartbeat). Here the tick is 10 minutes apart,
 * so only the heartbeat can take the channel.
 */
describe.each(JOB_STORES)('a dead holder’s channel taken by a worker’s heartbeat, jobs on %s', (kind) => {
  let harness: WorkerHarness;

  beforeAll(async () => {
    harness = await startWorkerHarness(kind, 8);
  });
  afterAll(() => harness.stop());

  it('takes the channel at the dead lease’s takeover moment and sends each message once, with no tick', async () => {
    const { world, launch, startWorker, progress, checkExactlyOnce } = harness;
    // A 6 s TTL: the takeover window is 2 s, which the heartbeat (every second) cannot miss.
    const worker = startWorker({ CAMPAIGN_TICK_MS: '600000', CAMPAIGN_LEASE_TTL_MS: '6000' });
    await waitFor(async () => (await world.sql('select 1 from dispatch_worker')).length > 0, {
      timeoutMs: 30_000,
      what: 'the worker beating',
    });
    // A holder that died right after a renewal: the lease may be taken 6 s from now. The campaign's own dispatch job
    // runs meanwhile, finds the lease live and far from its takeover, and ends.
    await world.sql(
      `insert into dispatch_lease (channel_id, holder, fence, expires_at, renewed_at)
       values (?, 'dead-host:1:x', 7, clock_timestamp() + interval '6 seconds', clock_timestamp())
       on conflict (channel_id) do update set holder = excluded.holder, fence = excluded.fence,
         expires_at = excluded.expires_at, renewed_at = excluded.renewed_at`,
      [world.channelId],
    );
    const [dead] = await world.sql<{ expires_at: string }>(
      'select expires_at::text as expires_at from dispatch_lease where channel_id = ?',
      [world.channelId],
    );
    const { id, prefix } = await launch(40);

    await waitFor(async () => (await progress(id)).status === 'COMPLETED', {
      timeoutMs: 60_000,
      what: 'the campaign sent by the live worker',
    });

    const [lease] = await world.sql<{ pid: string; after: boolean; fence: string }>(
      `select split_part(holder, ':', 2) as pid, renewed_at >= ?::timestamptz as after, fence::text as fence
       from dispatch_lease where channel_id = ?`,
      [dead!.expires_at, world.channelId],
    );
    expect(lease).toEqual({ pid: String(worker.child.pid), after: true, fence: expect.any(String) });
    expect(BigInt(lease!.fence)).toBeGreaterThan(7n);
    worker.child.kill('SIGTERM');
    await worker.exited;
    await checkExactlyOnce(id, prefix);
  }, 120_000);
});
