import { benchApi } from './support';

/**
 * The address book at scale, over the API as a client sees it: a CSV import of 100,000 rows
 * (1,000,000 with BZ_BENCH_CONTACTS_MILLION=1), then p95 latency over GraphQL of the three
 * searches of issue 16 on the imported book, and the table's size on disk. Runs on the
 * PostgreSQL of BENCH_DATABASE_URL (default: the test services' server) in a database of
 * its own, with the API and its job worker in this process.
 */
const RARE_NAME = 'Wiratmaja';
const TAG = 'pelanggan-vip';
const FIRST = ['Budi', 'Siti', 'Agus', 'Dewi', 'Rina', 'Andi', 'Putri', 'Joko', 'Sri', 'Eko', 'Ayu', 'Bayu'];
const LAST = ['Santoso', 'Lestari', 'Hidayat', 'Saputra', 'Wijaya', 'Kurniawan', 'Pratama', 'Nugroho', 'Susanto'];

function phoneOf(n: number): string {
  // A permutation of 0..10^8-1, so numbers are spread like real ones, not sequential.
  const suffix = (n * 7_919 + 12_345_678) % 100_000_000;
  return `+62812${String(suffix).padStart(8, '0')}`;
}

export function contactsCsv(rows: number): Buffer {
  const lines = ['phone,name,tags,kota'];
  for (let n = 0; n < rows; n++) {
    const last = n % 1000 === 7 ? RARE_NAME : LAST[n % LAST.length];
    const name = `${FIRST[(n * 7) % FIRST.length]} ${last} ${n}`;
    lines.push(`${phoneOf(n)},${name},${n % 10 === 3 ? TAG : ''},${n % 2 ? 'Jakarta' : 'Bandung'}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! * 100) / 100;
}

export interface ContactsBench {
  rows: number;
  uploadMs: number;
  importMs: number;
  rowsPerSecond: number;
  queries: Record<string, { p50Ms: number; p95Ms: number; matched: number; estimate: boolean }>;
  table: { totalMb: number; heapMb: number; indexes: Record<string, number> };
  server: string;
}

async function benchRows(rows: number): Promise<ContactsBench> {
  const api = await benchApi(
    'contacts',
    { JOBS_POLL_MS: '100', CONTACT_IMPORT_MAX_BYTES: String(256 * 1024 * 1024) },
    { runJobs: true },
  );
  const { db } = api;
  try {
    const owner = await api.owner('Bench');
    const graphql = <T>(query: string, variables: Record<string, unknown> = {}) =>
      api.graphql<T>(owner, query, variables);

    const file = contactsCsv(rows);
    const uploadStarted = performance.now();
    const uploaded = await fetch(`${api.url}/api/contacts/imports?fileName=bench.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.sessionToken}`, 'content-type': 'text/csv' },
      body: file,
    });
    const { id } = (await uploaded.json()) as { id: string };
    const uploadMs = performance.now() - uploadStarted;
    const importStarted = performance.now();
    await graphql(
      `
        mutation ($id: ID!) {
          startContactImport(
            input: {
              importId: $id
              mapping: { phone: 0, name: 1, tags: 2, attributes: [{ column: 3, key: "kota" }] }
              consentStatement: "Bench: consent given at sign-up."
            }
          ) {
            id
          }
        }
      `,
      { id },
    );
    for (;;) {
      const { contactImport } = await graphql<{
        contactImport: { status: string; createdRows: number; failure: string };
      }>('query ($id: ID!) { contactImport(id: $id) { status createdRows failure } }', { id });
      if (contactImport.status === 'FAILED') throw new Error(`import failed: ${contactImport.failure}`);
      if (contactImport.status === 'COMPLETED') {
        if (contactImport.createdRows !== rows) throw new Error(`imported ${contactImport.createdRows} of ${rows}`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const importMs = performance.now() - importStarted;
    await db.query('vacuum analyze contact');

    const page = `query ($filter: ContactFilter) { contacts(filter: $filter, first: 50) {
      totalCount totalCountIsEstimate edges { node { id phone name tags optedOut } } } }`;
    const samples = Array.from({ length: 200 }, (_, index) => Math.floor((index * 7_777) % rows));
    const cases: Record<string, (index: number) => Record<string, unknown>> = {
      [`name fragment "${RARE_NAME.slice(0, 6).toLowerCase()}" (~0.1 % of rows)`]: () => ({
        filter: { search: RARE_NAME.slice(0, 6).toLowerCase() },
      }),
      '6-digit phone fragment (200 different ones)': (index) => ({
        filter: { search: phoneOf(samples[index]!).slice(7, 13) },
      }),
      'first page of a tag held by 10 % of rows': () => ({ filter: { tags: [TAG] } }),
    };
    const queries: ContactsBench['queries'] = {};
    for (const [label, variables] of Object.entries(cases)) {
      for (let warm = 0; warm < 20; warm++) await graphql(page, variables(warm));
      const times: number[] = [];
      let matched = 0;
      let estimate = false;
      for (let index = 0; index < 200; index++) {
        const started = performance.now();
        const { contacts } = await graphql<{ contacts: { totalCount: number; totalCountIsEstimate: boolean } }>(
          page,
          variables(index),
        );
        times.push(performance.now() - started);
        matched = Math.max(matched, contacts.totalCount);
        estimate ||= contacts.totalCountIsEstimate;
      }
      queries[label] = { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), matched, estimate };
    }
    const { rows: sizes } = await db.query<{ name: string; bytes: string }>(
      `select 'total' as name, pg_total_relation_size('contact')::text as bytes
       union all select 'heap', pg_relation_size('contact')::text
       union all select indexrelid::regclass::text, pg_relation_size(indexrelid)::text from pg_index
         where indrelid = 'contact'::regclass`,
    );
    const mb = (bytes: string) => Math.round((Number(bytes) / 2 ** 20) * 10) / 10;
    const version = (await db.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
    return {
      rows,
      uploadMs: Math.round(uploadMs),
      importMs: Math.round(importMs),
      rowsPerSecond: Math.round(rows / (importMs / 1000)),
      queries,
      table: {
        totalMb: mb(sizes.find((row) => row.name === 'total')!.bytes),
        heapMb: mb(sizes.find((row) => row.name === 'heap')!.bytes),
        indexes: Object.fromEntries(
          sizes.filter((row) => !['total', 'heap'].includes(row.name)).map((row) => [row.name, mb(row.bytes)]),
        ),
      },
      server: `PostgreSQL ${version}`,
    };
  } finally {
    await api.stop();
  }
}

/**
 * 100,000 rows by default; BZ_BENCH_CONTACTS_MILLION=1 adds the 1,000,000-row book (minutes);
 * BZ_BENCH_CONTACTS_ROWS=250000,500000 measures the sizes given.
 */
export async function benchContacts(): Promise<ContactsBench[]> {
  const sizes = process.env.BZ_BENCH_CONTACTS_ROWS
    ? process.env.BZ_BENCH_CONTACTS_ROWS.split(',').map(Number)
    : process.env.BZ_BENCH_CONTACTS_MILLION === '1'
      ? [100_000, 1_000_000]
      : [100_000];
  const results: ContactsBench[] = [];
  for (const rows of sizes) results.push(await benchRows(rows));
  return results;
}

export function describeContacts(results: ContactsBench[]): string[] {
  return results.flatMap((result) => [
    `contacts, ${result.rows.toLocaleString('en')} rows (${result.server}):`,
    `  upload ${result.uploadMs} ms; import (start -> COMPLETED) ${result.importMs} ms = ${result.rowsPerSecond.toLocaleString('en')} rows/s`,
    ...Object.entries(result.queries).map(
      ([label, figures]) =>
        `  ${label}: p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms (totalCount ${figures.matched}${figures.estimate ? ', estimate' : ''})`,
    ),
    `  table: ${result.table.totalMb} MB in all, heap ${result.table.heapMb} MB; indexes ${Object.entries(
      result.table.indexes,
    )
      .map(([index, size]) => `${index} ${size} MB`)
      .join(', ')}`,
  ]);
}
