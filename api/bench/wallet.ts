import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { DEVELOPMENT_SECRETS, parseConfig } from '../src/config';
import { systemClock } from '../src/core/clock';
import { newId } from '../src/core/ids';
import { createLogger } from '../src/core/logger';
import { rupiah } from '../src/core/money';
import { appModules, createAppOrm } from '../src/modules';
import { buildServices } from '../src/modules/manifest';
import { DeferredJobQueue } from '../src/jobs/queue';
import { midtransSignature, NOTIFICATION_PATH } from '../src/modules/wallet';
import { freshDataDir, postgresCpuMs, processCpuMs, REPO_ROOT, startPortal, threadCpuMs } from './support';

const SERVER_KEY = DEVELOPMENT_SECRETS.MIDTRANS_SERVER_KEY;
const AUTH = `Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}`;

interface NotificationRun {
  count: number;
  workspaces: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  credited: number;
  stored: number;
  balanced: boolean;
  /** CPU of the API's event loop per notification (the Midtrans simulator runs in its own process). */
  portalCpuMsPerNotification: number;
  /** CPU of the whole API process (every thread: GC, libuv) per notification. */
  portalProcessCpuMsPerNotification: number;
  /** CPU of the embedded PostgreSQL (postmaster and backends) per notification. */
  postgresCpuMsPerNotification: number;
  /** CPU of the Midtrans simulator's process (Get Status) per notification. */
  simulatorCpuMsPerNotification: number;
}

/** The Midtrans simulator in a process of its own, as Midtrans is another machine. */
async function startMidtrans(): Promise<{ child: ChildProcess; url: string }> {
  const script = join(REPO_ROOT, 'api', 'dist', 'simulators', 'midtrans', 'standalone.js');
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH, MIDTRANS_SIMULATOR_PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the Midtrans simulator exited with ${code}`)));
  });
  return { child, url: (JSON.parse(line) as { url: string }).url };
}

const perNotification = (ms: number, count: number) => Math.round((ms / count) * 1000) / 1000;

export interface WalletBench {
  notifications: NotificationRun;
  oneWorkspace: NotificationRun;
  holds: { operations: number; seconds: number; perSecond: number; anomalies: number; refusals: number };
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

/** `count` paid orders over `workspaces` workspaces, then their signed settlements posted 64 at a time. */
async function notificationRun(
  client: Client,
  portal: { apiUrl: string; midtransUrl: string; child: { pid?: number }; clusterDir: string; simulatorPid: number },
  count: number,
  workspaces: number,
  label: string,
): Promise<{ result: NotificationRun; workspaceIds: string[] }> {
  const workspaceIds = Array.from({ length: workspaces }, () => newId());
  for (const [index, id] of workspaceIds.entries()) {
    await client.query(
      `insert into workspace (id, name, slug, created_at, updated_at) values ($1, $2, $2, now(), now())`,
      [id, `bench-${label}-${index}`],
    );
  }
  const orderIds = Array.from({ length: count }, (_, index) => `BZ-TOPUP-BENCH-${label}-${index}`);
  await client.query(
    `insert into payment_order (id, workspace_id, order_id, gross_amount, credit_amount, tax_amount, status, flagged, credited,
       reversed, expires_at, checks, created_at, updated_at)
     select gen_random_uuid(), ($1::uuid[])[1 + (n % cardinality($1::uuid[]))], o, 100000, 100000, 0, 'PENDING', false, 0, 0,
       now() + interval '1 day', 0, now(), now()
     from unnest($2::text[]) with ordinality as t(o, n)`,
    [workspaceIds, orderIds],
  );
  await pool(orderIds, 16, async (orderId) => {
    await post(
      `${portal.midtransUrl}/snap/v1/transactions`,
      { transaction_details: { order_id: orderId, gross_amount: 100000 } },
      { authorization: AUTH },
    );
    await post(`${portal.midtransUrl}/__simulator/midtrans/transactions/${orderId}`, {
      transaction_status: 'settlement',
      notify: false,
    });
  });
  const bodies = orderIds.map((orderId) => ({
    order_id: orderId,
    status_code: '200',
    gross_amount: '100000.00',
    transaction_status: 'settlement',
    signature_key: midtransSignature(orderId, '200', '100000.00', SERVER_KEY),
    merchant_id: 'G000000000',
  }));
  const concurrency = 64;
  // The load comes from an autocannon worker thread over keep-alive connections, as in the webhooks bench: global
  // fetch in this process cost about 0.3 ms of CPU per POST on the same two cores as the portal (the figure then
  // measured the load generator as much as the portal).
  const dir = mkdtempSync(join(tmpdir(), 'bizone-bench-wallet-'));
  const bodiesFile = join(dir, 'bodies.json');
  writeFileSync(bodiesFile, JSON.stringify(bodies.map((body) => JSON.stringify(body))));
  const setupFile = join(dir, 'setup-request.js');
  writeFileSync(
    setupFile,
    `const bodies = require(${JSON.stringify(bodiesFile)});
let next = 0;
module.exports = (request) => {
  request.body = bodies[next++ % bodies.length];
  return request;
};
`,
  );
  const started = performance.now();
  const cpuBefore = threadCpuMs(portal.child.pid!);
  const processBefore = processCpuMs(portal.child.pid!);
  const postgresBefore = postgresCpuMs(portal.clusterDir);
  const simulatorBefore = processCpuMs(portal.simulatorPid);
  const load = await autocannon({
    url: `${portal.apiUrl}${NOTIFICATION_PATH}`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: concurrency,
    amount: bodies.length,
    workers: 1,
    requests: [{ setupRequest: setupFile } as never],
  });
  const seconds = (performance.now() - started) / 1000;
  rmSync(dir, { recursive: true, force: true });
  if (load['2xx'] !== bodies.length || load.non2xx !== 0 || load.errors !== 0) {
    throw new Error(
      `notifications: ${load['2xx']} answered 200 of ${bodies.length} (${load.non2xx} other, ${load.errors} errors)`,
    );
  }
  const cpuMs = threadCpuMs(portal.child.pid!) - cpuBefore;
  const processMs = processCpuMs(portal.child.pid!) - processBefore;
  const postgresMs = postgresCpuMs(portal.clusterDir) - postgresBefore;
  const simulatorMs = processCpuMs(portal.simulatorPid) - simulatorBefore;
  const {
    rows: [check],
  } = await client.query(
    `select (select count(*)::int from ledger_entry where workspace_id = any($1::uuid[]) and kind = 'TOPUP') as credited,
            (select count(*)::int from midtrans_notification where outcome = 'CREDITED' and workspace_id = any($1::uuid[])) as stored,
            (select bool_and(w.balance = (select coalesce(sum(amount), 0) from ledger_entry l where l.workspace_id = w.workspace_id))
             from wallet w where w.workspace_id = any($1::uuid[])) as balanced`,
    [workspaceIds],
  );
  return {
    workspaceIds,
    result: {
      count,
      workspaces,
      concurrency,
      seconds: Math.round(seconds * 100) / 100,
      perSecond: Math.round(count / seconds),
      ...check,
      portalCpuMsPerNotification: perNotification(cpuMs, count),
      portalProcessCpuMsPerNotification: perNotification(processMs, count),
      postgresCpuMsPerNotification: perNotification(postgresMs, count),
      simulatorCpuMsPerNotification: perNotification(simulatorMs, count),
    },
  };
}

/**
 * End to end on the embedded portal (one API process; the Midtrans simulator in its own): N paid
 * orders, then N signed settlement notifications posted 64 at a time; each is stored, its
 * status confirmed by Get Status over HTTP, and credited in its own transaction. Then 1,000
 * concurrent hold + capture pairs on one wallet through WalletService, on the same database.
 */
export async function benchWallet(
  count = Number(process.env.BZ_BENCH_WALLET_NOTIFICATIONS ?? 6000),
): Promise<WalletBench> {
  const dataDir = freshDataDir();
  const midtrans = await startMidtrans();
  const { portal: started } = await startPortal(dataDir, {
    env: { MIDTRANS_API_BASE_URL: midtrans.url, MIDTRANS_SNAP_BASE_URL: midtrans.url },
  });
  const portal = {
    ...started,
    midtransUrl: midtrans.url,
    clusterDir: join(dataDir, 'postgres'),
    simulatorPid: midtrans.child.pid!,
  };
  const password = readFileSync(join(dataDir, 'postgres-password'), 'utf8').trim();
  const databaseUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${portal.postgresPort}/bizone`;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const spread = await notificationRun(client, portal, count, 50, 'spread');
    const single = await notificationRun(client, portal, Math.round(count / 3), 1, 'single');
    const workspaceId = single.workspaceIds[0]!;

    // 1,000 concurrent hold + capture pairs on that one wallet, through the service itself.
    const config = parseConfig({
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'silent',
      SIMULATORS: 'false',
      DATABASE_ACQUIRE_TIMEOUT_MS: '60000',
    });
    const logger = createLogger('silent');
    const orm = await createAppOrm({
      url: databaseUrl,
      poolMax: 20,
      logger,
      limits: { statementTimeoutMs: 10_000, lockTimeoutMs: 30_000, acquireTimeoutMs: 60_000 },
    });
    const { wallet } = buildServices(appModules, {
      config,
      clock: systemClock,
      logger,
      jobs: new DeferredJobQueue(),
    }).wallet;
    const pairs = 1000;
    const before = await wallet.summary(orm.em.fork(), workspaceId);
    let refusals = 0;
    const holdStarted = performance.now();
    await Promise.all(
      Array.from({ length: pairs }, async (_, index) => {
        try {
          const { holdId } = await wallet.hold(orm.em.fork(), workspaceId, {
            key: `bench-hold:${index}`,
            reference: 'bench',
            actor: 'bench',
            amount: rupiah(500),
          });
          await wallet.capture(orm.em.fork(), workspaceId, {
            holdId,
            key: `bench-capture:${index}`,
            reference: 'bench-batch',
            actor: 'bench',
            amount: rupiah(500),
          });
        } catch {
          refusals++;
        }
      }),
    );
    const holdSeconds = (performance.now() - holdStarted) / 1000;
    const after = await wallet.summary(orm.em.fork(), workspaceId);
    const sums = await wallet.ledgerSums(orm.em.fork(), workspaceId);
    const anomalies =
      Number(after.balance !== sums.balance) +
      Number(after.held !== sums.held) +
      Number(after.held !== 0n) +
      Number(after.balance !== before.balance - BigInt((pairs - refusals) * 500));
    await orm.close();
    return {
      notifications: spread.result,
      oneWorkspace: single.result,
      holds: {
        operations: pairs * 2,
        seconds: Math.round(holdSeconds * 100) / 100,
        perSecond: Math.round((pairs * 2) / holdSeconds),
        anomalies,
        refusals,
      },
    };
  } finally {
    await client.end();
    await portal.stop();
    midtrans.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const describeRun = (n: NotificationRun) =>
  `midtrans notifications, end to end, ${n.workspaces} workspace(s): ${n.count} in ${n.seconds} s at ${n.concurrency} concurrent = ${n.perSecond}/s; credited ${n.credited}, stored CREDITED ${n.stored}, balance == sum(ledger): ${n.balanced}; CPU per notification: API event loop ${n.portalCpuMsPerNotification} ms, API process ${n.portalProcessCpuMsPerNotification} ms, PostgreSQL ${n.postgresCpuMsPerNotification} ms, Midtrans simulator ${n.simulatorCpuMsPerNotification} ms`;

export function describeWallet({ notifications, oneWorkspace, holds: h }: WalletBench): string[] {
  return [
    describeRun(notifications),
    describeRun(oneWorkspace),
    `holds + captures on one wallet: ${h.operations} operations (1,000 concurrent pairs) in ${h.seconds} s = ${h.perSecond}/s; anomalies ${h.anomalies}, refusals ${h.refusals}`,
  ];
}
