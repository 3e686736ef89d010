import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { MongoClient } from 'mongodb';
import { Client } from 'pg';
import { parseConfig } from '../src/config';
import { startApi } from '../src/compose';
import { createLogger } from '../src/core/logger';
import { rupiah } from '../src/core/money';
import { workspaceEm } from '../src/db/base.entity';
import { SendLedger } from '../src/simulators/meta/send-ledger';
import { createMember, createWorkspace } from '../test/support/identity';
import { benchDatabase, REPO_ROOT } from './support';

/**
 * The dispatcher against the Meta simulator (issue 19 benches a-d, issue 21's 1 vs 2 workers): the simulator in a
 * process of its own, the API in this process (GraphQL `startCampaign`, no jobs), and the dispatching worker(s) as
 * separate processes from the build (`api/dist/worker.js`), as production runs them. The bench reads the workers'
 * and their PostgreSQL backends' CPU from /proc, the workers' RSS, and the simulator's ledger (every request's
 * arrival time, accepted sends per recipient); then checks that every recipient was sent once, charged once, and
 * that the wallet's balance is the sum of its ledger. It writes nothing into the checkout: its database (and
 * MongoDB job database) are dropped at the end.
 */
const APP_ID = '1000000000000001';
const APP_SECRET = 'bench-dispatch-app-secret-0123456789';
const TOKEN = 'EAAG-bench-dispatch-token-0001';
const WABA_ID = '102290129340398';
const PORTFOLIO_ID = '7700000000001';
const PRICE = 500n;
const MONGODB_SERVER = process.env.BENCH_MONGODB_URL ?? 'mongodb://127.0.0.1:27017';
const CLOCK_TICKS = 100; // sysconf(_SC_CLK_TCK) on Linux
const VARIABLES = [
  { parameter: 'first_name', source: 'NAME', fallback: 'Pelanggan' },
  { parameter: 'discount', source: 'TEXT', value: '20%' },
  { parameter: 'end_date', source: 'ATTRIBUTE', value: 'sampai', fallback: '31 Desember' },
];

export interface DispatchScenario {
  label: string;
  recipients: number;
  channels: number;
  workers: number;
  /** The channels' throughput (messages per second each); the simulator enforces it when `enforce`. */
  throughput: number;
  enforce: boolean;
  latencyMs: number;
  jobStore: 'postgresql' | 'mongodb';
  /**
   * Benchmark (c) alone: from `startCampaign` to the simulator's first arrival and to the launch snapshot's end,
   * then the campaign is cancelled (no waiting for 100,000 sends).
   */
  firstSendOnly?: boolean;
}

export interface StartRun {
  scenario: DispatchScenario;
  startAnswerMs: number;
  startToFirstMs: number;
  /** From the request to the last chunk of the launch snapshot committed. */
  snapshotDoneMs: number;
  /** Campaign messages written, and the recipients the launch counted and held for. */
  rows: number;
  total: number;
  /** The campaign's hold right after the start (before any capture): total x price, or what does not add up. */
  heldAtStart: string;
  /** Whether `cancelCampaign` went through afterwards (it is refused with CONFLICT when it meets the claim's locks). */
  cancelled: boolean;
  /** CPU seconds (user + system) from the request to the snapshot's end: the API process, the worker, PostgreSQL. */
  apiCpuS: number;
  workerCpuS: number;
  postgresCpuS: number;
  loadAverage: number[];
}

export interface DispatchRun {
  scenario: DispatchScenario;
  sent: number;
  /** startCampaign (the first one) from the request to its answer, and to the simulator receiving the first send. */
  startAnswerMs: number;
  startToFirstMs: number;
  /** From the first send received to the last. */
  sendingS: number;
  ratePerS: number;
  /** The simulator's 1 s receive windows without the first and last, per channel: the highest and the mean. */
  windowMax: number;
  windowMean: number;
  windows: number;
  /** CPU seconds (user + system) while sending: the worker processes, and the PostgreSQL backends of the database. */
  workerCpuS: number;
  postgresCpuS: number;
  cpuSPer1000: number;
  workerRssMaxMb: number;
  /** The workers' RSS once started, before the campaign: what the loaded code costs, sending or not. */
  workerRssIdleMb: number;
  /** Requests the simulator refused with 130429 (over the number's throughput). */
  throttled: number;
  duplicates: number;
  /** Every message SENT once with its price charged; the wallet's balance equals its ledger. */
  consistent: boolean;
  leaseHolders: Record<string, number>;
  /** The campaigns' messages by status at the end. */
  statuses: Record<string, number>;
  loadAverage: number[];
}

const templates = (
  JSON.parse(readFileSync(join(REPO_ROOT, '..', 'shared', 'fixtures', 'meta', 'template-list-page.json'), 'utf8')) as {
    data: Record<string, unknown>[];
  }
).data;

const phoneNumberId = (index: number) => `10654035224${String(2900 + index)}`;

async function startSimulator(scenario: DispatchScenario): Promise<{ child: ChildProcess; url: string }> {
  const script = join(REPO_ROOT, 'api', 'dist', 'simulators', 'meta', 'standalone.js');
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH, META_SIMULATOR_PORT: '0', META_APP_SECRET: APP_SECRET, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the simulator exited with ${code}`)));
  });
  const { url } = JSON.parse(line) as { url: string };
  await control(url, 'accounts', {
    wabaId: WABA_ID,
    token: TOKEN,
    portfolioId: PORTFOLIO_ID,
    // Unlimited unless told (BZ_BENCH_DISPATCH_TIER, e.g. TIER_100K: every claim then counts against the portfolio).
    messagingLimitTier: process.env.BZ_BENCH_DISPATCH_TIER ?? 'TIER_UNLIMITED',
    numbers: Array.from({ length: scenario.channels }, (_, index) => ({
      id: phoneNumberId(index),
      displayPhoneNumber: `+62 811-0000-${String(9000 + index)}`,
      verifiedName: 'Bench',
      qualityRating: 'GREEN',
      throughputLevel: 'HIGH',
      isOnBizApp: false,
      ...(scenario.enforce ? { throughputPerSecond: scenario.throughput } : {}),
    })),
    templates,
  });
  await control(url, 'config', {
    latencyMs: scenario.latencyMs,
    enforceThroughput: scenario.enforce,
    // Every recipient is messaged once: the pair rate never binds, and checking it costs the simulator little.
    enforcePairRate: scenario.enforce,
  });
  return { child, url };
}

async function control(url: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${url}/__simulator/meta/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator ${path}: ${response.status} ${await response.text()}`);
}

/** utime + stime of a process, in seconds; null once it is gone. */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * CPU of a set of processes between `start()` and the last `sample()`: for each pid the last value seen minus its
 * value at the start (0 for a process that appeared later, e.g. a new pool connection's backend).
 */
class CpuMeter {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private started = false;

  constructor(private readonly pids: () => Promise<number[]>) {}

  async start(): Promise<void> {
    await this.sample();
    for (const [pid, value] of this.last) this.first.set(pid, value);
    this.started = true;
  }

  async sample(): Promise<void> {
    for (const pid of await this.pids()) {
      const value = cpuSeconds(pid);
      if (value === null) continue;
      if (this.started && !this.first.has(pid)) this.first.set(pid, 0);
      this.last.set(pid, value);
    }
  }

  total(): number {
    let sum = 0;
    for (const [pid, value] of this.last) sum += value - (this.first.get(pid) ?? value);
    return sum;
  }
}

interface Worker {
  child: ChildProcess;
  output: () => string;
  exited: Promise<void>;
}

function startWorker(env: Record<string, string>): Promise<Worker> {
  const child = spawn(
    process.execPath,
    [
      // As ops/systemd/bizone-worker.service starts it (no --max-semi-space-size), or with BZ_BENCH_WORKER_NODE_ARGS.
      ...(process.env.BZ_BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      ...(process.env.BZ_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BZ_BENCH_CPU_PROF}`] : []),
      join(REPO_ROOT, 'api', 'dist', 'worker.js'),
    ],
    { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('job worker started')) resolve({ child, output: () => output, exited });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`a worker exited with ${code}: ${output.slice(-2000)}`)));
  });
}

export async function runDispatchScenario(scenario: DispatchScenario): Promise<DispatchRun> {
  return (await runScenario({ ...scenario, firstSendOnly: false })) as DispatchRun;
}

/** Benchmark (c) alone (`firstSendOnly`). */
export async function runStartScenario(scenario: DispatchScenario): Promise<StartRun> {
  return (await runScenario({ ...scenario, firstSendOnly: true })) as StartRun;
}

async function runScenario(scenario: DispatchScenario): Promise<DispatchRun | StartRun> {
  const logger = createLogger((process.env.BZ_BENCH_LOG as 'info' | undefined) ?? 'warn');
  const database = await benchDatabase('bz_bench_dispatch', logger);
  const databaseName = new URL(database.url).pathname.slice(1);
  const mongoUrl = scenario.jobStore === 'mongodb' ? `${MONGODB_SERVER}/${databaseName}` : undefined;
  const simulator = await startSimulator(scenario);
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    SIMULATORS: 'false',
    META_GRAPH_BASE_URL: simulator.url,
    META_APP_ID: APP_ID,
    META_APP_SECRET: APP_SECRET,
    PRICE_PER_MESSAGE: PRICE.toString(),
    ...(mongoUrl ? { MONGODB_URL: mongoUrl } : {}),
  };
  const running = await startApi(
    parseConfig({ ...env, API_PORT: '0', LOG_LEVEL: process.env.BZ_BENCH_LOG ?? 'warn', JOBS_IN_PROCESS: 'false' }),
    logger,
    { runJobs: false },
  );
  const db = new Client({ connectionString: database.url });
  await db.connect();
  const workers: Worker[] = [];
  try {
    const em = running.orm.em.fork();
    const owner = await createMember(em, await createWorkspace(em, 'Bench dispatch'), 'owner');
    const workspaceId = owner.workspace.id;
    const { channels } = running.services.channels;
    const scoped = workspaceEm(running.orm.em.fork(), workspaceId);
    const channelIds: string[] = [];
    for (let index = 0; index < scenario.channels; index++) {
      const channel = await channels.connect(scoped, workspaceId, {
        name: `Bench ${index + 1}`,
        phoneNumberId: phoneNumberId(index),
        wabaId: WABA_ID,
        accessToken: TOKEN,
      });
      await channels.syncTemplates(scoped, workspaceId, channel.id);
      channelIds.push(channel.id);
    }
    await db.query('update channel set throughput = $1 where workspace_id = $2', [scenario.throughput, workspaceId]);
    const perChannel = Math.ceil(scenario.recipients / scenario.channels);
    for (let index = 0; index < scenario.channels; index++) {
      await db.query(
        `insert into contact (id, created_at, updated_at, workspace_id, phone, name, tags, attributes, source)
         select gen_random_uuid(), now(), now(), $1, '+628' || $2::text || lpad(g::text, 8, '0'), 'Budi ' || g,
                array[$3::text], '{}', 'MANUAL'
         from generate_series(0, $4::int - 1) g`,
        [workspaceId, String(index + 1), `bench-${index}`, perChannel],
      );
    }
    await running.services.wallet.wallet.credit(running.orm.em.fork(), workspaceId, {
      key: 'bench-dispatch-topup',
      reference: 'bench',
      actor: 'bench',
      amount: rupiah(BigInt(perChannel * scenario.channels) * PRICE),
    });
    const graphql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const response = await fetch(`${running.url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.sessionToken}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data!;
    };
    const [{ id: templateId }] = (
      await db.query<{ id: string }>(
        "select id from message_template where workspace_id = $1 and name = 'promo_akhir_tahun' limit 1",
        [workspaceId],
      )
    ).rows as [{ id: string }];
    const campaignIds: string[] = [];
    for (let index = 0; index < scenario.channels; index++) {
      const created = await graphql<{ createCampaign: { id: string } }>(
        'mutation ($input: CampaignDraftInput!) { createCampaign(input: $input) { id } }',
        {
          input: {
            name: `Bench ${index + 1}`,
            channelId: channelIds[index],
            templateId,
            variables: VARIABLES,
            audience: { kind: 'TAGS', tags: [`bench-${index}`] },
          },
        },
      );
      campaignIds.push(created.createCampaign.id);
    }
    await db.query('vacuum analyze');
    for (let index = 0; index < scenario.workers; index++) {
      workers.push(
        await startWorker({
          ...env,
          LOG_LEVEL: 'info',
          CAMPAIGN_TICK_MS: '1000',
          ...(process.env.BZ_BENCH_WORKER_ENV ? JSON.parse(process.env.BZ_BENCH_WORKER_ENV) : {}),
        }),
      );
    }
    const ownPid = (await db.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    const backends = async () =>
      (
        await db.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> $2', [
          databaseName,
          ownPid,
        ])
      ).rows.map((row) => row.pid);
    const workerCpu = new CpuMeter(async () => workers.map((worker) => worker.child.pid!));
    const postgresCpu = new CpuMeter(backends);
    let rssMax = 0;
    const rssIdle = Math.max(...workers.map((worker) => rssMb(worker.child.pid!)));
    const startedAt = Date.now();
    const START = 'mutation ($id: ID!) { startCampaign(id: $id) { id status } }';
    if (scenario.firstSendOnly) {
      await workerCpu.start();
      await postgresCpu.start();
    }
    const apiCpuBefore = process.cpuUsage();
    await graphql(START, { id: campaignIds[0] });
    const startAnswerMs = Date.now() - startedAt;
    if (scenario.firstSendOnly) {
      return await measureStart(scenario, {
        db,
        simulatorUrl: simulator.url,
        campaignId: campaignIds[0]!,
        startedAt,
        startAnswerMs,
        apiCpuBefore,
        workerCpu,
        postgresCpu,
        cancel: () => graphql('mutation ($id: ID!) { cancelCampaign(id: $id) { id } }', { id: campaignIds[0] }),
      });
    }
    for (const id of campaignIds.slice(1)) await graphql(START, { id });
    await workerCpu.start();
    await postgresCpu.start();
    for (;;) {
      await workerCpu.sample();
      await postgresCpu.sample();
      for (const worker of workers) rssMax = Math.max(rssMax, rssMb(worker.child.pid!));
      const { rows } = await db.query<{ open: number }>(
        "select count(*)::int as open from campaign where id = any($1::uuid[]) and status <> 'COMPLETED'",
        [campaignIds],
      );
      if (rows[0]!.open === 0) break;
      for (const worker of workers) {
        if (worker.child.exitCode !== null) throw new Error(`a worker died: ${worker.output().slice(-2000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await workerCpu.sample();
    await postgresCpu.sample();
    const ledger = (await (await fetch(`${simulator.url}/__simulator/meta/sends?times=true`)).json()) as {
      accepted: number;
      received: number;
      receivedAt: number[];
      outcomes: Record<string, number>;
      duplicates: Record<string, number>;
    };
    // Windows per channel: the throughput is each number's. The simulator's ledger has one list for all numbers,
    // so with several channels the windows are of the combined rate (reported, not compared with one number's).
    const windows = SendLedger.perSecond(ledger.receivedAt);
    const first = Math.min(...ledger.receivedAt);
    const last = Math.max(...ledger.receivedAt);
    const sendingS = (last - first) / 1000;
    const [state] = (
      await db.query<{ sent: number; wrong: number }>(
        `select count(*) filter (where status = 'SENT')::int as sent,
                count(*) filter (where status <> 'SENT' or charged <> $2 or wamid is null)::int as wrong
         from campaign_message where campaign_id = any($1::uuid[])`,
        [campaignIds, PRICE.toString()],
      )
    ).rows as [{ sent: number; wrong: number }];
    const wallet = running.services.wallet.wallet;
    const summary = await wallet.summary(running.orm.em.fork(), workspaceId);
    const sums = await wallet.ledgerSums(running.orm.em.fork(), workspaceId);
    const holders = (
      await db.query<{ holder: string; channels: number }>(
        "select split_part(holder, ':', 2) as holder, count(*)::int as channels from dispatch_lease group by 1",
      )
    ).rows;
    const statuses = (
      await db.query<{ status: string; count: number }>(
        'select status, count(*)::int as count from campaign_message where campaign_id = any($1::uuid[]) group by 1',
        [campaignIds],
      )
    ).rows;
    const workerCpuS = workerCpu.total();
    const postgresCpuS = postgresCpu.total();
    return {
      scenario,
      sent: state.sent,
      startAnswerMs,
      startToFirstMs: first - startedAt,
      sendingS: Math.round(sendingS * 100) / 100,
      ratePerS: Math.round(ledger.received / sendingS),
      windowMax: Math.max(...windows),
      windowMean: Math.round((windows.reduce((sum, count) => sum + count, 0) / Math.max(1, windows.length)) * 10) / 10,
      windows: windows.length,
      workerCpuS: Math.round(workerCpuS * 100) / 100,
      postgresCpuS: Math.round(postgresCpuS * 100) / 100,
      cpuSPer1000: Math.round(((workerCpuS + postgresCpuS) / (state.sent / 1000)) * 1000) / 1000,
      workerRssMaxMb: Math.round(rssMax),
      workerRssIdleMb: Math.round(rssIdle),
      throttled: ledger.outcomes['130429'] ?? 0,
      duplicates: Object.keys(ledger.duplicates).length,
      consistent:
        state.wrong === 0 &&
        state.sent === ledger.accepted &&
        sums.balance === summary.balance &&
        summary.held === 0n &&
        summary.balance === 0n,
      leaseHolders: Object.fromEntries(holders.map((row) => [row.holder, row.channels])),
      statuses: Object.fromEntries(statuses.map((row) => [row.status, row.count])),
      loadAverage: (await import('node:os')).loadavg().map((value) => Math.round(value * 10) / 10),
    };
  } finally {
    for (const worker of workers) worker.child.kill('SIGTERM');
    await Promise.all(workers.map((worker) => worker.exited));
    await db.end();
    for (const step of running.shutdownSteps()) await step.run();
    simulator.child.kill('SIGTERM');
    if (mongoUrl) {
      const mongo = new MongoClient(mongoUrl);
      await mongo
        .db()
        .dropDatabase()
        .catch(() => undefined);
      await mongo.close();
    }
    await database.drop();
  }
}

/**
 * (c): polls the simulator's ledger (every 10 ms) for the first arrival, then the launch snapshot for its end (a
 * `campaign_snapshot` row complete, or none: the launch wrote everything itself), reads the rows and the hold, and
 * cancels the campaign.
 */
async function measureStart(
  scenario: DispatchScenario,
  run: {
    db: Client;
    simulatorUrl: string;
    campaignId: string;
    startedAt: number;
    startAnswerMs: number;
    apiCpuBefore: NodeJS.CpuUsage;
    workerCpu: CpuMeter;
    postgresCpu: CpuMeter;
    cancel: () => Promise<unknown>;
  },
): Promise<StartRun> {
  const { db, campaignId } = run;
  const [{ total, hold_id: holdId }] = (
    await db.query<{ total: number; hold_id: string }>('select total, hold_id from campaign where id = $1', [
      campaignId,
    ])
  ).rows as [{ total: number; hold_id: string }];
  const [{ held }] = (
    await db.query<{ held: string }>(
      "select coalesce(sum(held_delta), 0)::text as held from ledger_entry where kind = 'HOLD' and reference = $1",
      [`campaign:${campaignId}`],
    )
  ).rows as [{ held: string }];
  let first: number | null = null;
  while (first === null) {
    const ledger = (await (await fetch(`${run.simulatorUrl}/__simulator/meta/sends?times=true`)).json()) as {
      receivedAt: number[];
    };
    if (ledger.receivedAt.length > 0) first = Math.min(...ledger.receivedAt);
    else await new Promise((resolve) => setTimeout(resolve, 10));
  }
  let snapshotDoneMs: number | null = null;
  // Before the chunked launch there was no such table: the snapshot was done when startCampaign answered.
  const { rows: chunked } = await db.query<{ table: string | null }>(
    "select to_regclass('campaign_snapshot')::text as table",
  );
  if (!chunked[0]!.table) snapshotDoneMs = run.startAnswerMs;
  while (snapshotDoneMs === null) {
    const { rows } = await db.query<{ complete: boolean | null }>(
      'select (select complete from campaign_snapshot where campaign_id = $1) as complete',
      [campaignId],
    );
    if (rows[0]!.complete !== false) snapshotDoneMs = Date.now() - run.startedAt;
    else await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const apiCpu = process.cpuUsage(run.apiCpuBefore);
  await run.workerCpu.sample();
  await run.postgresCpu.sample();
  const [{ rows }] = (
    await db.query<{ rows: number }>('select count(*)::int as rows from campaign_message where campaign_id = $1', [
      campaignId,
    ])
  ).rows as [{ rows: number }];
  // The cancel can meet the dispatcher's locks (CONFLICT): asked again a few times; the bench's database is dropped
  // at the end either way.
  let cancelled = false;
  for (let attempt = 1; attempt <= 5 && !cancelled; attempt++) {
    cancelled = await run.cancel().then(
      () => true,
      () => false,
    );
  }
  return {
    cancelled,
    scenario,
    startAnswerMs: run.startAnswerMs,
    startToFirstMs: first - run.startedAt,
    snapshotDoneMs,
    rows,
    total,
    heldAtStart: holdId ? held : 'no hold',
    apiCpuS: Math.round(((apiCpu.user + apiCpu.system) / 1e6) * 100) / 100,
    workerCpuS: Math.round(run.workerCpu.total() * 100) / 100,
    postgresCpuS: Math.round(run.postgresCpu.total() * 100) / 100,
    loadAverage: (await import('node:os')).loadavg().map((value) => Math.round(value * 10) / 10),
  };
}

export function describeDispatchStart(runs: StartRun[]): string[] {
  return runs.flatMap((run) => [
    `dispatch start (c), ${run.scenario.label}: startCampaign of ${run.total} recipients answered in ${run.startAnswerMs} ms; ` +
      `first send received ${run.startToFirstMs} ms after the request; snapshot complete after ${run.snapshotDoneMs} ms`,
    `  ${run.rows} campaign messages for ${run.total} counted; held at start ${run.heldAtStart} (${run.total} x ${PRICE}); ` +
      `CPU from the request to the snapshot's end: API ${run.apiCpuS} s, worker ${run.workerCpuS} s, PostgreSQL ${run.postgresCpuS} s; ` +
      `cancelled after: ${run.cancelled}; load average ${run.loadAverage.join(' ')}`,
  ]);
}

const RECIPIENTS = Number(process.env.BZ_BENCH_DISPATCH_RECIPIENTS ?? 100_000);

/** (a) (c) (d): 100,000 recipients at 100 ms latency, one channel at 1,000/s, one worker on PostgreSQL jobs. */
export const paced = (): DispatchScenario => ({
  label: 'paced: 1,000/s, 100 ms latency',
  recipients: RECIPIENTS,
  channels: 1,
  workers: 1,
  throughput: 1000,
  enforce: true,
  latencyMs: 100,
  jobStore: 'postgresql',
});

/** (c) alone: the paced scenario until the first send and the snapshot's end. */
export const start = (): DispatchScenario => ({
  ...paced(),
  label: 'paced: 1,000/s, 100 ms latency, until the first send',
  firstSendOnly: true,
});

/** (b) (d): no rate limit, 0 ms latency. */
export const unlimited = (): DispatchScenario => ({
  label: 'unlimited: no rate limit, 0 ms latency',
  recipients: RECIPIENTS,
  channels: 1,
  workers: 1,
  throughput: 1_000_000,
  enforce: false,
  latencyMs: 0,
  jobStore: 'postgresql',
});

/** Issue 21: four channels on MongoDB jobs, no rate limit, 0 ms latency, with 1 and with 2 workers. */
export const scaleOut = (workers: number): DispatchScenario => ({
  label: `MongoDB jobs, 4 channels, ${workers} worker(s), no rate limit, 0 ms latency`,
  recipients: RECIPIENTS,
  channels: 4,
  workers,
  throughput: 1_000_000,
  enforce: false,
  latencyMs: 0,
  jobStore: 'mongodb',
});

export function describeDispatch(runs: DispatchRun[]): string[] {
  return runs.flatMap((run) => [
    `dispatch, ${run.scenario.label}: ${run.sent} of ${run.scenario.recipients} sent in ${run.sendingS} s = ${run.ratePerS}/s ` +
      `(${run.scenario.channels} channel(s), ${run.scenario.workers} worker(s), jobs on ${run.scenario.jobStore})`,
    `  1 s receive windows (without the first and last, ${run.windows}): max ${run.windowMax}, mean ${run.windowMean}; ` +
      `130429 answers ${run.throttled}; duplicates ${run.duplicates}; state and money consistent: ${run.consistent} ` +
      `${JSON.stringify(run.statuses)}`,
    `  CPU while sending: workers ${run.workerCpuS} s + PostgreSQL ${run.postgresCpuS} s = ${run.cpuSPer1000} s per 1,000 messages; ` +
      `worker RSS max ${run.workerRssMaxMb} MB (${run.workerRssIdleMb} MB started, before the campaign)`,
    `  startCampaign answered in ${run.startAnswerMs} ms; first send received ${run.startToFirstMs} ms after the request; ` +
      `lease holders (pid: channels) ${JSON.stringify(run.leaseHolders)}; load average ${run.loadAverage.join(' ')}`,
  ]);
}
