import { createLogger } from '../../src/core/logger';
import { openJobStore, type JobStore } from '../../src/jobs/backend';
import { JobRunner, type JobDefinition } from '../../src/jobs/runner';
import type { TestDatabase } from './database';
import { TEST_MONGODB_URL } from './services';

export const JOB_STORES = ['postgresql', 'mongodb'] as const;
export type JobStoreKind = (typeof JOB_STORES)[number];

/** The MONGODB_URL a test database's jobs use (one Mongo database per test database). */
export function mongoUrlFor(database: TestDatabase): string {
  return `${TEST_MONGODB_URL}/${database.name}`;
}

export async function openTestStore(kind: JobStoreKind, database: TestDatabase, name: string): Promise<JobStore> {
  return openJobStore({
    mongoUrl: kind === 'mongodb' ? mongoUrlFor(database) : undefined,
    postgresUrl: database.url,
    workerName: name,
  });
}

export function testRunner(
  store: JobStore,
  definitions: JobDefinition<never>[],
  concurrency = 5,
  pollMs = 100,
): JobRunner {
  // A short lock lifetime: Agenda keeps a lockLifetime/2 liveness timer per job run alive,
  // which would hold Jest open for minutes with the production default.
  return new JobRunner({
    store,
    logger: createLogger('silent'),
    concurrency,
    pollMs,
    lockLifetimeMs: 4000,
    definitions,
  });
}
