import { Client } from 'pg';
import { startApi, type Running } from '../src/compose';
import { parseConfig } from '../src/config';
import { createLogger } from '../src/core/logger';
import { createMember, createWorkspace, type TestMember } from '../test/support/identity';
import { benchDatabase } from './support';

/**
 * What the read benches (overview, search) share: an API on a database of its own with an Owner, rows written
 * straight into the tables (the writers' own speed is other benches' business), and a latency loop over GraphQL.
 */
export interface LatencyBench {
  running: Running;
  /** A plain connection for seeding and EXPLAIN. */
  db: Client;
  owner: TestMember;
  /** Runs `statements` in order (each `[sql, params]`), then ANALYZE of `tables`; the milliseconds it took. */
  seed(statements: [string, unknown[]][], tables: string[]): Promise<number>;
  /** One GraphQL request as the Owner; throws on errors; returns `data`. */
  ask<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export interface Latency {
  p50Ms: number;
  p95Ms: number;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! * 100) / 100;
}

/** `samples` calls of `call`, one at a time, after `warmups` unmeasured ones: p50 and p95 in ms. */
export async function measureLatency(
  call: (index: number) => Promise<unknown>,
  { warmups, samples }: { warmups: number; samples: number },
): Promise<Latency> {
  for (let warm = 0; warm < warmups; warm++) await call(warm);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await call(i);
    times.push(performance.now() - start);
  }
  return { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
}

/** Runs `work` against a fresh API and database (`<prefix>_<time>`), then stops both whatever happens. */
export async function withLatencyBench<T>(prefix: string, work: (bench: LatencyBench) => Promise<T>): Promise<T> {
  const logger = createLogger('warn');
  const database = await benchDatabase(prefix, logger);
  const config = parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    API_PORT: '0',
    LOG_LEVEL: 'warn',
    SIMULATORS: 'false',
  });
  const running = await startApi(config, logger, { runJobs: false });
  const db = new Client({ connectionString: database.url });
  await db.connect();
  try {
    const em = running.orm.em.fork();
    const owner = await createMember(em, await createWorkspace(em, 'Bench'), 'owner');
    const headers = { authorization: `Bearer ${owner.sessionToken}`, 'content-type': 'application/json' };
    return await work({
      running,
      db,
      owner,
      async seed(statements, tables) {
        const started = performance.now();
        for (const [text, params] of statements) await db.query(text, params);
        for (const table of tables) await db.query(`analyze ${table}`);
        return performance.now() - started;
      },
      async ask<R>(query: string, variables: Record<string, unknown> = {}) {
        const response = await fetch(`${running.url}/api/graphql`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { data?: R; errors?: unknown[] };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        return body.data!;
      },
    });
  } finally {
    await db.end();
    for (const step of running.shutdownSteps()) await step.run();
    await database.drop();
  }
}
