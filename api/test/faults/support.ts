import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../src/core/logger';
import { runMigrations } from '../../src/db/migrate';
import { createAppOrm } from '../../src/modules';
import { freePort } from '../support/ports';
import { runEntry, type Spawned } from '../support/processes';
import { waitFor } from '../support/wait';

/**
 * A PostgreSQL server of the fault suite's own, from Debian's PostgreSQL 15 binaries (installed
 * by ops/test-services.sh), so stopping and restarting it never touches the shared test server
 * other suites use. As root it runs as the postgres user, as PostgreSQL requires.
 */
export interface OwnPostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

const BIN = '/usr/lib/postgresql/15/bin';

function asServerUser(command: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  execFileSync(root ? 'runuser' : command, root ? ['-u', 'postgres', '--', command, ...args] : args, {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

export async function ownPostgres(): Promise<OwnPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'bizone-faults-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  asServerUser(`${BIN}/initdb`, ['-D', data, '-U', 'bizone', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const pgCtl = (...args: string[]) =>
    asServerUser(`${BIN}/pg_ctl`, ['-D', data, '-l', join(dir, 'server.log'), '-w', ...args]);
  const start = async () => pgCtl('-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start');
  await start();
  execFileSync(`${BIN}/createdb`, ['-h', '127.0.0.1', '-p', String(port), '-U', 'bizone', 'bizone']);
  const url = `postgres://bizone@127.0.0.1:${port}/bizone`;
  const orm = await createAppOrm({ url, poolMax: 2 });
  await runMigrations(orm, url, createLogger('silent'));
  await orm.close(true);
  return {
    url,
    stop: async () => pgCtl('stop', '-m', 'fast'),
    start,
    destroy: async () => {
      try {
        pgCtl('stop', '-m', 'immediate');
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function readiness(url: string): Promise<{ status: number; checks: Record<string, { ok: boolean }> }> {
  try {
    const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(10_000) });
    const body = (await response.json()) as { checks: Record<string, { ok: boolean }> };
    return { status: response.status, checks: body.checks };
  } catch {
    return { status: 0, checks: {} };
  }
}

/**
 * A MongoDB wire server of the suite's own (the mongo-java-server jar ops/test-services.sh built), on a free
 * port, so killing it never disturbs the shared one. It keeps its data in memory: a restart starts empty.
 */
export interface OwnMongo {
  url: string;
  kill(): Promise<void>;
  start(): Promise<void>;
}

export async function ownMongo(): Promise<OwnMongo> {
  const dir = process.env.BIZONE_SERVICES_DIR ?? '/tmp/bizone-test-services';
  const jar = readdirSync(dir)
    .filter((name) => /^mongo-wire-server-[0-9a-f]+\.jar$/.test(name))
    .map((name) => join(dir, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!jar) throw new Error(`no mongo-wire-server jar in ${dir}: run bash ops/test-services.sh`);
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('java', ['-jar', jar, '127.0.0.1', String(port)], { stdio: 'ignore' });
    const deadline = Date.now() + 20_000;
    while (!(await portOpen(port))) {
      if (Date.now() > deadline) throw new Error('the MongoDB wire server did not start');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await start();
  return {
    url: `mongodb://127.0.0.1:${port}/faults`,
    start,
    kill: async () => {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
  };
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * `BZ_FAULT_REPORT=1 npx jest api/test/faults` prints what each fault cost (recovery time, answers by code) for
 * docs/BENCHMARKS.md; a normal run prints nothing. Figures are reported, never asserted.
 */
export function report(what: string, figures: Record<string, unknown>): void {
  if (process.env.BZ_FAULT_REPORT === '1') process.stdout.write(`fault report: ${what}: ${JSON.stringify(figures)}\n`);
}

/**
 * Requests that need PostgreSQL (a session lookup runs before any resolver), sent by four clients without pause
 * until stopped: every answer's status and code, and the slowest answer.
 */
export function load(url: string) {
  const codes = new Map<string, number>();
  let slowestMs = 0;
  let running = true;
  const worker = async () => {
    while (running) {
      const started = Date.now();
      const code = await fetch(`${url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer bzs_not-a-real-session-token' },
        body: JSON.stringify({ query: '{ me { id } }' }),
        signal: AbortSignal.timeout(20_000),
      })
        .then(async (response) => {
          const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
          return `${response.status} ${body.errors?.[0]?.extensions?.code ?? 'OK'}`;
        })
        .catch((error: Error) => `failed ${error.name}`);
      slowestMs = Math.max(slowestMs, Date.now() - started);
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
  };
  const workers = Array.from({ length: 4 }, worker);
  return {
    stop: async () => {
      running = false;
      await Promise.all(workers);
      return { codes: Object.fromEntries(codes), slowestMs };
    },
  };
}

/** The API from source as its own process (jobs in it), ready: what the fault tests break things under. */
export async function startApiProcess(env: Record<string, string>): Promise<{ api: Spawned; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = runEntry('main.ts', {
    NODE_ENV: 'test',
    API_PORT: String(port),
    LOG_LEVEL: 'warn',
    SIMULATORS: 'false',
    JOBS_IN_PROCESS: 'true',
    JOBS_POLL_MS: '200',
    ...env,
  });
  await waitFor(async () => (await readiness(url)).status === 200, { what: 'the API to be ready', timeoutMs: 30_000 });
  return { api, url };
}
