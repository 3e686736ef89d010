import { measureLatency, withLatencyBench, type Latency } from './graphql-latency';

/**
 * The overview's campaigns query (the dashboard's OverviewCampaigns: live and finished campaigns with their counts
 * and cost) and its message statistics (today, 7 and 30 days, 30 daily points) over GraphQL on a workspace holding
 * `messages` campaign messages (default 1,000,000), written straight into the tables: one RUNNING campaign with half
 * of them (its counts move while it sends), four COMPLETED ones sharing the rest, statuses spread as a sent
 * campaign's are, sent over the last 30 days. 100 requests of each after 10 warm-ups, one at a time, as the Owner.
 */
const OVERVIEW = `query ($first: Int!) {
  live: campaigns(filter: { statuses: [RUNNING, PAUSED, SCHEDULED] }, first: $first) {
    items { id name status cost counts { total queued sending sent delivered read failed skipped unknown } }
  }
  finished: campaigns(filter: { statuses: [COMPLETED, FAILED, CANCELLED] }, first: $first) {
    items { id name status cost counts { total queued sending sent delivered read failed skipped unknown } }
  }
}`;

const STATISTICS = `query {
  messageStatistics {
    today { sent delivered read failed deliveryRate readRate spend }
    last7Days { sent delivered read failed deliveryRate readRate spend }
    last30Days { sent delivered read failed deliveryRate readRate spend }
    daily(days: 30) { day sent delivered read failed spend }
  }
}`;

export interface OverviewBench {
  messages: number;
  loadMs: number;
  campaigns: Latency;
  statistics: Latency;
}

export async function benchOverview(
  messages = Number(process.env.BZ_BENCH_OVERVIEW_MESSAGES ?? 1_000_000),
): Promise<OverviewBench> {
  return withLatencyBench('overview', async ({ db, owner, seed, ask }) => {
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
    // Half in the running campaign (a third still queued), the rest in the finished ones; Rp500 per sent message,
    // sent over the last 30 days (delivered a minute and read an hour later).
    await seed(
      [
        [
          `insert into campaign_message (id, created_at, updated_at, workspace_id, campaign_id, phone, status, charged,
                                         sent_at, delivered_at, read_at, failed_at)
           select gen_random_uuid(), now(), now(), $1,
             case when n % 2 = 0 then ($2::uuid[])[1] else ($2::uuid[])[2 + (n / 2) % 4] end,
             '+62812' || lpad(n::text, 8, '0'),
             s.status, case when s.status in ('SENT', 'DELIVERED', 'READ') then 500 else 0 end,
             case when s.status <> 'QUEUED' then s.at end,
             case when s.status in ('DELIVERED', 'READ') then s.at + interval '1 minute' end,
             case when s.status = 'READ' then s.at + interval '1 hour' end,
             case when s.status = 'FAILED' then s.at end
           from generate_series(0::bigint, $3::bigint - 1) n,
             lateral (select case when n % 2 = 0 and n % 3 = 0 then 'QUEUED'
               else (array['SENT', 'DELIVERED', 'DELIVERED', 'READ', 'READ', 'READ', 'FAILED'])[1 + n % 7] end as status,
               now() - (n % 43200) * interval '1 minute' as at) s`,
          [workspaceId, campaigns, messages],
        ],
      ],
      ['campaign_message', 'campaign_tally', 'message_hourly'],
    );
    const loadMs = performance.now() - started;
    const campaignsLatency = await measureLatency(() => ask(OVERVIEW, { first: 5 }), { warmups: 10, samples: 100 });
    const statistics = await measureLatency(() => ask(STATISTICS), { warmups: 10, samples: 100 });
    return { messages, loadMs, campaigns: campaignsLatency, statistics };
  });
}

export function describeOverview({ messages, loadMs, campaigns, statistics }: OverviewBench): string[] {
  return [
    `overview over ${messages.toLocaleString('en')} campaign messages (loaded in ${(loadMs / 1000).toFixed(1)} s):`,
    `  campaigns query (counts and cost): p50 ${campaigns.p50Ms} ms, p95 ${campaigns.p95Ms} ms (target p95 < 50 ms)`,
    `  messageStatistics (today, 7 and 30 days, 30 daily points): p50 ${statistics.p50Ms} ms, p95 ${statistics.p95Ms} ms`,
  ];
}
