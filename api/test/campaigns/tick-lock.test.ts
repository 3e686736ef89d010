import { MongoClient } from 'mongodb';
import { JOB_STORES, mongoUrlFor } from '../support/job-stores';
import { waitFor } from '../support/wait';
import { SCHEDULE } from './life-support';
import { PRICE, type CampaignWorld } from './support';
import { startWorkerHarness, type WorkerHarness } from './workers';

/**
 * The campaigns tick is one job for the whole cluster: it starts scheduled campaigns and hands the channel of a
 * dead worker to a live one. A worker killed while running it leaves its lock behind; with the job store's default
 * lock (JOBS_LOCK_LIFETIME_MS, 10 minutes in production) no worker ticked for that long. Here a worker dies holding
 * the tick's lock (the lock set as its process left it) and the next worker must start a scheduled campaign within
 * seconds, with the production lock lifetime.
 */
describe.each(JOB_STORES)('the campaigns tick after a worker died holding it, jobs on %s', (kind) => {
  let harness: WorkerHarness;
  let world: CampaignWorld;

  beforeAll(async () => {
    harness = await startWorkerHarness(kind, 9);
    world = harness.world;
  });
  afterAll(() => harness.stop());

  // Production's job lock (10 minutes) for the jobs that have none of their own.
  const startWorker = () => harness.startWorker({ JOBS_LOCK_LIFETIME_MS: '600000', CAMPAIGN_TICK_MS: '500' });

  /** Leaves the tick's lock as a process killed in the middle of a tick leaves it: locked, now. */
  async function lockTickAsIfItsHolderDied() {
    if (kind === 'postgresql') {
      await world.sql("update agenda_jobs set locked_at = now() where name = 'campaigns.tick'");
      return;
    }
    const client = new MongoClient(mongoUrlFor(world.api.database));
    try {
      await client
        .db()
        .collection('agendaJobs')
        .updateMany({ name: 'campaigns.tick' }, { $set: { lockedAt: new Date() } });
    } finally {
      await client.close();
    }
  }

  async function tickJobs(): Promise<number> {
    if (kind === 'postgresql') {
      const [row] = await world.sql<{ count: number }>(
        "select count(*)::int as count from agenda_jobs where name = 'campaigns.tick'",
      );
      return row!.count;
    }
    const client = new MongoClient(mongoUrlFor(world.api.database));
    try {
      return await client.db().collection('agendaJobs').countDocuments({ name: 'campaigns.tick' });
    } finally {
      await client.close();
    }
  }

  it('starts a scheduled campaign within seconds though the dead worker’s tick lock would last 10 minutes', async () => {
    const tag = `tick-${kind}`;
    await world.addContacts([{ phone: kind === 'mongodb' ? '+6281770000001' : '+6281770000002', tags: [tag] }]);
    await world.fund(10n * PRICE);
    const first = startWorker();
    await waitFor(async () => ((await tickJobs()) > 0 ? true : undefined), { timeoutMs: 30_000, what: 'the tick job' });
    first.child.kill('SIGKILL');
    await first.exited;
    await lockTickAsIfItsHolderDied();

    const id = await world.draftForTag(tag);
    const scheduled = await world.gql<{ scheduleCampaign: { status: string } }>(SCHEDULE, {
      id,
      at: new Date(Date.now() + 2000).toISOString(),
    });
    expect(scheduled.data!.scheduleCampaign.status).toBe('SCHEDULED');
    startWorker();
    const status = await waitFor(
      async () => {
        const [row] = await world.sql<{ status: string }>('select status from campaign where id = ?', [id]);
        return row && row.status !== 'SCHEDULED' ? row.status : undefined;
      },
      { timeoutMs: 60_000, what: 'the scheduled campaign starting' },
    );
    expect(['RUNNING', 'COMPLETED']).toContain(status);
  }, 120_000);
});
