import 'reflect-metadata';
import { Client } from 'pg';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/core/logger';
import { guardProcess } from '../../src/lifecycle';
import type { JobDefinition } from '../../src/jobs/runner';
import { runWorkerWith } from './test-worker';

/**
 * The real worker composition plus one job written the way this project's jobs must be: its
 * effect is idempotent in PostgreSQL (a unique key), so Agenda running it twice changes nothing.
 * Every run is counted too, to see how often a fault made Agenda repeat one.
 */
const config = loadConfig();
const logger = createLogger(config.logLevel);
guardProcess(logger);

const effectJob: JobDefinition<never> = {
  name: 'test.effect',
  handler: async (job) => {
    const { marker } = job.attrs.data as unknown as { marker: string };
    const client = new Client({ connectionString: config.database.url, connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.query('insert into test_job_run (marker) values ($1)', [marker]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await client.query('insert into test_job_effect (marker) values ($1) on conflict do nothing', [marker]);
    } finally {
      await client.end().catch(() => undefined);
    }
  },
};

runWorkerWith(config, logger, [effectJob]);
