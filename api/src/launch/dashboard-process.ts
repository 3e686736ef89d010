import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { listenOn } from '../core/listen';
import { join } from 'node:path';
import type { Logger } from '../core/logger';

export interface DashboardProcessOptions {
  repoRoot: string;
  host: string;
  port: number;
  apiUrl: string;
  /** The address users open; its scheme decides whether cookies are Secure. */
  publicUrl: string;
  /** Midtrans Snap for the top-up popup: the public client key and where Snap is (the simulator in the demo). */
  midtrans: { env: string; clientKey: string; snapBaseUrl: string };
  /** The CSP as Report-Only (CSP_REPORT_ONLY). */
  cspReportOnly?: boolean;
  logger: Logger;
}

export interface DashboardProcess {
  url: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the dashboard exited with code ${child.exitCode}: ${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the dashboard did not answer ${url}/healthz within ${READY_TIMEOUT_MS / 1000} s: ${output()}`);
}

/** Fails early and clearly when the port is taken, rather than health-checking a stranger. */
async function assertPortFree(host: string, port: number): Promise<void> {
  const probe = createServer();
  await listenOn(probe, host, port, 'DASHBOARD_PORT');
  await new Promise((resolve) => probe.close(resolve));
}

/** Runs the built dashboard (`node dashboard/server.js`) as a child process, as systemd does in production. */
export async function startDashboardProcess(options: DashboardProcessOptions): Promise<DashboardProcess> {
  const { repoRoot, host, port, apiUrl, publicUrl, midtrans, cspReportOnly = false, logger } = options;
  const dashboardDir = join(repoRoot, 'dashboard');
  if (!existsSync(join(dashboardDir, 'build', 'server', 'index.js'))) {
    throw new Error('the dashboard is not built: run `npm run build` (npm start does it for you)');
  }
  await assertPortFree(host, port);
  const child = spawn(process.execPath, ['server.js'], {
    cwd: dashboardDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DASHBOARD_HOST: host,
      DASHBOARD_PORT: String(port),
      API_INTERNAL_URL: apiUrl,
      PUBLIC_URL: publicUrl,
      // Public by design (Midtrans puts the client key in the page); the server key stays with the API.
      MIDTRANS_ENV: midtrans.env,
      MIDTRANS_CLIENT_KEY: midtrans.clientKey,
      MIDTRANS_SNAP_BASE_URL: midtrans.snapBaseUrl,
      CSP_REPORT_ONLY: String(cspReportOnly),
    },
    // The IPC channel closes when this process dies, even by `kill -9`: the dashboard
    // watches it and exits, so no orphan keeps the port after a crash.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let recent = '';
  const forward = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    recent = (recent + text).slice(-2000);
    for (const line of text.split('\n').filter(Boolean)) logger.info(line);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const url = `http://${host}:${port}`;
  await waitForHealth(url, child, () => recent.trim());
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
