import { connectNumber } from './support';
import { JOB_STORES } from '../support/job-stores';
import { waitFor } from '../support/wait';
import { startWorkerHarness, type WorkerHarness } from './workers';

const SECOND_NUMBER_ID = '106540352242977';

/**
 * Issue 21 point 2 ("two channels send one campaign each, one per worker"), with real worker processes: a worker
 * does not take a free channel lease while it holds one more than another live worker; the lighter worker's
 * heartbeat comes for the declined channel; a worker alone takes every channel; a registry that still lists a dead
 * worker delays a channel by the grace, never stalls it.
 */
describe.each(JOB_STORES)('dispatch leases spread over workers, jobs on %s', (kind) => {
  let harness: WorkerHarness;
  let channelB: string;

  beforeAll(async () => {
    harness = await startWorkerHarness(kind, 5, { extraNumberIds: [SECOND_NUMBER_ID] });
    channelB = await connectNumber(harness.world, SECOND_NUMBER_ID, 'Kedua');
    harness.world.meta.simulator.sends.configure({ latencyMs: [0, 5], webhooks: { deliveredDelayMs: [10, 50] } });
  });
  afterAll(async () => {
    await harness.stop();
  });

  /** The pid of the worker holding the channel's live lease, if any. */
  const holderPid = async (channelId: string) => {
    const [row] = await harness.world.sql<{ holder: string }>(
      'select holder from dispatch_lease where channel_id = ? and expires_at > now() and fence > 0',
      [channelId],
    );
    return row ? Number(row.holder.split(':')[1]) : undefined;
  };
  const liveWorkers = async () =>
    (
      await harness.world.sql<{ holder: string }>(
        "select holder from dispatch_worker where seen_at > now() - interval '2 seconds'",
      )
    ).map((row) => Number(row.holder.split(':')[1]));
  const bothLeased = async () => {
    const pids = [await holderPid(harness.world.channelId), await holderPid(channelB)];
    return pids.every((pid) => pid !== undefined) && pids;
  };
  const completed = (id: string) =>
    waitFor(async () => (await harness.progress(id)).status === 'COMPLETED', {
      timeoutMs: 60_000,
      what: `campaign ${id} completed`,
    });
  const stopAll = async (...workers: ReturnType<WorkerHarness['startWorker']>[]) => {
    for (const worker of workers) worker.child.kill('SIGTERM');
    await Promise.all(workers.map((worker) => worker.exited));
  };

  it('two workers, two channels: one lease each, round after round', async () => {
    const workers = [harness.startWorker(), harness.startWorker()];
    const pidsOfWorkers = new Set(workers.map((worker) => worker.child.pid));
    await waitFor(async () => (await liveWorkers()).filter((pid) => pidsOfWorkers.has(pid)).length === 2, {
      timeoutMs: 30_000,
      what: 'both workers beating',
    });
    // Which worker's job store hands it a channel's dispatch job is chance: without the spreading rule, a round put
    // both channels on one worker about every other time. Four rounds, each pair of campaigns started together.
    const splits: number[][] = [];
    for (let round = 0; round < 4; round++) {
      // About 200 messages at the channel's 80/s: each loop holds its lease for seconds.
      const [a, b] = await Promise.all([harness.launch(200 + 2 * round), harness.launch(201 + 2 * round, channelB)]);
      splits.push((await waitFor(bothLeased, { timeoutMs: 30_000, what: 'both channels leased' })) as number[]);
      await completed(a.id);
      await completed(b.id);
      await waitFor(async () => !(await holderPid(harness.world.channelId)) && !(await holderPid(channelB)), {
        timeoutMs: 30_000,
        what: 'both leases given up',
      });
      await harness.checkExactlyOnce(a.id, a.prefix);
      await harness.checkExactlyOnce(b.id, b.prefix);
    }
    expect(splits.map((pids) => new Set(pids).size)).toEqual([2, 2, 2, 2]);
    expect(new Set(splits.flat())).toEqual(pidsOfWorkers);
    await stopAll(...workers);
  }, 240_000);

  it('a worker alone takes both channels', async () => {
    const alone = harness.startWorker();
    const a = await harness.launch(200);
    const b = await harness.launch(201, channelB);
    const pids = (await waitFor(bothLeased, { timeoutMs: 30_000, what: 'both channels leased' })) as number[];
    expect(pids).toEqual([alone.child.pid, alone.child.pid]);
    await completed(a.id);
    await completed(b.id);
    await stopAll(alone);
  }, 180_000);

  it('a registry still listing a dead worker holds a channel back for the grace only', async () => {
    // A worker that died a moment ago, listed as live (its last beat stamped ahead, as a clock ahead would):
    // holding nothing, it makes the live worker decline its second channel until the grace has passed.
    await harness.world.sql(
      "insert into dispatch_worker (holder, seen_at) values ('dead-host:1', now() + interval '1 hour')",
    );
    const alone = harness.startWorker();
    const a = await harness.launch(402);
    await waitFor(async () => (await holderPid(harness.world.channelId)) === alone.child.pid, {
      timeoutMs: 30_000,
      what: 'the first channel leased',
    });
    const b = await harness.launch(401, channelB);
    await waitFor(
      async () =>
        (
          await harness.world.sql('select 1 from dispatch_lease where channel_id = ? and declined_at is not null', [
            channelB,
          ])
        ).length === 1,
      { timeoutMs: 30_000, intervalMs: 20, what: 'the second channel declined' },
    );
    await waitFor(async () => (await holderPid(channelB)) === alone.child.pid, {
      timeoutMs: 30_000,
      what: 'the second channel taken after the grace',
    });
    await completed(a.id);
    await completed(b.id);
    await stopAll(alone);
    await harness.world.sql("delete from dispatch_worker where holder = 'dead-host:1'");
  }, 180_000);
});
