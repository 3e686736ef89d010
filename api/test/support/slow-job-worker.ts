import 'reflect-metadata';
import { Client } from 'pg';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/core/logger';
import type { JobDefinition } from '../../src/jobs/runner';
import { runWorkerWith } from './test-worker';

/**
 * The real worker composition plus one slow job, for the shutdown test. The job records
 * its start and end in `test_job_log` so the test can see what happened from outside.
 */
const config = loadConfig();
const logger = createLogger(config.logLevel);

const slowJob: JobDefinition<never> = {
  name: 'test.slow',
  handler: async (job) => {
    const { ms, marker } = job.attrs.data as unknown as { ms: number; marker: string };
    const client = new Client({ connectionString: config.database.url });
    await client.connect();
    try {
      await client.query("insert into test_job_log (marker, event) values ($1, 'started')", [marker]);
      await new Promise((resolve) => setTimeout(resolve, ms));
      await client.query("insert into test_job_log (marker, event) values ($1, 'finished')", [marker]);
    } finally {
      await client.end();
    }
  },
};

runWorkerWith(config, logger, [slowJob]);
