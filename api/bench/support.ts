import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { startApi, type Running } from '../src/compose';
import { parseConfig } from '../src/config';
import { createLogger, type Logger } from '../src/core/logger';
import { runMigrations } from '../src/db/migrate';
import { createAppOrm } from '../src/modules';
import { createMember, createWorkspace, type TestMember } from '../test/support/identity';

export const REPO_ROOT = resolve(__dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bizone-bench-'));
  chmodSync(dir, 0o755); // the embedded server runs as `postgres` when we are root
  return dir;
}

export interface Portal {
  child: ChildProcess;
  apiUrl: string;
  dashboardUrl: string;
  midtransUrl: string;
  /** The portal's own Meta simulator (its control endpoint registers WhatsApp accounts). */
  metaUrl: string;
  postgresPort: number;
  stop(): Promise<void>;
}

/**
 * The embedded portal as a process: the built launcher with `npm start`'s flags, or (`viaNpm`)
 * `npm start` itself, build check included, as a person types it; stopped like Ctrl-C.
 */
export async function startPortal(
  dataDir: string,
  options: { viaNpm?: boolean; env?: Record<string, string> } = {},
): Promise<{ portal: Portal; readyMs: number }> {
  const [api, dashboard, postgres, meta, midtrans] = await Promise.all(Array.from({ length: 5 }, freePort));
  const started = performance.now();
  const [command, args] = options.viaNpm
    ? ['npm', ['start', '--silent']]
    : [
        process.execPath,
        [
          '--max-semi-space-size=64',
          // e.g. BZ_BENCH_PORTAL_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": a CPU profile of the portal's API.
          ...(process.env.BZ_BENCH_PORTAL_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
          join(REPO_ROOT, 'api', 'dist', 'launch', 'portal.js'),
        ],
      ];
  const child = spawn(command, args, {
    // Its own process group, so a stop reaches npm and the portal as Ctrl-C in a terminal does.
    detached: true,
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      EMBEDDED_DATA_DIR: dataDir,
      API_PORT: String(api),
      DASHBOARD_PORT: String(dashboard),
      EMBEDDED_PG_PORT: String(postgres),
      META_SIMULATOR_PORT: String(meta),
      MIDTRANS_SIMULATOR_PORT: String(midtrans),
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const apiUrl = `http://127.0.0.1:${api}`;
  const dashboardUrl = `http://127.0.0.1:${dashboard}`;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  for (;;) {
    if (child.exitCode !== null) throw new Error('the portal exited before it was ready');
    const ok = await fetch(`${apiUrl}/readyz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((wait) => setTimeout(wait, 20));
  }
  const readyMs = performance.now() - started;
  return {
    readyMs,
    portal: {
      child,
      apiUrl,
      dashboardUrl,
      midtransUrl: `http://127.0.0.1:${midtrans}`,
      metaUrl: `http://127.0.0.1:${meta}`,
      postgresPort: postgres,
      stop: async () => {
        process.kill(-child.pid!, 'SIGINT');
        await exited;
      },
    },
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The CI PostgreSQL the database benches create their own databases on. */
export const BENCH_SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://bizone:bizone@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  url: string;
  /** Drops the database, whoever is still connected. */
  drop(): Promise<void>;
}

/** A migrated database of its own for one bench (`<prefix>_<time>`), so runs never see each other's rows. */
export async function benchDatabase(prefix: string, logger: Logger): Promise<BenchDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: BENCH_SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  const migrator = await createAppOrm({ url: url.toString(), poolMax: 2 });
  await runMigrations(migrator, url.toString(), logger);
  await migrator.close(true);
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** An API of a bench's own, on a database of its own, in the bench's process. */
export interface BenchApi {
  running: Running;
  /** `running.url`: the API's base URL. */
  url: string;
  /** A plain connection to the bench's database: seeding, checks, EXPLAIN. */
  db: Client;
  logger: Logger;
  /** An Owner of a new workspace (`name`, or a random one), with a session. */
  owner(name?: string): Promise<TestMember>;
  /** One GraphQL request with `member`'s session; throws on errors; returns `data`. */
  graphql<T>(member: TestMember, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Stops the API (its job worker drained first) and drops the database. */
  stop(): Promise<void>;
}

/**
 * The set-up every API bench shares: a migrated database `bz_bench_<name>_<time>` on BENCH_DATABASE_URL's server,
 * the API on it in this process (test config, no simulators, logging at BZ_BENCH_LOG, default `warn`) with `env`
 * over those defaults, its job worker when `runJobs`.
 */
export async function benchApi(
  name: string,
  env: Record<string, string> = {},
  { runJobs = false }: { runJobs?: boolean } = {},
): Promise<BenchApi> {
  const level = process.env.BZ_BENCH_LOG ?? 'warn';
  const logger = createLogger(level);
  const database = await benchDatabase(`bz_bench_${name}`, logger);
  const config = parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    API_PORT: '0',
    LOG_LEVEL: level,
    SIMULATORS: 'false',
    ...env,
  });
  const running = await startApi(config, logger, { runJobs }).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  const db = new Client({ connectionString: database.url });
  await db.connect();
  const url = running.url!;
  return {
    running,
    url,
    db,
    logger,
    async owner(workspaceName) {
      const em = running.orm.em.fork();
      return createMember(em, await createWorkspace(em, workspaceName), 'owner');
    },
    async graphql<T>(member: TestMember, query: string, variables: Record<string, unknown> = {}) {
      const send = () =>
        fetch(`${url}/api/graphql`, {
          method: 'POST',
          headers: { authorization: `Bearer ${member.sessionToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
      // A reused keep-alive socket the server closed meanwhile fails before the request is read: a read is sent
      // again, never a mutation (it is not repeated).
      const response = await send().catch((error: unknown) => {
        if (query.trimStart().startsWith('mutation')) throw error;
        return send();
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data!;
    },
    async stop() {
      await db.end();
      for (const step of running.shutdownSteps()) await step.run();
      await database.drop();
    },
  };
}

/**
 * One thread's user + system CPU time in ms, from /proc (clock ticks of 10 ms): what a piece of
 * work costs whatever else the machine runs, unlike a rate. The thread defaults to a process's
 * main thread (the API's event loop; autocannon's worker thread is another).
 */
/** A whole process's user + system CPU time in ms (every thread: event loop, GC, libuv), from /proc. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * The CPU time in ms of an embedded PostgreSQL cluster: its postmaster (with the children it reaped) and every
 * live child (backends, walwriter, checkpointer), found by parent pid.
 */
export function postgresCpuMs(clusterDir: string): number {
  const postmaster = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(entry);
    if (pid === postmaster) {
      total += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } else if (Number(fields[1]) === postmaster) total += Number(fields[11]) + Number(fields[12]);
  }
  return total * 10;
}

export function threadCpuMs(pid: number = process.pid, tid: number = pid): number {
  const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
