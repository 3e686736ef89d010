import { parseConfig } from '../src/config';
import { startWorker, type Running } from '../src/compose';
import { ManualClock } from '../src/core/clock';
import { createLogger } from '../src/core/logger';
import { createTestDatabase, type TestDatabase } from './support/database';
import { waitFor } from './support/wait';

describe('a job-only worker', () => {
  let database: TestDatabase;
  let worker: Running | undefined;

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    for (const step of worker?.shutdownSteps() ?? []) await step.run();
    await database.drop();
  });

  it('builds the same module services as the API, so its jobs call services (with the injected clock)', async () => {
    const clock = new ManualClock(new Date('2026-12-01T01:00:00Z'));
    const seen: string[] = [];
    const config = parseConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      LOG_LEVEL: 'silent',
      SIMULATORS: 'false',
      JOBS_POLL_MS: '100',
      // Agenda 6 leaves a lockLifetime/2 timer per job run; a short lifetime lets Jest's worker exit.
      JOBS_LOCK_LIFETIME_MS: '4000',
    });
    worker = await startWorker(config, createLogger('silent'), {
      clock,
      extraJobs: (services) => [
        {
          name: 'test.ask-a-service',
          handler: async () => {
            seen.push(services.system.system.serverInfo().time.toISOString());
          },
        },
      ],
    });
    expect(Object.keys(worker.services).sort()).toEqual([
      'campaigns',
      'channels',
      'contacts',
      'identity',
      'notifications',
      'search',
      'system',
      'wallet',
    ]);
    await worker.jobs.agenda.now('test.ask-a-service', {});
    await waitFor(() => seen.length === 1, { what: 'the job to run', timeoutMs: 20_000 });
    expect(seen).toEqual(['2026-12-01T01:00:00.000Z']);
  });
});
