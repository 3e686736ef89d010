import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from './support/database';
import { JOB_STORES, mongoUrlFor, openTestStore, testRunner } from './support/job-stores';
import { waitFor } from './support/wait';
import { typescriptNodeArgs } from './support/typescript-runner';

const API_DIR = join(__dirname, '..');

function startWorkerProcess(database: TestDatabase, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, typescriptNodeArgs(join(__dirname, 'support', 'slow-job-worker.ts')), {
    cwd: API_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      JOBS_POLL_MS: '100',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

describe.each(JOB_STORES)('worker shutdown with jobs on %s', (kind) => {
  let database: TestDatabase;
  let sql: Client;

  beforeEach(async () => {
    database = await createTestDatabase();
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    await sql.query(
      'create table test_job_log (marker text not null, event text not null, at timestamptz default now())',
    );
  });

  afterEach(async () => {
    await sql.end();
    await database.drop();
  });

  async function enqueue(data: { ms: number; marker: string }) {
    const store = await openTestStore(kind, database, 'producer');
    const producer = testRunner(store, []);
    await producer.ready();
    await producer.agenda.now('test.slow', data);
    await store.close();
  }

  async function events(marker: string): Promise<string[]> {
    const { rows } = await sql.query<{ event: string }>(
      'select event from test_job_log where marker = $1 order by at',
      [marker],
    );
    return rows.map((row) => row.event);
  }

  async function jobState(marker: string) {
    const store = await openTestStore(kind, database, 'inspector');
    const inspector = testRunner(store, []);
    await inspector.ready();
    const { jobs } = await inspector.agenda.queryJobs({ name: 'test.slow' });
    await store.close();
    return jobs.find((job) => (job.data as { marker: string }).marker === marker);
  }

  function workerEnv(extra: Record<string, string>) {
    return kind === 'mongodb' ? { MONGODB_URL: mongoUrlFor(database), ...extra } : extra;
  }

  it('lets a running job finish on SIGTERM, then exits 0', async () => {
    await enqueue({ ms: 1500, marker: 'finishes' });
    const worker = startWorkerProcess(database, workerEnv({ SHUTDOWN_TIMEOUT_MS: '20000' }));
    await waitFor(async () => (await events('finishes')).includes('started'), { what: 'the job to start' });
    worker.kill('SIGTERM');
    expect(await exitOf(worker)).toBe(0);
    expect(await events('finishes')).toEqual(['started', 'finished']);
    const job = await jobState('finishes');
    expect(job?.lockedAt ?? null).toBeNull();
    expect(job?.lastFinishedAt).toBeTruthy();
  });

  it('unlocks a job that outlives the shutdown timeout, then exits 0', async () => {
    await enqueue({ ms: 60_000, marker: 'too-long' });
    const worker = startWorkerProcess(database, workerEnv({ SHUTDOWN_TIMEOUT_MS: '1000' }));
    await waitFor(async () => (await events('too-long')).includes('started'), { what: 'the job to start' });
    worker.kill('SIGTERM');
    expect(await exitOf(worker)).toBe(0);
    const job = await jobState('too-long');
    // Unlocked, not finished: another worker may take it again (jobs are idempotent by design).
    expect(job?.lockedAt ?? null).toBeNull();
    expect(await events('too-long')).toEqual(['started']);
  });
});
