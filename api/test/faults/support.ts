import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../src/core/logger';
import { runMigrations } from '../../src/db/migrate';
import { createAppOrm } from '../../src/modules';
import { freePort } from '../support/ports';

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
    const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5000) });
    const body = (await response.json()) as { checks: Record<string, { ok: boolean }> };
    return { status: response.status, checks: body.checks };
  } catch {
    return { status: 0, checks: {} };
  }
}
