import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SendLedger } from '../../src/simulators/meta/send-ledger';
import { JOB_STORES } from '../support/job-stores';
import { freePort } from '../support/ports';
import { waitFor } from '../support/wait';
import { WABA_ID } from './support';
import { startWorkerHarness, type WorkerHarness } from './workers';

/**
 * One channel, several workers (issue 19 point 3 and its acceptance), with real worker processes against the
 * simulator:
 * - a zombie: the lease holder frozen with SIGSTOP past the lease's TTL while another worker takes over, then
 *   resumed, sends nothing more, not even the requests it had already handed to fetch when it froze;
 * - a takeover: of two live workers only the lease holder sends; the other sends only after the holder dies
 *   (SIGKILL), never together above the channel's throughput (the simulator never answers 130429).
 */
/**
 * The longest event-loop delay a worker had since its previous scrape (prom-client's lag histogram, reset by each
 * scrape), in ms.
 */
async function loopDelayMaxMs(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const line = text.split('\n').find((row) => row.startsWith('bizone_nodejs_eventloop_lag_max_seconds'));
  if (!line) throw new Error('the worker reports no event-loop lag');
  return Number(line.split(' ').at(-1)) * 1000;
}

describe.each(JOB_STORES)('takeovers of the dispatch lease, jobs on %s', (kind) => {
  let harness: WorkerHarness;

  beforeAll(async () => {
    harness = await startWorkerHarness(kind, 2);
    harness.world.meta.simulator.sends.configure({ latencyMs: [0, 20], webhooks: { deliveredDelayMs: [50, 500] } });
  });
  // A failed test must not leave its workers (one may be frozen, another holding the lease) to the next test.
  afterEach(async () => {
    await harness.stopWorkers();
  });
  afterAll(async () => {
    await harness.stop();
  });

  const settledBy = (id: string, status: string) =>
    waitFor(
      async () => {
        const state = await harness.progress(id);
        return (
          state.status === status &&
          state.unknown === 0 &&
          harness.world.meta.simulator.sends.webhooks.pending === 0 &&
          state
        );
      },
      { timeoutMs: 120_000, intervalMs: 250, what: `the campaign ${status.toLowerCase()} and every outcome settled` },
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}: ${await harness.diagnose(id)}`);
    });

  it('a holder frozen past its lease (SIGSTOP), resumed after a takeover, sends nothing more', async () => {
    const { world, launch, progress, lease, startWorker, checkExactlyOnce } = harness;
    // Full speed (1,000/s): many requests in flight, some handed to fetch and not yet written, when it freezes.
    world.meta.simulator.account(WABA_ID)!.numbers[0]!.throughputLevel = 'HIGH';
    await world.sql('update channel set throughput = 1000 where id = ?', [world.channelId]);
    const { id, prefix } = await launch(3000);
    const first = startWorker();
    // Frozen mid-flight: sending for a while, with claimed messages not yet recorded.
    const midFlight = async () => {
      const [row] = await world.sql<{ settled: number; sending: number }>(
        `select count(*) filter (where status not in ('QUEUED', 'SENDING'))::int as settled,
                count(*) filter (where status = 'SENDING')::int as sending
         from campaign_message where campaign_id = ?`,
        [id],
      );
      return row!.settled >= 200 && row!.sending >= 100;
    };
    // Checked again once it is stopped: between the check and the signal the loop may have recorded all it had in
    // flight, or ended (a renewal late on this loaded machine left its lease stale). Then it is resumed and frozen
    // again a little later. (A commit it sent right before the stop lands within the pause below.)
    const sendingUnder = async (fence: string) =>
      (
        await world.sql<{ id: string }>(
          "select id from campaign_message where campaign_id = ? and status = 'SENDING' and fence = ?::bigint",
          [id, fence],
        )
      ).map((row) => row.id);
    let held: { pid: number; fence: string } | undefined;
    // What the frozen holder had claimed and not recorded: in flight, or claimed ahead. Any request for one of them
    // that reaches Meta after the resume comes from the zombie. Taken at the freeze: after the takeover they are
    // UNKNOWN, or already reconciled by the status webhooks of those it had written (with just-in-time claims most
    // of them are written and answered, not yet recorded; all of them were, in one CI run).
    let orphans: string[] = [];
    let frozenAt = 0;
    for (let attempt = 0; attempt < 5 && !held; attempt += 1) {
      await waitFor(async () => (await lease())?.pid === first.child.pid && (await midFlight()), {
        timeoutMs: 60_000,
        intervalMs: 10,
        what: 'the first worker sending',
      });
      first.child.kill('SIGSTOP');
      frozenAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const row = await lease();
      orphans = row && row.pid === first.child.pid ? await sendingUnder(row.fence) : [];
      if (orphans.length > 0) held = row;
      else first.child.kill('SIGCONT');
    }
    if (!held) throw new Error('the first worker never froze with sends in flight in 5 attempts');

    const second = startWorker();
    await waitFor(async () => (await lease())?.pid === second.child.pid, {
      timeoutMs: 30_000,
      what: 'the second worker taking the lease over',
    });
    // The taker made each orphan UNKNOWN (it cannot know which were written) or a status webhook has settled it:
    // none is SENDING under the frozen holder's token any more, and none is claimed again.
    const stillSending = await sendingUnder(held.fence);
    if (stillSending.length > 0) {
      const states = await world.sql(
        'select status, fence, count(*)::int from campaign_message where campaign_id = ? group by 1, 2',
        [id],
      );
      throw new Error(
        `the taker left the frozen holder's messages SENDING (fence ${held.fence}): ${JSON.stringify(states)}`,
      );
    }

    const before = (await progress(id)).settled;
    await waitFor(async () => (await progress(id)).settled >= before + 100, {
      timeoutMs: 60_000,
      what: 'the second worker sending',
    });
    // What reached Meta of the orphans while the zombie was frozen (it wrote those before it froze: the in-process
    // simulator, on this loaded machine, can read bytes sent before the freeze only after the takeover), taken
    // once the new holder has been sending for a while, so every byte written before the freeze has arrived.
    const ledger = world.meta.simulator.sends.ledger;
    const lastAttempts = () => orphans.map((orphan) => ledger.lastAttemptByCallback.get(orphan) ?? 0);
    const beforeResume = lastAttempts();
    const resumedAt = Date.now();
    first.child.kill('SIGCONT');
    // The resumed zombie runs on while the new holder finishes the campaign and every unknown outcome settles.
    await settledBy(id, 'COMPLETED');

    // Nothing of the orphans reached Meta after the resume, not even what it had handed to the transport.
    // Each one that did, with its arrival against the freeze and the resume (ms), and its row: what tells a request
    // written after the resume from one written before the freeze and read late. (A session before this one saw one
    // such orphan per backend, with a takeover moment it had computed differently, and kept no figures. Checked here:
    // node:http hands a request's headers and body to the socket in one writev, so a freeze cannot leave the headers
    // sent and the body to follow the resume; and every path to a write asks `mayWrite`, whose horizon ends the gap
    // before the takeover (lease-timing.ts). Since then, no orphan after the resume on either backend.)
    const after = lastAttempts();
    const late = orphans
      .map((orphan, index) => ({ orphan, arrived: after[index]!, before: beforeResume[index]! }))
      .filter(({ arrived, before }) => arrived !== before)
      .map(({ orphan, arrived, before }) => ({
        orphan,
        afterFreezeMs: arrived - frozenAt,
        afterResumeMs: arrived - resumedAt,
        seenBeforeResume: before !== 0,
      }));
    if (late.length > 0) {
      const rows = await world.sql(
        'select id, status, fence, attempt, wamid is not null as named from campaign_message where id = any(?::uuid[])',
        [`{${late.map((entry) => entry.orphan).join(',')}}`],
      );
      throw new Error(`orphans reached Meta after the resume: ${JSON.stringify({ late, rows, frozenAt, resumedAt })}`);
    }
    // Resumed, not crashed: it gave its loop up quietly.
    expect(first.child.exitCode).toBeNull();
    expect(first.child.signalCode).toBeNull();
    first.child.kill('SIGTERM');
    second.child.kill('SIGTERM');
    await Promise.all([first.exited, second.exited]);
    await checkExactlyOnce(id, prefix);
  }, 240_000);

  it('two workers on one channel: the second sends only after the first dies, never above the throughput', async () => {
    const { world, launch, progress, lease, startWorker, checkExactlyOnce } = harness;
    // 80 messages/s, which both workers easily reach: the limit the two must share.
    world.meta.simulator.account(WABA_ID)!.numbers[0]!.throughputLevel = 'STANDARD';
    await world.sql('update channel set throughput = 80 where id = ?', [world.channelId]);
    const ledger = world.meta.simulator.sends.ledger;
    const fromAttempt = ledger.receivedAt.length;
    const throttledBefore = ledger.outcomes.get('130429') ?? 0;

    // The lease row stays after a release: what the earlier test left is not one of these workers' leases.
    const previous = (await lease())?.fence;
    const { id, prefix } = await launch(700);
    // How late this process's event loop ran (see the throughput check below), from before the first send.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    // Each worker's metrics port: its own event loop's longest delay, read before it dies (see the check below).
    const ports = [await freePort(), await freePort()];
    const workers = ports.map((port) => startWorker({ METRICS_PORT: String(port) }));
    const portOf = new Map(workers.map((worker, index) => [worker, ports[index]!]));
    const seen: { pid: number; fence: string }[] = [];
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const row = await lease();
        if (row && row.fence !== previous) seen.push(row);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    try {
      await twoWorkers();
    } finally {
      watching = false;
      await watch;
    }

    async function sendTimeline(
      firstFence: string,
      secondFence: string,
      killedAt: number,
      takenAt: number,
      senderLoopMs: number,
    ) {
      const fences = new Map(
        (
          await world.sql<{ id: string; fence: string }>(
            'select id, fence::text as fence from campaign_message where campaign_id = ?',
            [id],
          )
        ).map((row) => [row.id, row.fence]),
      );
      const start = Math.floor((ledger.receivedAt[fromAttempt] ?? killedAt) / 1000);
      const seconds = new Map<number, { byFirst: number; bySecond: number; other: number }>();
      for (const [message, at] of ledger.lastAttemptByCallback) {
        if (!fences.has(message)) continue;
        const second = Math.floor(at / 1000) - start;
        const row = seconds.get(second) ?? { byFirst: 0, bySecond: 0, other: 0 };
        const fence = fences.get(message);
        if (fence === firstFence) row.byFirst += 1;
        else if (fence === secondFence) row.bySecond += 1;
        else row.other += 1;
        seconds.set(second, row);
      }
      return {
        loopDelayMaxMs: Math.round(loopDelay.max / 1e6),
        senderLoopMs,
        killedAtSecond: Math.floor(killedAt / 1000) - start,
        takenAtSecond: Math.floor(takenAt / 1000) - start,
        received: SendLedger.perSecond(ledger.receivedAt.slice(fromAttempt)),
        byFence: [...seconds].sort(([a], [b]) => a - b).map(([second, row]) => ({ second, ...row })),
      };
    }

    async function twoWorkers() {
      await waitFor(async () => (await progress(id)).settled >= 200, { timeoutMs: 60_000, what: 'a worker sending' });
      const holder = (await lease())!;
      const first = workers.find((worker) => worker.child.pid === holder.pid)!;
      const second = workers.find((worker) => worker !== first)!;
      expect(first).toBeDefined();
      // Both alive all along: one holder, one token, never taken back and forth.
      expect(new Set(seen.map((row) => `${row.pid}:${row.fence}`))).toEqual(new Set([`${holder.pid}:${holder.fence}`]));

      const firstLoopMs = await loopDelayMaxMs(portOf.get(first)!);
      first.child.kill('SIGKILL');
      const killedAt = Date.now();
      await first.exited;
      await waitFor(async () => (await lease())?.pid === second.child.pid, {
        timeoutMs: 30_000,
        what: 'the second worker taking the lease over',
      });
      const takenAt = Date.now();
      const taken = (await lease())!;
      await settledBy(id, 'COMPLETED');

      // What the second worker sent, it sent after the first died.
      const bySecond = (
        await world.sql<{ id: string }>('select id from campaign_message where campaign_id = ? and fence = ?::bigint', [
          id,
          taken.fence,
        ])
      ).map((row) => row.id);
      expect(bySecond.length).toBeGreaterThan(0);
      const early = bySecond.filter((message) => (ledger.lastAttemptByCallback.get(message) ?? Infinity) < killedAt);
      expect(early).toEqual([]);
      // Together never faster than the channel: Meta never throttled us, and no two seconds held more than two
      // seconds' worth. The pacer bounds when a worker lets a send go, the simulator counts when it reads the
      // request, and the two drift apart by the loops in between: the simulator runs in this test process and
      // stamps a request when its event loop gets to it (a loop held up for d ms stamps the requests of those d ms
      // late, some in the next second: one whole second read 96 in CI, a pair of seconds 162), and a worker writes
      // a request let go just before its own loop stalled (one on a new socket waits for the connect callback)
      // only after the stall (a pair of seconds read 217 in CI with this process's delay alone allowing 180). So
      // the bound allows what the throughput sends in the longest delay of this process's loop plus the longest of
      // the workers' loops (each worker's own lag histogram, scraped from its metrics port), and no more; two
      // workers sending at once for a second would show 240.
      loopDelay.disable();
      const senderLoopMs = Math.max(firstLoopMs, await loopDelayMaxMs(portOf.get(second)!));
      const lateStamps = Math.ceil((80 * (loopDelay.max / 1e6 + senderLoopMs)) / 1000);
      const windows = SendLedger.perSecond(ledger.receivedAt.slice(fromAttempt));
      const twoSeconds = windows.slice(1).map((count, index) => count + windows[index]!);
      const over = twoSeconds.filter((count) => count > 2 * 80 + lateStamps);
      // On a failure, who sent what when: each second's requests by the fence of the message (first holder, second
      // holder, anything else), and when the kill and the takeover came.
      const timeline =
        over.length === 0 ? null : await sendTimeline(holder.fence, taken.fence, killedAt, takenAt, senderLoopMs);
      expect({ lateStamps, over, timeline }).toEqual({ lateStamps, over: [], timeline: null });
      expect(ledger.outcomes.get('130429') ?? 0).toBe(throttledBefore);
      second.child.kill('SIGTERM');
      await second.exited;
      await checkExactlyOnce(id, prefix);
    }
  }, 240_000);
});
