import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { answers200, waitFor } from './wait';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const LAUNCHER = join(REPO_ROOT, 'api', 'dist', 'launch', 'portal.js');
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const OUTPUT_LIMIT = 20_000;

export interface Stack {
  dashboardUrl: string;
  apiUrl: string;
  /** The Midtrans simulator the portal pays through (tests settle orders with its control endpoint). */
  midtransUrl: string;
  /** The portal's own Meta simulator (tests register WhatsApp accounts with its control endpoint). */
  metaUrl: string;
  /** The last part of the portal's stdout and stderr, for error messages. */
  output(): string;
  /** SIGTERM, then wait for the portal to exit (it stops PostgreSQL last); removes the data directory. */
  stop(): Promise<void>;
}

/**
 * Starts the whole portal the way a user does (`node api/dist/launch/portal.js` from the repo root: embedded
 * PostgreSQL, API, worker, simulators and `node dashboard/server.js`), on free ports with a fresh data directory,
 * and resolves once the API's /readyz and the dashboard's /healthz answer 200. `env` adds or overrides variables.
 */
export async function startStack(options: { env?: Record<string, string> } = {}): Promise<Stack> {
  if (!existsSync(LAUNCHER)) {
    throw new Error(`${relative(REPO_ROOT, LAUNCHER)} is missing: build the portal first (\`npm run build\`).`);
  }
  const [apiPort, dashboardPort, postgresPort, metaPort, midtransPort] = await freePorts(5);
  const dataDir = mkdtempSync(join(tmpdir(), 'bizone-e2e-'));
  // Run as root, embedded PostgreSQL works as the `postgres` user, which must be able to enter this directory.
  chmodSync(dataDir, 0o755);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EMBEDDED_DATA_DIR: dataDir,
    API_PORT: String(apiPort),
    DASHBOARD_PORT: String(dashboardPort),
    EMBEDDED_PG_PORT: String(postgresPort),
    META_SIMULATOR_PORT: String(metaPort),
    MIDTRANS_SIMULATOR_PORT: String(midtransPort),
    // A test's own settings (its own Meta simulator, a known app secret) over the demo's defaults.
    ...options.env,
  };
  // Jest sets NODE_ENV=test; the portal must run as `npm start` runs it, on its own embedded database.
  for (const name of ['NODE_ENV', 'DATABASE_URL', 'MONGODB_URL']) delete env[name];

  const child = spawn(process.execPath, [LAUNCHER], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let recent = '';
  const record = (chunk: Buffer) => {
    recent = (recent + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.stdout.on('data', record);
  child.stderr.on('data', record);
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const output = () => recent.trim();

  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const dashboardUrl = `http://127.0.0.1:${dashboardPort}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolveTimer) => {
        timer = setTimeout(() => resolveTimer('timeout'), STOP_TIMEOUT_MS);
      });
      const outcome = await Promise.race([exited, timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        child.kill('SIGKILL');
        throw new Error(`the portal did not exit within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM:\n${output()}`);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(
            `the portal exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`,
          );
        }
        return (await answers200(`${apiUrl}/readyz`)) && (await answers200(`${dashboardUrl}/healthz`));
      },
      {
        timeoutMs: READY_TIMEOUT_MS,
        describe: () =>
          `the portal was not ready within ${READY_TIMEOUT_MS / 1000} s ` +
          `(${apiUrl}/readyz and ${dashboardUrl}/healthz):\n${output()}`,
      },
    );
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return {
    dashboardUrl,
    apiUrl,
    midtransUrl: `http://127.0.0.1:${midtransPort}`,
    metaUrl: `http://127.0.0.1:${metaPort}`,
    output,
    stop,
  };
}

/** Ports the OS hands out as free right now, all distinct (held open together until every one is known). */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolveServer, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolveServer(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolveClose) => server.close(resolveClose))));
  return ports;
}
