import { Client } from 'pg';
import { parseConfig } from '../src/config';
import { startApi } from '../src/compose';
import { createLogger } from '../src/core/logger';
import { createMember, createWorkspace } from '../test/support/identity';
import { benchDatabase } from './support';

/**
 * The overview's campaigns query (the dashboard's OverviewCampaigns: live and finished campaigns with their counts
 * and cost) over GraphQL on a workspace holding `messages` campaign messages (default 1,000,000), written straight
 * into the tables: one RUNNING campaign with half of them (its counts move while it sends), four COMPLETED ones
 * sharing the rest, statuses spread as a sent campaign's are. 100 requests after 10 warm-ups, one at a time, as
 * the Owner.
 */
const OVERVIEW = `query ($first: Int!) {
  live: campaigns(filter: { statuses: [RUNNING, PAUSED, SCHEDULED] }, first: $first) {
    items { id name status cost counts { total queued sending sent delivered read failed skipped unknown } }
  }
  finished: campaigns(filter: { statuses: [COMPLETED, FAILED, CANCELLED] }, first: $first) {
    items { id name status cost counts { total queued sending sent delivered read failed skipped unknown } }
  }
}`;

export interface OverviewBench {
  messages: number;
  loadMs: number;
  p50Ms: number;
  p95Ms: number;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! * 100) / 100;
}

export async function benchOverview(
  messages = Number(process.env.BZ_BENCH_OVERVIEW_MESSAGES ?? 1_000_000),
): Promise<OverviewBench> {
  const logger = createLogger('warn');
  const database = await benchDatabase('bz_bench_overview', logger);
  const config = parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    API_PORT: '0',
    LOG_LEVEL: 'warn',
    SIMULATORS: 'false',
  });
  const running = await startApi(config, logger, { runJobs: false });
  const db = new Client({ connectionString: database.url });
  await db.connect();
  try {
    const em = running.orm.em.fork();
    const owner = await createMember(em, await createWorkspace(em, 'Bench'), 'owner');
    const workspaceId = owner.workspace.id;
    const started = performance.now();
    const campaigns: string[] = [];
    for (const [index, status] of ['RUNNING', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED'].entries()) {
      const { rows } = await db.query<{ id: string }>(
        `insert into campaign (id, created_at, updated_at, workspace_id, name, status, price, started_at, completed_at)
         values (gen_random_uuid(), now(), now(), $1, $2, $3::text, 500, now(), case when $3::text = 'COMPLETED' then now() end)
         returning id`,
        [workspaceId, `Promo ${index + 1}`, status],
      );
      campaigns.push(rows[0]!.id);
    }
    // Half in the running campaign (a third still queued), the rest in the finished ones; Rp500 per sent message.
    await db.query(
      `insert into campaign_message (id, created_at, updated_at, workspace_id, campaign_id, phone, status, charged)
       select gen_random_uuid(), now(), now(), $1,
         case when n % 2 = 0 then ($2::uuid[])[1] else ($2::uuid[])[2 + (n / 2) % 4] end,
         '+62812' || lpad(n::text, 8, '0'),
         s.status, case when s.status in ('SENT', 'DELIVERED', 'READ') then 500 else 0 end
       from generate_series(0::bigint, $3::bigint - 1) n,
         lateral (select case when n % 2 = 0 and n % 3 = 0 then 'QUEUED'
           else (array['SENT', 'DELIVERED', 'DELIVERED', 'READ', 'READ', 'READ', 'FAILED'])[1 + n % 7] end as status) s`,
      [workspaceId, campaigns, messages],
    );
    await db.query('analyze campaign_message');
    const loadMs = performance.now() - started;
    const headers = { authorization: `Bearer ${owner.sessionToken}`, 'content-type': 'application/json' };
    const ask = async () => {
      const response = await fetch(`${running.url}/api/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: OVERVIEW, variables: { first: 5 } }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    };
    for (let warm = 0; warm < 10; warm++) await ask();
    const samples: number[] = [];
    for (let i = 0; i < 100; i++) {
      const start = performance.now();
      await ask();
      samples.push(performance.now() - start);
    }
    return { messages, loadMs, p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95) };
  } finally {
    await db.end();
    for (const step of running.shutdownSteps()) await step.run();
    await database.drop();
  }
}

export function describeOverview({ messages, loadMs, p50Ms, p95Ms }: OverviewBench): string[] {
  return [
    `overview campaigns query over ${messages.toLocaleString('en')} campaign messages (loaded in ${(loadMs / 1000).toFixed(1)} s):`,
    `  p50 ${p50Ms} ms, p95 ${p95Ms} ms (target p95 < 50 ms)`,
  ];
}
