import { writeFileSync } from 'node:fs';
import { mongoUrlFor, type JobStoreKind } from '../support/job-stores';
import { runEntry, type Spawned } from '../support/processes';
import { PRICE, START, startCampaignWorld, type CampaignWorld, type CampaignWorldOptions } from './support';

/**
 * Real worker processes dispatching campaigns against the in-process simulator (crash, zombie and takeover
 * tests): a world on the real clock, workers started with a short lease TTL and UNKNOWN deadline, and the
 * checks that compare the simulator's ledger with the database's rows and the wallet's ledger.
 */
export interface WorkerHarness {
  world: CampaignWorld;
  startWorker(extra?: Record<string, string>): Spawned;
  /**
   * A campaign over `count` new contacts (their phones start with the returned prefix), funded and started, on the
   * world's channel or another one of its WABA.
   */
  launch(count: number, channelId?: string): Promise<{ id: string; prefix: string }>;
  progress(id: string): Promise<{ settled: number; unknown: number; status: string }>;
  /** The channel's lease row as the database has it now: the holder's pid and the fencing token. */
  lease(channelId?: string): Promise<{ pid: number; fence: string } | undefined>;
  checkExactlyOnce(id: string, prefix: string): Promise<void>;
  /** What a failure message needs: the campaign's messages by state, its hold, its ledger entries by kind. */
  diagnose(id: string): Promise<string>;
  /** Kills every worker this harness started that is still running (SIGCONT first, for a frozen one). */
  stopWorkers(): Promise<void>;
  stop(): Promise<void>;
}

export const LEASE_TTL_MS = 1500;

export async function startWorkerHarness(
  kind: JobStoreKind,
  series: number,
  worldOptions: CampaignWorldOptions = {},
): Promise<WorkerHarness> {
  const world = await startCampaignWorld({ ...worldOptions, realClock: true, jobStore: kind });
  const workers: Spawned[] = [];
  let serial = 0;

  function startWorker(extra: Record<string, string> = {}): Spawned {
    const worker = runEntry('worker.ts', {
      // (the output is kept: `worker.output()` explains a failure)
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.CRASH_LOG ?? 'error',
      SIMULATORS: 'false',
      DATABASE_URL: world.api.database.url,
      ...(kind === 'mongodb' ? { MONGODB_URL: mongoUrlFor(world.api.database) } : {}),
      JOBS_POLL_MS: '100',
      JOBS_LOCK_LIFETIME_MS: '3000',
      META_GRAPH_BASE_URL: world.meta.url,
      META_APP_ID: '1000000000000001',
      PRICE_PER_MESSAGE: PRICE.toString(),
      CAMPAIGN_TICK_MS: '250',
      CAMPAIGN_LEASE_TTL_MS: String(LEASE_TTL_MS),
      // Long enough for the status webhooks of messages a kill left UNKNOWN to arrive on this loaded machine.
      CAMPAIGN_UNKNOWN_DEADLINE_MS: '30000',
      CAMPAIGN_SEND_TIMEOUT_MS: '2000',
      ...extra,
    });
    workers.push(worker);
    return worker;
  }

  async function launch(count: number, channelId?: string) {
    serial += 1;
    const tag = `workers-${kind}-${series}-${serial}`;
    // Distinct numbers per backend, suite and campaign: the simulator's ledger is shared by the whole file.
    const prefix = `628${kind === 'mongodb' ? 2 : 3}${series}${serial}`;
    await world.seedTagged(tag, count, prefix);
    // The world's top-up is keyed by its clock, which stands still beside real workers: a tick apart, each is new.
    world.clock.advance(1);
    await world.fund(BigInt(count) * PRICE);
    const id = await world.draftForTag(tag);
    if (channelId) await world.sql('update campaign set channel_id = ? where id = ?', [channelId, id]);
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    return { id, prefix };
  }

  const progress = async (id: string) =>
    (
      await world.sql<{ settled: number; unknown: number; status: string }>(
        `select count(*) filter (where m.status not in ('QUEUED', 'SENDING'))::int as settled,
                count(*) filter (where m.status = 'UNKNOWN' and m.unknown_deadline is not null)::int as unknown,
                (select status from campaign where id = ?) as status
         from campaign_message m where m.campaign_id = ?`,
        [id, id],
      )
    )[0]!;

  async function lease(channelId = world.channelId) {
    const [row] = await world.sql<{ holder: string; fence: string }>(
      'select holder, fence::text as fence from dispatch_lease where channel_id = ? and fence > 0',
      [channelId],
    );
    // holder = hostname:pid:loop id
    return row ? { pid: Number(row.holder.split(':')[1]), fence: row.fence } : undefined;
  }

  /** The simulator's view against the database's and the ledger's. */
  async function checkExactlyOnce(id: string, prefix: string) {
    expect(world.meta.simulator.sends.webhooks.dropped).toBe(0);
    const ledger = world.meta.simulator.sends.ledger;
    const mine = [...ledger.acceptedByRecipient].filter(([recipient]) => recipient.startsWith(prefix));
    expect(mine.filter(([, times]) => times > 1)).toEqual([]);
    const rows = await world.sql<{ id: string; status: string; charged: string }>(
      'select id, status, charged::text as charged from campaign_message where campaign_id = ?',
      [id],
    );
    const acceptedIds = new Set([...ledger.acceptedByCallback.keys()]);
    const wrong = rows.filter((row) =>
      acceptedIds.has(row.id) ? row.charged !== PRICE.toString() : row.charged !== '0',
    );
    if (wrong.length > 0) {
      const sample = await world.sql(
        `select m.status, m.attempt, m.fence, m.wamid is not null as has_wamid, m.sent_at, m.updated_at, s.status as ms_status, s.updated_at as ms_updated
         from campaign_message m left join message_status s on s.callback_data = m.id::text where m.id = any(?::uuid[]) limit 5`,
        [
          `{${wrong
            .slice(0, 5)
            .map((row) => row.id)
            .join(',')}}`,
        ],
      );
      throw new Error(`${wrong.length} wrong: ${JSON.stringify(sample)}`);
    }
    expect(rows.filter((row) => acceptedIds.has(row.id)).length).toBe(mine.length);
    const wallet = world.api.running.services.wallet.wallet;
    const summary = await wallet.summary(world.em(), world.workspaceId);
    const sums = await wallet.ledgerSums(world.em(), world.workspaceId);
    expect(sums.balance).toBe(summary.balance);
    expect(sums.held).toBe(summary.held);
    expect(summary.held).toBe(0n);
  }

  async function diagnose(id: string) {
    const messages = await world.sql(
      `select status, unknown_deadline is not null as awaited, charged::text as charged, count(*)::int
       from campaign_message where campaign_id = ? group by 1, 2, 3 order by 1`,
      [id],
    );
    const hold = await world.sql(
      `select h.amount::text, h.remaining::text, h.captured::text, h.status from wallet_hold h
       join campaign c on c.hold_id = h.id where c.id = ?`,
      [id],
    );
    const entries = await world.sql(
      `select kind, count(*)::int, sum(amount)::text as amount, sum(held_delta)::text as held from ledger_entry
       where workspace_id = ? group by 1 order by 1`,
      [world.workspaceId],
    );
    return JSON.stringify({ messages, hold, entries });
  }

  /** Every worker still running (frozen ones too) killed, so a failed test leaves none to the next. */
  async function stopWorkers() {
    for (const worker of workers) {
      if (worker.child.exitCode !== null || worker.child.signalCode !== null) continue;
      worker.child.kill('SIGCONT');
      worker.child.kill('SIGKILL');
    }
    await Promise.all(workers.map((worker) => worker.exited));
  }

  async function stop() {
    await stopWorkers();
    if (process.env.CRASH_LOG_FILE) {
      writeFileSync(`${process.env.CRASH_LOG_FILE}.${kind}.${series}`, workers.map((w) => w.output()).join('\n----\n'));
    }
    await world.stop();
  }

  return { world, startWorker, launch, progress, lease, checkExactlyOnce, diagnose, stopWorkers, stop };
}
