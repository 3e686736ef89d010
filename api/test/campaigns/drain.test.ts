import { JOB_STORES } from '../support/job-stores';
import { waitFor } from '../support/wait';
import { startWorkerHarness, type WorkerHarness } from './workers';

const RECIPIENTS = 400;

/**
 * Deploys are not crashes (issue 19 point 5): a real worker process sends a campaign against the simulator
 * (80 msg/s, 30 ms latency), gets SIGTERM mid-campaign, stops claiming, finishes and records what is in
 * flight, releases its lease and exits 0. Nothing is left SENDING or UNKNOWN; the next worker finishes the
 * campaign and every recipient was accepted exactly once, charged exactly once.
 */
describe.each(JOB_STORES)('SIGTERM drain of the dispatcher, jobs on %s', (kind) => {
  let harness: WorkerHarness;

  beforeAll(async () => {
    harness = await startWorkerHarness(kind, 3);
    harness.world.meta.simulator.sends.configure({ latencyMs: 30 });
  });
  afterAll(() => harness.stop());

  // A lease and send timeout longer than the harness's: the drain, not the lease, must be what ends the loop.
  const startWorker = () =>
    harness.startWorker({
      LOG_LEVEL: 'warn',
      JOBS_LOCK_LIFETIME_MS: '4000',
      CAMPAIGN_TICK_MS: '300',
      CAMPAIGN_LEASE_TTL_MS: '3000',
      CAMPAIGN_SEND_TIMEOUT_MS: '5000',
    });

  const counts = async (id: string) =>
    Object.fromEntries(
      (
        await harness.world.sql<{ status: string; count: number }>(
          'select status, count(*)::int as count from campaign_message where campaign_id = ? group by status',
          [id],
        )
      ).map((row) => [row.status, row.count]),
    ) as Record<string, number | undefined>;
  /** Accepted by Meta as the database knows it: sent, or further along by its status webhooks. */
  const accepted = (byStatus: Record<string, number | undefined>) =>
    (byStatus.SENT ?? 0) + (byStatus.DELIVERED ?? 0) + (byStatus.READ ?? 0);

  it('stops mid-campaign with zero UNKNOWN messages, and the next worker completes it exactly once', async () => {
    const { world, launch, checkExactlyOnce } = harness;
    const { id, prefix } = await launch(RECIPIENTS);

    const first = startWorker();
    await waitFor(async () => accepted(await counts(id)) >= 60, { timeoutMs: 30_000, what: 'sending under way' });
    first.child.kill('SIGTERM');
    const exit = await first.exited;
    expect(exit).toEqual({ code: 0, signal: null });

    const stopped = await counts(id);
    expect(stopped.UNKNOWN ?? 0).toBe(0);
    expect(stopped.SENDING ?? 0).toBe(0);
    expect(stopped.QUEUED ?? 0).toBeGreaterThan(0);
    const [lease] = await world.sql<{ free: boolean }>(
      `select expires_at < now() as free from dispatch_lease where channel_id = ?`,
      [world.channelId],
    );
    expect(lease!.free).toBe(true);
    // What the simulator accepted is exactly what the database recorded as sent.
    const acceptedSoFar = [...world.meta.simulator.sends.ledger.acceptedByRecipient.keys()].filter((recipient) =>
      recipient.startsWith(prefix),
    );
    expect(acceptedSoFar.length).toBe(accepted(stopped));

    const second = startWorker();
    await waitFor(
      async () =>
        (await world.sql<{ status: string }>('select status from campaign where id = ?', [id]))[0]!.status ===
        'COMPLETED',
      { timeoutMs: 60_000, what: 'the campaign completed by the next worker' },
    );
    second.child.kill('SIGTERM');
    await second.exited;
    const done = await counts(id);
    expect(accepted(done)).toBe(RECIPIENTS);
    expect(done.QUEUED ?? 0).toBe(0);
    expect(done.UNKNOWN ?? 0).toBe(0);
    // Each recipient accepted once by Meta and charged once, balance == sum(ledger), nothing left held.
    await checkExactlyOnce(id, prefix);
  }, 120_000);
});
