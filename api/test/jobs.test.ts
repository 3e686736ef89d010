import type { JobStore } from '../src/jobs/backend';
import type { JobDefinition, JobRunner } from '../src/jobs/runner';
import { createTestDatabase, type TestDatabase } from './support/database';
import { JOB_STORES, openTestStore, testRunner } from './support/job-stores';
import { waitFor } from './support/wait';

describe.each(JOB_STORES)('Agenda on %s', (kind) => {
  let database: TestDatabase;
  const opened: { store: JobStore; runner: JobRunner }[] = [];

  async function worker(name: string, definitions: JobDefinition<never>[], pollMs?: number) {
    const store = await openTestStore(kind, database, name);
    const runner = testRunner(store, definitions, 5, pollMs);
    opened.push({ store, runner });
    return runner;
  }

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    for (const { runner, store } of opened.splice(0)) {
      await runner.shutdown(5000);
      await store.close();
    }
    await database.drop();
  });

  it('runs every enqueued job with two workers sharing the store', async () => {
    const runs = new Map<number, string[]>();
    const definition = (workerName: string): JobDefinition<never> => ({
      name: 'test.record',
      handler: async (job) => {
        const { n } = job.attrs.data as unknown as { n: number };
        runs.set(n, [...(runs.get(n) ?? []), workerName]);
      },
    });
    const first = await worker('first', [definition('first')]);
    const second = await worker('second', [definition('second')]);
    const producer = await worker('producer', []);
    await producer.ready();
    await Promise.all(Array.from({ length: 60 }, (_, n) => producer.agenda.now('test.record', { n })));
    await first.start();
    await second.start();

    await waitFor(() => runs.size === 60, { what: 'all 60 jobs to run', timeoutMs: 30_000 });
    expect([...runs.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, n) => n));
    if (kind === 'postgresql') {
      // FOR UPDATE SKIP LOCKED: one lock per job. (On the Mongo emulator Agenda may double-lock;
      // nothing in this project relies on Agenda running a job only once.)
      expect([...runs.values()].filter((workers) => workers.length > 1)).toEqual([]);
    }
  });

  it('schedules a repeating job once, one interval from now, however many workers start', async () => {
    let runs = 0;
    const housekeeping: JobDefinition<never> = {
      name: 'test.housekeeping',
      repeatEveryMs: 3_600_000,
      handler: async () => {
        runs++;
      },
    };
    const first = await worker('first', [housekeeping]);
    await first.start();
    await first.whenScheduled();
    const {
      jobs: [scheduled],
    } = await first.agenda.queryJobs({ name: 'test.housekeeping' });
    const second = await worker('second', [housekeeping]);
    await second.start();
    await second.whenScheduled();
    const { jobs, total } = await second.agenda.queryJobs({ name: 'test.housekeeping' });
    expect(total).toBe(1);
    // A second start leaves the schedule as the first set it (restarts do not push the run back).
    expect(new Date(jobs[0]!.nextRunAt!).getTime()).toBe(new Date(scheduled!.nextRunAt!).getTime());
    expect(new Date(jobs[0]!.nextRunAt!).getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    expect(runs).toBe(0);
  });

  // Regression: start() schedules in the background; a SIGTERM right after start closed the store under it and the
  // API logged "cannot schedule a repeating job" on its way out (and the schedule was never written).
  it('finishes scheduling the repeating jobs before a shutdown right after start closes the store', async () => {
    const housekeeping: JobDefinition<never> = {
      name: 'test.early-stop',
      repeatEveryMs: 3_600_000,
      handler: async () => {},
    };
    const store = await openTestStore(kind, database, 'early-stop');
    const runner = testRunner(store, [housekeeping]);
    await runner.start();
    await runner.shutdown(5000);
    await store.close();
    const checker = await worker('checker', []);
    await checker.ready();
    expect((await checker.agenda.queryJobs({ name: 'test.early-stop' })).total).toBe(1);
  });

  it('creates no schema of its own on connect (migrations own it)', async () => {
    const runner = await worker('schema-check', []);
    await runner.ready();
    if (kind === 'postgresql') {
      const { Client } = await import('pg');
      const client = new Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = 'public' and table_name like 'agenda%' order by 1",
      );
      await client.end();
      expect(rows.map((row) => row.table_name)).toEqual(['agenda_jobs']);
    } else {
      expect(runner.agenda).toBeDefined();
    }
  });

  if (kind === 'postgresql') {
    // The API only enqueues (it never starts Agenda), and Agenda connects its notification channel only in start():
    // the API's jobs went unannounced, and a worker found them at its next poll (a second by default: most of the
    // time from startCampaign to the first send, issue 19 benchmark c).
    it('wakes a worker at once for a job an enqueue-only process adds (LISTEN/NOTIFY, not the next poll)', async () => {
      let ran = 0;
      // A poll far longer than the wait below: only a notification can start the job in time.
      const consumer = await worker('consumer', [{ name: 'test.wake', handler: async () => void ran++ }], 600_000);
      await consumer.start();
      const producer = await worker('producer', []);
      await producer.readyToEnqueue();
      // Agenda's first poll, at its start, has passed: nothing due was found.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await producer.agenda.now('test.wake', {});
      await waitFor(() => ran === 1, { what: 'the job to run on its notification', timeoutMs: 20_000 });
    });
  }
});
