import { JOB_STORES, mongoUrlFor } from '../support/job-stores';
import { runEntry, type Spawned } from '../support/processes';
import { waitFor } from '../support/wait';
import { CREATE, PRICE, PROMO_VARIABLES, START, startCampaignWorld, type CampaignWorld } from './support';

const RECIPIENTS = 400;

/**
 * Deploys are not crashes (issue 19 point 5): a real worker process sends a campaign against the simulator
 * (80 msg/s, 30 ms latency), gets SIGTERM mid-campaign, stops claiming, finishes and records what is in
 * flight, releases its lease and exits 0. Nothing is left SENDING or UNKNOWN; the next worker finishes the
 * campaign and every recipient was accepted exactly once, charged exactly once.
 */
describe.each(JOB_STORES)('SIGTERM drain of the dispatcher, jobs on %s', (kind) => {
  let world: CampaignWorld;
  const workers: Spawned[] = [];

  beforeAll(async () => {
    world = await startCampaignWorld({ realClock: true, jobStore: kind });
    world.meta.simulator.sends.configure({ latencyMs: 30 });
  });
  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await world.stop();
  });

  function startWorker(): Spawned {
    const worker = runEntry('worker.ts', {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      SIMULATORS: 'false',
      DATABASE_URL: world.api.database.url,
      ...(kind === 'mongodb' ? { MONGODB_URL: mongoUrlFor(world.api.database) } : {}),
      JOBS_POLL_MS: '100',
      JOBS_LOCK_LIFETIME_MS: '4000',
      META_GRAPH_BASE_URL: world.meta.url,
      META_APP_ID: '1000000000000001',
      PRICE_PER_MESSAGE: PRICE.toString(),
      CAMPAIGN_TICK_MS: '300',
      CAMPAIGN_LEASE_TTL_MS: '3000',
      CAMPAIGN_SEND_TIMEOUT_MS: '5000',
    });
    workers.push(worker);
    return worker;
  }

  const counts = async (id: string) =>
    Object.fromEntries(
      (
        await world.sql<{ status: string; count: number }>(
          'select status, count(*)::int as count from campaign_message where campaign_id = ? group by status',
          [id],
        )
      ).map((row) => [row.status, row.count]),
    ) as Record<string, number | undefined>;
  /** Accepted by Meta as the database knows it: sent, or further along by its status webhooks. */
  const accepted = (byStatus: Record<string, number | undefined>) =>
    (byStatus.SENT ?? 0) + (byStatus.DELIVERED ?? 0) + (byStatus.READ ?? 0);

  it('stops mid-campaign with zero UNKNOWN messages, and the next worker completes it exactly once', async () => {
    const tag = `drain-${kind}`;
    const prefix = kind === 'mongodb' ? '62818' : '62819';
    await world.addContacts(
      Array.from({ length: RECIPIENTS }, (_, index) => ({
        phone: `+${prefix}${String(index).padStart(7, '0')}`,
        tags: [tag],
      })),
    );
    await world.fund(BigInt(RECIPIENTS) * PRICE);
    const created = await world.gql<{ createCampaign: { id: string } }>(CREATE, {
      input: {
        name: tag,
        channelId: world.channelId,
        templateId: await world.templateId('promo_akhir_tahun'),
        variables: PROMO_VARIABLES,
        audience: { kind: 'TAGS', tags: [tag] },
      },
    });
    const id = created.data!.createCampaign.id;
    expect((await world.gql(START, { id })).errors).toBeUndefined();

    const first = startWorker();
    await waitFor(async () => accepted(await counts(id)) >= 60, { timeoutMs: 30_000, what: 'sending under way' });
    first.child.kill('SIGTERM');
    const exit = await first.exited;
    expect(exit).toEqual({ code: 0, signal: null });

    const stopped = await counts(id);
    expect(stopped.UNKNOWN ?? 0).toBe(0);
    expect(stopped.SENDING ?? 0).toBe(0);
    expect(stopped.QUEUED ?? 0).toBeGreaterThan(0);
    const [lease] = await world.sql<{ free: boolean }>(
      `select expires_at < now() as free from dispatch_lease where channel_id = ?`,
      [world.channelId],
    );
    expect(lease!.free).toBe(true);
    // What the simulator accepted is exactly what the database recorded as sent.
    const acceptedSoFar = [...world.meta.simulator.sends.ledger.acceptedByRecipient.keys()].filter((recipient) =>
      recipient.startsWith(prefix),
    );
    expect(acceptedSoFar.length).toBe(accepted(stopped));

    const second = startWorker();
    await waitFor(
      async () =>
        (await world.sql<{ status: string }>('select status from campaign where id = ?', [id]))[0]!.status ===
        'COMPLETED',
      { timeoutMs: 60_000, what: 'the campaign completed by the next worker' },
    );
    second.child.kill('SIGTERM');
    await second.exited;
    const done = await counts(id);
    expect(accepted(done)).toBe(RECIPIENTS);
    expect(done.QUEUED ?? 0).toBe(0);
    expect(done.UNKNOWN ?? 0).toBe(0);
    const byMeta = [...world.meta.simulator.sends.ledger.acceptedByRecipient].filter(([recipient]) =>
      recipient.startsWith(prefix),
    );
    expect(byMeta).toHaveLength(RECIPIENTS);
    expect(byMeta.every(([, times]) => times === 1)).toBe(true);
    const wallet = world.api.running.services.wallet.wallet;
    const summary = await wallet.summary(world.em(), world.workspaceId);
    const sums = await wallet.ledgerSums(world.em(), world.workspaceId);
    expect(sums.balance).toBe(summary.balance);
    const [charged] = await world.sql<{ total: string }>(
      'select sum(charged)::text as total from campaign_message where campaign_id = ?',
      [id],
    );
    expect(BigInt(charged!.total)).toBe(BigInt(RECIPIENTS) * PRICE);
  }, 120_000);
});
