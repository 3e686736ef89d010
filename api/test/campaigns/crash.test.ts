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
 * The size: 20,000 recipients and 10 kills (CRASH_RECIPIENTS / CRASH_KILLS for a quicker look). Each kill's
 * timeline (worker registered, lease taken, first send; UNKNOWN left) is printed: docs/BENCHMARKS.md has the figures.
 */
const RECIPIENTS = Number(process.env.CRASH_RECIPIENTS ?? 20_000);
const KILLS = Number(process.env.CRASH_KILLS ?? 10);
const THROUGHPUT = 1000;
/**
 * Each claim takes 100 ms of throughput (100 messages) and the next comes once fewer than half of that (50) are still
 * unwritten: a kill can catch at most 149 claimed messages before their request left, which a kill leaves UNKNOWN
 * and the simulator never receives.
 */
const CLAIM_SLICE_MS = 100;
const SLICE = (THROUGHPUT * CLAIM_SLICE_MS) / 1000;
const UNSENT_PER_KILL = SLICE + SLICE / 2 - 1;
const UNKNOWN_DEADLINE_MS = 15_000;

/** Where one kill's seconds went (printed, never asserted: timings are for docs/BENCHMARKS.md). */
interface KillTimeline {
  /** ms since the test began. */
  killAt: number;
  /** ms after the kill: the process gone, the new one registered as a worker, its lease, its first send. */
  exited: number;
  booted: number;
  leased: number;
  resent: number;
  /** Messages the kill left SENDING (the taker makes them UNKNOWN), and those the simulator never received. */
  unknown: number;
  neverReceived: number;
}

describe.each(JOB_STORES)('crashes of the dispatcher, jobs on %s', (kind) => {
  let harness: WorkerHarness;

  beforeAll(async () => {
    harness = await startWorkerHarness(kind, 1);
    const { world } = harness;
    world.meta.simulator.account(WABA_ID)!.numbers[0]!.throughputLevel = 'HIGH';
    await world.sql('update channel set throughput = ? where id = ?', [THROUGHPUT, world.channelId]);
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
    const { world, launch, progress, checkExactlyOnce, lease } = harness;
    const startWorker = () =>
      harness.startWorker({
        CAMPAIGN_CLAIM_SLICE_MS: String(CLAIM_SLICE_MS),
        // The status webhooks of what a kill left UNKNOWN come 50-500 ms after Meta took it, before the takeover that
        // starts the deadline; and the campaign's remaining sends outlast it, so its end waits for no deadline.
        CAMPAIGN_UNKNOWN_DEADLINE_MS: String(UNKNOWN_DEADLINE_MS),
      });
    const ledger = world.meta.simulator.sends.ledger;
    const began = performance.now();
    const since = (mark: number) => Math.round(performance.now() - mark);
    const { id, prefix } = await launch(RECIPIENTS);
    const launched = since(began);
    let worker = startWorker();
    const timeline: KillTimeline[] = [];
    const leftSending: string[][] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const before = (await progress(id)).settled;
      // A random moment once this worker is sending: after 1 to 80 more messages are settled.
      const after = before + 1 + Math.floor(Math.random() * 80);
      await waitFor(async () => (await progress(id)).settled >= after || (await progress(id)).status === 'COMPLETED', {
        timeoutMs: 60_000,
        what: `worker ${kill} sending`,
      });
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 300)));
      const killed = performance.now();
      worker.child.kill('SIGKILL');
      await worker.exited;
      const exited = since(killed);
      // Nothing writes a dead holder's SENDING rows until a taker makes them UNKNOWN: these are the kill's.
      const sending = await world.sql<{ id: string }>(
        `select id from campaign_message where campaign_id = ? and status = 'SENDING'`,
        [id],
      );
      leftSending.push(sending.map((row) => row.id));
      const received = ledger.receivedAt.length;
      worker = startWorker();
      const pid = worker.child.pid!;
      await waitFor(
        async () => (await world.sql('select 1 from dispatch_worker where holder like ?', [`%:${pid}`])).length > 0,
        { intervalMs: 20, timeoutMs: 30_000, what: `worker ${kill + 1} registered` },
      );
      const booted = since(killed);
      await waitFor(async () => (await lease())?.pid === pid, {
        intervalMs: 20,
        timeoutMs: 30_000,
        what: `worker ${kill + 1} leased`,
      });
      const leased = since(killed);
      await waitFor(() => ledger.receivedAt.length > received, {
        intervalMs: 10,
        timeoutMs: 30_000,
        what: `worker ${kill + 1} sending`,
      });
      const resent = since(killed);
      timeline.push({
        killAt: Math.round(killed - began),
        exited,
        booted,
        leased,
        resent,
        unknown: sending.length,
        neverReceived: 0,
      });
    }
    const lastKillDone = since(began);
    let completedAt = 0;
    await waitFor(
      async () => {
        const state = await progress(id);
        if (state.status === 'COMPLETED' && completedAt === 0) completedAt = since(began);
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
    const settledAt = since(began);
    leftSending.forEach((ids, kill) => {
      timeline[kill]!.neverReceived = ids.filter((messageId) => !ledger.lastAttemptByCallback.has(messageId)).length;
    });
    process.stdout.write(
      `crash timeline (${kind}, ${RECIPIENTS} recipients, ${KILLS} kills): launch ${launched} ms, last restart sending at ${lastKillDone} ms, ` +
        `completed at ${completedAt} ms, every unknown settled at ${settledAt} ms\n` +
        timeline
          .map(
            (t, kill) =>
              `  kill ${kill + 1} at ${t.killAt} ms: exited +${t.exited}, worker registered +${t.booted}, lease +${t.leased}, ` +
              `first send +${t.resent}; unknown ${t.unknown}, never received ${t.neverReceived}`,
          )
          .join('\n') +
        '\n',
    );
    worker.child.kill('SIGTERM');
    await worker.exited;
    await checkExactlyOnce(id, prefix);
    expect(timeline.filter((t) => t.neverReceived > UNSENT_PER_KILL)).toEqual([]);
  }, 240_000);
});
