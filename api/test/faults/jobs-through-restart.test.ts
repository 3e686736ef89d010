import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { openJobStore } from '../../src/jobs/backend';
import { testRunner } from '../support/job-stores';
import { typescriptNodeArgs } from '../support/typescript-runner';
import { waitFor } from '../support/wait';
import { ownPostgres, type OwnPostgres } from './support';

/**
 * Jobs on PostgreSQL through a PostgreSQL restart: the worker process survives, and every job
 * enqueued before the outage has its effect, exactly once, after it.
 */
describe('jobs on PostgreSQL through a PostgreSQL restart', () => {
  let postgres: OwnPostgres;
  let worker: ChildProcess;
  let output = '';

  beforeAll(async () => {
    postgres = await ownPostgres();
    const sql = new Client({ connectionString: postgres.url });
    await sql.connect();
    await sql.query('create table test_job_run (marker text not null, at timestamptz default now())');
    await sql.query('create table test_job_effect (marker text primary key)');
    await sql.end();
    worker = spawn(process.execPath, typescriptNodeArgs(join(__dirname, '..', 'support', 'effect-job-worker.ts')), {
      cwd: join(__dirname, '..', '..'),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: postgres.url,
        JOBS_POLL_MS: '100',
        JOBS_CONCURRENCY: '4',
        JOBS_LOCK_LIFETIME_MS: '3000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(() => output.includes('worker ready'), { what: 'the worker', timeoutMs: 30_000 });
  }, 60_000);

  afterAll(async () => {
    worker?.kill('SIGKILL');
    await postgres?.destroy();
  });

  async function effects(): Promise<string[]> {
    const sql = new Client({ connectionString: postgres.url });
    await sql.connect();
    try {
      return (await sql.query<{ marker: string }>('select marker from test_job_effect order by marker')).rows.map(
        (row) => row.marker,
      );
    } finally {
      await sql.end();
    }
  }

  it('loses no job and repeats no effect', async () => {
    const markers = Array.from({ length: 40 }, (_, i) => `job-${String(i).padStart(2, '0')}`);
    const store = await openJobStore({ postgresUrl: postgres.url, workerName: 'producer' });
    const producer = testRunner(store, []);
    await producer.ready();
    for (const marker of markers) await producer.agenda.now('test.effect', { marker });
    await store.close();

    await waitFor(async () => (await effects()).length >= 5, { what: 'some jobs to run' });
    await postgres.stop();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await postgres.start();

    await waitFor(async () => (await effects()).length === markers.length, {
      what: 'every job to have its effect',
      timeoutMs: 60_000,
    });
    expect(await effects()).toEqual(markers);
    expect(worker.exitCode).toBeNull();
    expect(output).not.toMatch(/Unhandled 'error' event|unexpected error: stopping/);
  }, 120_000);
});
