import type { Client } from 'pg';
import type { Running } from '../src/compose';
import type { TestMember } from '../test/support/identity';
import { benchApi } from './support';

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

/** Runs `work` against a fresh API and database (`bz_bench_<name>_<time>`), then stops both whatever happens. */
export async function withLatencyBench<T>(name: string, work: (bench: LatencyBench) => Promise<T>): Promise<T> {
  const api = await benchApi(name);
  try {
    const { db } = api;
    const owner = await api.owner('Bench');
    return await work({
      running: api.running,
      db,
      owner,
      async seed(statements, tables) {
        const started = performance.now();
        for (const [text, params] of statements) await db.query(text, params);
        for (const table of tables) await db.query(`analyze ${table}`);
        return performance.now() - started;
      },
      ask: (query, variables) => api.graphql(owner, query, variables),
    });
  } finally {
    await api.stop();
  }
}
