import { Client } from 'pg';
import { parseConfig } from '../src/config';
import { benchDatabase } from './support';
import { startApi } from '../src/compose';
import { createLogger } from '../src/core/logger';
import { phoneFragmentDigits } from '../src/modules/contacts';
import { SEARCH_CONTACTS_BY_NAME, SEARCH_CONTACTS_BY_PHONE } from '../src/modules/contacts/contacts.search';
import { likePatterns } from '../src/modules/search';
import { createMember, createWorkspace } from '../test/support/identity';

/**
 * The global search over GraphQL on a workspace of `rows` contacts (default 1,000,000), written straight into the
 * table (the import's own speed is the contacts bench's business): names of three words with `Wiratmaja` in every
 * 1,000th, phones `+62812` and a permuted 8 digits, as the contacts bench makes them. 200 requests of each kind
 * after 20 warm-ups, one at a time, as the Owner (every source searched), `first: 10`.
 * `BZ_BENCH_SEARCH_EXPLAIN=1` also prints the contact statements' EXPLAIN ANALYZE for each kind (the plans behind
 * the figures: docs/BENCHMARKS.md).
 */
const SEARCH = 'query ($q: String!) { search(query: $q, first: 10) { kind id title detail link rank } }';

export interface SearchBench {
  rows: number;
  loadMs: number;
  queries: Record<string, { p50Ms: number; p95Ms: number; hits: number }>;
  plans?: Record<string, string>;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! * 100) / 100;
}

export async function benchSearch(rows = Number(process.env.BZ_BENCH_SEARCH_ROWS ?? 1_000_000)): Promise<SearchBench> {
  const logger = createLogger('warn');
  const database = await benchDatabase('bz_bench_search', logger);
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
    const started = performance.now();
    await db.query(
      `insert into contact (id, created_at, updated_at, workspace_id, phone, name, source)
       select gen_random_uuid(), now(), now(), $1,
         '+62812' || lpad(((n * 7919 + 12345678) % 100000000)::text, 8, '0'),
         (array['Budi','Siti','Agus','Dewi','Rina','Andi','Putri','Joko','Sri','Eko','Ayu','Bayu'])[1 + (n * 7) % 12]
           || ' ' || case when n % 1000 = 7 then 'Wiratmaja'
             else (array['Santoso','Lestari','Hidayat','Saputra','Wijaya','Kurniawan','Pratama','Nugroho','Susanto'])[1 + n % 9] end
           || ' ' || n,
         'API'
       from generate_series(0::bigint, $2::bigint - 1) as n`,
      [owner.workspace.id, rows],
    );
    await db.query('analyze contact');
    const loadMs = performance.now() - started;
    const headers = { authorization: `Bearer ${owner.sessionToken}`, 'content-type': 'application/json' };
    const search = async (q: string) => {
      const response = await fetch(`${running.url}/api/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: SEARCH, variables: { q } }),
      });
      const body = (await response.json()) as { data?: { search: unknown[] }; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data!.search.length;
    };
    const kinds: Record<string, (i: number) => string> = {
      'rare name fragment `wiratm` (0.1 % of rows)': () => 'wiratm',
      'common first name `budi` (8 % of rows)': () => 'budi',
      '6-digit phone fragment (200 different)': (i) =>
        String((i * 7919 + 12345678) % 100000000)
          .padStart(8, '0')
          .slice(1, 7),
    };
    const queries: SearchBench['queries'] = {};
    for (const [label, queryOf] of Object.entries(kinds)) {
      for (let warm = 0; warm < 20; warm++) await search(queryOf(warm));
      const samples: number[] = [];
      let hits = 0;
      for (let i = 0; i < 200; i++) {
        const start = performance.now();
        hits = await search(queryOf(i));
        samples.push(performance.now() - start);
      }
      queries[label] = { p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95), hits };
    }
    if (process.env.BZ_BENCH_SEARCH_EXPLAIN !== '1') return { rows, loadMs, queries };
    const plans: Record<string, string> = {};
    for (const [label, text, statement] of [
      ['wiratm', 'wiratm', SEARCH_CONTACTS_BY_NAME],
      ['budi', 'budi', SEARCH_CONTACTS_BY_NAME],
      ['phone 345678', phoneFragmentDigits('345678'), SEARCH_CONTACTS_BY_PHONE],
    ] as const) {
      const match = likePatterns(text);
      const plan = await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${statement.text}`, [
        owner.workspace.id,
        match.contains,
        match.prefix,
        match.lowered,
        10,
      ]);
      plans[label] = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
    }
    return { rows, loadMs, queries, plans };
  } finally {
    await db.end();
    for (const step of running.shutdownSteps()) await step.run();
    await database.drop();
  }
}

export function describeSearch({ rows, loadMs, queries, plans }: SearchBench): string[] {
  return [
    `global search over ${rows.toLocaleString('en')} contacts (loaded in ${(loadMs / 1000).toFixed(1)} s):`,
    ...Object.entries(queries).map(
      ([label, q]) => `  ${label}: p50 ${q.p50Ms} ms, p95 ${q.p95Ms} ms (${q.hits} hits; target p95 < 50 ms)`,
    ),
    ...Object.entries(plans ?? {}).flatMap(([label, plan]) => [`  plan of ${label}:`, plan]),
  ];
}
