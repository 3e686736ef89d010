import { JOB_STORES } from '../support/job-stores';
import { waitFor } from '../support/wait';
import { startWorkerHarness, type WorkerHarness } from './workers';
import { WABA_ID } from './support';

/**
 * At most once under crashes (issue 19 acceptance): real worker processes against the simulator at 1,000
 * msg/s and 0-20 ms latency, killed with SIGKILL at random moments and restarted. The simulator's counts say
 * who received what; the ledger says who paid. The lease TTL and the UNKNOWN deadline are shortened through
 * configuration. (Zombies and takeovers: takeover.test.ts.)
 *
 * Scaled to this shared 2-core machine: 3,000 recipients and 6 kills (the 20,000 and 10 is the same
 * test with bigger numbers: CRASH_RECIPIENTS / CRASH_KILLS).
 */
const RECIPIENTS = Number(process.env.CRASH_RECIPIENTS ?? 3000);
const KILLS = Number(process.env.CRASH_KILLS ?? 6);

describe.each(JOB_STORES)('crashes of the dispatcher, jobs on %s', (kind) => {
  let harness: WorkerHarness;

  beforeAll(async () => {
    harness = await startWorkerHarness(kind, 1);
    const { world } = harness;
    world.meta.simulator.account(WABA_ID)!.numbers[0]!.throughputLevel = 'HIGH';
    await world.sql('update channel set throughput = 1000 where id = ?', [world.channelId]);
    // The world's portfolio may reach 10,000 recipients a day: the 20,000 would spread over two days (the
    // campaign stays RUNNING with half its messages QUEUED), which is the messaging-limit test's subject, not this one.
    world.meta.simulator.account(WABA_ID)!.messagingLimitTier = 'TIER_100K';
    await world.sql('update business_portfolio set messaging_limit = 100000');
    world.meta.simulator.sends.configure({ latencyMs: [0, 20], webhooks: { deliveredDelayMs: [50, 500] } });
  });
  afterAll(async () => {
    await harness.stop();
  });

  it(`survives ${KILLS} SIGKILLs at random moments: each recipient received at most once, each accepted message charged once`, async () => {
    const { world, launch, progress, startWorker, checkExactlyOnce } = harness;
    const { id, prefix } = await launch(RECIPIENTS);
    let worker = startWorker();
    for (let kill = 0; kill < KILLS; kill++) {
      const before = (await progress(id)).settled;
      // A random moment once this worker is sending: after 1 to 80 more messages are settled.
      const after = before + 1 + Math.floor(Math.random() * 80);
      await waitFor(async () => (await progress(id)).settled >= after || (await progress(id)).status === 'COMPLETED', {
        timeoutMs: 60_000,
        what: `worker ${kill} sending`,
      });
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 300)));
      worker.child.kill('SIGKILL');
      await worker.exited;
      worker = startWorker();
    }
    await waitFor(
      async () => {
        const state = await progress(id);
        return state.status === 'COMPLETED' && state.unknown === 0 && world.meta.simulator.sends.webhooks.pending === 0;
      },
      { timeoutMs: 120_000, intervalMs: 250, what: 'the campaign completed and every unknown outcome settled' },
    ).catch(async (error: Error) => {
      const states = await world.sql(
        'select status, count(*)::int from campaign_message where campaign_id = ? group by 1',
        [id],
      );
      throw new Error(
        `${error.message}: ${JSON.stringify(states)} ${JSON.stringify(await progress(id))}\n${worker.output().slice(-3000)}`,
      );
    });
    worker.child.kill('SIGTERM');
    await worker.exited;
    await checkExactlyOnce(id, prefix);
  }, 240_000);
});
