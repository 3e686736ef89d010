import { phoneFragmentDigits } from '../src/modules/contacts';
import { SEARCH_CONTACTS_BY_NAME, SEARCH_CONTACTS_BY_PHONE } from '../src/modules/contacts/contacts.search';
import { likePatterns } from '../src/modules/search';
import { measureLatency, withLatencyBench } from './graphql-latency';

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

export async function benchSearch(rows = Number(process.env.BZ_BENCH_SEARCH_ROWS ?? 1_000_000)): Promise<SearchBench> {
  return withLatencyBench('search', async ({ db, owner, seed, ask }) => {
    const loadMs = await seed(
      [
        [
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
        ],
      ],
      ['contact'],
    );
    const search = async (q: string) => (await ask<{ search: unknown[] }>(SEARCH, { q })).search.length;
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
      let hits = 0;
      const latency = await measureLatency(
        async (i) => {
          hits = await search(queryOf(i));
        },
        { warmups: 20, samples: 200 },
      );
      queries[label] = { ...latency, hits };
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
  });
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
