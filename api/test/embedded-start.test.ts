import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { isRunning } from '../src/launch/embedded-postgres';
import { freePort } from './support/ports';
import { API_DIR, runEntry, type Spawned } from './support/processes';
import { waitFor } from './support/wait';

/**
 * The zero-configuration start (`npm start`) as a process: embedded PostgreSQL from npm,
 * migrations, API + jobs, dashboard. Needs the dashboard built (`npm test` builds it first).
 */
const dashboardBuilt = existsSync(join(API_DIR, '..', 'dashboard', 'build', 'server', 'index.js'));

describe('the embedded portal', () => {
  let dataDir: string;
  let ports: { api: number; dashboard: number; postgres: number };
  let portal: Spawned | undefined;

  beforeAll(() => {
    if (!dashboardBuilt) throw new Error('the dashboard is not built: run `npm run build` (npm test does it first)');
  });

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bizone-embedded-'));
    // mkdtemp makes it 0700; as root the server runs as `postgres`, which must reach it.
    chmodSync(dataDir, 0o755);
    ports = { api: await freePort(), dashboard: await freePort(), postgres: await freePort() };
  });

  afterEach(async () => {
    if (portal && portal.child.exitCode === null) {
      portal.child.kill('SIGINT');
      await portal.exited;
    }
    stopLeftoverPostgres();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function start(): Spawned {
    portal = runEntry('launch/portal.ts', {
      EMBEDDED_DATA_DIR: dataDir,
      API_PORT: String(ports.api),
      DASHBOARD_PORT: String(ports.dashboard),
      EMBEDDED_PG_PORT: String(ports.postgres),
      META_SIMULATOR_PORT: '0',
      MIDTRANS_SIMULATOR_PORT: '0',
      LOG_LEVEL: 'info',
    });
    return portal;
  }

  async function ready(process: Spawned): Promise<void> {
    const exited = process.exited.then(() => {
      throw new Error(`the portal exited before it was ready: ${process.output()}`);
    });
    const answering = waitFor(
      async () => {
        const [api, dashboard] = await Promise.all([
          fetch(`http://127.0.0.1:${ports.api}/readyz`),
          fetch(`http://127.0.0.1:${ports.dashboard}/healthz`),
        ]);
        // The launcher's own word that everything is up comes last.
        return api.ok && dashboard.ok && /BizOne Portal is ready/.test(process.output());
      },
      { timeoutMs: 60_000, what: 'the portal to be ready' },
    );
    await Promise.race([answering, exited]);
  }

  function postmasterPid(): number | undefined {
    const file = join(dataDir, 'postgres', 'postmaster.pid');
    return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
  }

  function alive(pid: number | undefined): boolean {
    return pid !== undefined && isRunning(pid);
  }

  function stopLeftoverPostgres(): void {
    const pid = postmasterPid();
    if (alive(pid)) process.kill(pid!, 'SIGINT');
  }

  async function sql<T extends Record<string, unknown>>(query: string, values: unknown[] = []): Promise<T[]> {
    const password = readFileSync(join(dataDir, 'postgres-password'), 'utf8').trim();
    const client = new Client({
      connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${ports.postgres}/bizone`,
    });
    await client.connect();
    try {
      return (await client.query<T>(query, values)).rows;
    } finally {
      await client.end();
    }
  }

  jest.setTimeout(150_000);

  it('starts from nothing, survives kill -9 with its data, and stops PostgreSQL on Ctrl-C', async () => {
    const first = start();
    await ready(first);
    expect(first.output()).toMatch(/BizOne Portal is ready in [\d.]+ s: open http:\/\/127\.0\.0\.1:\d+/);
    await sql(
      "insert into workspace (id, created_at, updated_at, name, slug) values (gen_random_uuid(), now(), now(), 'Toko Maju', 'toko-maju')",
    );

    first.child.kill('SIGKILL');
    await first.exited;
    // The dashboard child notices its parent is gone and frees its port.
    await waitFor(
      async () => {
        try {
          await fetch(`http://127.0.0.1:${ports.dashboard}/healthz`);
          return false;
        } catch {
          return true;
        }
      },
      { what: 'the orphaned dashboard to exit' },
    );
    const leftover = postmasterPid();
    expect(alive(leftover)).toBe(true);

    const second = start();
    await ready(second);
    expect(second.output()).toContain('reusing the embedded PostgreSQL left running by a previous start');
    expect(await sql('select name from workspace order by name')).toEqual([{ name: 'BizOne' }, { name: 'Toko Maju' }]);
    // The administrator was seeded once, on the first start only.
    expect(first.output()).toContain('First start: sign in as admin@bizone.id');
    expect(second.output()).not.toContain('First start');
    const graphql = await fetch(`http://127.0.0.1:${ports.dashboard}/backend-api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ serverInfo { name } }' }),
    });
    expect(await graphql.json()).toEqual({ data: { serverInfo: { name: 'BizOne Portal' } } });

    second.child.kill('SIGINT');
    expect((await second.exited).code).toBe(0);
    expect(alive(leftover)).toBe(false);
    expect(second.output()).toContain('embedded PostgreSQL stopped');
  });

  it('starts its PostgreSQL again when it dies, and the portal serves again without a restart', async () => {
    const first = start();
    await ready(first);
    const pid = postmasterPid();
    expect(alive(pid)).toBe(true);
    process.kill(pid!, 'SIGKILL');
    await waitFor(() => !alive(pid), { what: 'the postmaster to die' });
    // The launcher notices, starts the server again, and the API's clients reconnect.
    await waitFor(
      async () => {
        const next = postmasterPid();
        if (!alive(next) || next === pid) return false;
        const response = await fetch(`http://127.0.0.1:${ports.api}/readyz`);
        return response.ok;
      },
      { what: 'PostgreSQL to be back and the API ready', timeoutMs: 30_000 },
    );
    expect(first.child.exitCode).toBeNull();
    expect(first.output()).toContain('the embedded PostgreSQL is not running: starting it again');
  });

  it('stops everything, saying why, when its PostgreSQL keeps dying', async () => {
    const portal = start();
    await ready(portal);
    let previous: number | undefined;
    for (let death = 0; death < 4 && portal.child.exitCode === null; death++) {
      const pid = await waitFor(
        () => {
          const next = postmasterPid();
          return alive(next) && next !== previous ? next : undefined;
        },
        { what: 'a running postmaster', timeoutMs: 20_000 },
      ).catch(() => undefined);
      if (pid === undefined) break;
      previous = pid;
      process.kill(pid, 'SIGKILL');
    }
    await portal.exited;
    expect(portal.output()).toContain('BizOne Portal stops: the embedded PostgreSQL stopped 4 times within 60 s');
    expect(alive(postmasterPid())).toBe(false);
  });

  it('says which port is taken instead of starting half-way', async () => {
    const blocker = (await import('node:net')).createServer().listen(ports.api, '127.0.0.1');
    try {
      const portal = start();
      expect((await portal.exited).code).toBe(1);
      expect(portal.output()).toContain(`API_PORT ${ports.api} on 127.0.0.1 is already in use`);
      // It stopped the PostgreSQL it had started before failing.
      expect(alive(postmasterPid())).toBe(false);
    } finally {
      blocker.close();
    }
  });
});
