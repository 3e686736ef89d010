import { parseConfig, type AppConfig } from '../../src/config';
import { startApi, type Running } from '../../src/compose';
import { createLogger } from '../../src/core/logger';
import type { StartOptions } from '../../src/compose';
import type { Clock } from '../../src/core/clock';
import { createTestDatabase, type TestDatabase } from './database';
import { TEST_MONGODB_URL } from './services';

export interface TestApi {
  url: string;
  config: AppConfig;
  running: Running;
  database: TestDatabase;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: { data?: T; errors?: GraphQLErrorBody[] } }>;
  stop(): Promise<void>;
}

export interface GraphQLErrorBody {
  message: string;
  extensions?: Record<string, unknown> & { code?: string };
}

export interface TestApiOptions {
  jobStore?: 'postgresql' | 'mongodb';
  env?: Record<string, string>;
  runJobs?: boolean;
  extraJobs?: StartOptions['extraJobs'];
  clock?: Clock;
  /** Another API's database (a second process of the same installation): left for its owner to drop. */
  database?: TestDatabase;
}

/** A real API over HTTP on a random port, on a database of its own. */
export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const database = options.database ?? (await createTestDatabase());
  const config = parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    API_PORT: '0',
    LOG_LEVEL: 'silent',
    SIMULATORS: 'false',
    JOBS_POLL_MS: '100',
    JOBS_LOCK_LIFETIME_MS: '4000',
    // Midtrans is never the real one in tests: port 9 refuses at once (a wallet test points these at its simulator).
    MIDTRANS_SNAP_BASE_URL: 'http://127.0.0.1:9',
    MIDTRANS_API_BASE_URL: 'http://127.0.0.1:9',
    ...(options.jobStore === 'mongodb' ? { MONGODB_URL: `${TEST_MONGODB_URL}/${database.name}` } : {}),
    ...options.env,
  });
  const running = await startApi(config, createLogger(config.logLevel), {
    runJobs: options.runJobs ?? false,
    extraJobs: options.extraJobs,
    clock: options.clock,
  });
  const url = running.url!;
  return {
    url,
    config,
    running,
    database,
    async graphql(query, variables, headers = {}) {
      const response = await fetch(`${url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as never };
    },
    async stop() {
      for (const step of running.shutdownSteps()) await step.run();
      if (!options.database) await database.drop();
    },
  };
}
