import { readFileSync, writeFileSync } from 'node:fs';
import type { Client } from 'pg';
import { benchApi } from './support';

/**
 * Issue 16 point 2: "a bulk action on 1,000,000 rows is one job with progress, not a request that times out".
 * Seeds BZ_BENCH_BULK_ROWS contacts (default 1,000,000) in one workspace with set-based SQL (ids time-ordered like
 * the UUIDv7 an import gives), BZ_BENCH_BULK_CAMPAIGNS finished campaigns (default 1) each with a message to every
 * contact (the history an erasure must forget), and 1,000 contacts in a second workspace; then, over GraphQL as the Owner, runs each of
 * BZ_BENCH_BULK_ACTIONS (default `tag,opt-out,delete`, in that order) on the whole book (`selection: { filter: {} }`),
 * polls `contactBulkJob` every 200 ms until it is COMPLETED, and checks with SQL that every row of the book got the
 * change and that no row of the other workspace did: the bench throws if not. The API and its job worker run in
 * this process, so its RSS is theirs (and the bench's small client).
 */
const TAG = 'bulk-bench';
const OTHER_ROWS = 1000;
const POLL_MS = 200;

type Action = 'tag' | 'opt-out' | 'delete';

const MUTATIONS: Record<Action, string> = {
  tag: `mutation { tagContacts(selection: { filter: {} }, tag: "${TAG}") { affected job { id status totalRows } } }`,
  'opt-out': `mutation { optOutContacts(selection: { filter: {} }, kind: ALL) { affected job { id status totalRows } } }`,
  delete: `mutation { deleteContacts(selection: { filter: {} }) { affected job { id status totalRows } } }`,
};

interface JobView {
  id: string;
  status: string;
  totalRows: number;
  processedRows: number;
}

export interface BulkActionRun {
  action: Action;
  rows: number;
  acceptMs: number;
  totalMs: number;
  rowsPerSecond: number;
  /** RSS before the mutation, and the process's peak (VmHWM, reset before the mutation) until COMPLETED. */
  rssBeforeMb: number;
  peakRssMb: number;
  /** The largest V8 heap in use seen at a poll (the API's JavaScript objects; RSS adds code, buffers, freed pages). */
  peakHeapMb: number;
  /** The heap in use after a full GC once COMPLETED (with NODE_OPTIONS=--expose-gc; else null): what the job kept. */
  heapAfterGcMb: number | null;
  /** Distinct `processedRows` values polled, and a few of them as [ms since the mutation, processedRows]. */
  progressSamples: number;
  progress: [number, number][];
  /** The SQL check: rows of the book with the change, rows of the other workspace with it. */
  changed: number;
  otherChanged: number;
}

export interface BulkBench {
  rows: number;
  campaigns: number;
  /** Messages left naming an erased contact (its id or phone) after the delete: must be 0. */
  messagesNaming: number | null;
  seedS: number;
  tableMb: number;
  /** The heap in use before the first action (after a GC with --expose-gc). */
  heapBeforeMb: number;
  runs: BulkActionRun[];
}

/** A time-ordered uuid (version 7 layout) for serial `g`, as SQL: rows sit in the heap in id order, as imported. */
const v7Id = (g: string) =>
  `(lpad(to_hex(1764547200000 + ${g}), 12, '0') || '7' || substr(md5(${g}::text), 1, 3) || '8'
    || substr(md5(${g}::text), 4, 15))::uuid`;

async function seed(db: Client, workspaceId: string, from: number, to: number, prefix: string): Promise<void> {
  for (let start = from; start < to; start += 100_000) {
    await db.query(
      `insert into contact (id, created_at, updated_at, workspace_id, phone, name, tags, attributes, source)
       select ${v7Id('g')}, now(), now(), $1, '${prefix}' || lpad(g::text, 8, '0'), 'Pelanggan ' || g,
              case when g % 10 = 3 then '{pelanggan,vip}'::text[] else '{pelanggan}'::text[] end,
              jsonb_build_object('kota', case when g % 2 = 0 then 'Bandung' else 'Jakarta' end), 'IMPORT'
       from generate_series($2::int, $3::int - 1) g`,
      [workspaceId, start, Math.min(to, start + 100_000)],
    );
  }
}

/** `campaigns` finished campaigns, each with a READ, charged message to every contact of the workspace. */
async function seedCampaigns(db: Client, workspaceId: string, campaigns: number): Promise<void> {
  const channelId = '019ad735-8400-7000-8000-00000000c4a1';
  await db.query(
    `insert into channel (id, created_at, updated_at, workspace_id, phone_number_id, waba_id, name, access_token_sealed, token_key_id)
     values ($1, now(), now(), $2, '106540352247777', '102290129347777', 'Bench', 'ct1.none.x', 'none')`,
    [channelId, workspaceId],
  );
  for (let campaign = 0; campaign < campaigns; campaign++) {
    const { rows } = await db.query<{ id: string }>(
      `insert into campaign (id, created_at, updated_at, workspace_id, name, status, channel_id, template_name,
                             template_language, template_category, price, total, started_at, completed_at)
       select gen_random_uuid(), now(), now(), $1, 'Promo ' || $3::int, 'COMPLETED', $2, 'promo_akhir_tahun', 'id',
              'MARKETING', 500, (select count(*) from contact where workspace_id = $1), now(), now()
       returning id`,
      [workspaceId, channelId, campaign],
    );
    await db.query(
      `insert into campaign_message (id, created_at, updated_at, workspace_id, campaign_id, contact_id, phone, status,
                                     status_rank, attempt, charged, sent_at, delivered_at, read_at)
       select gen_random_uuid(), now(), now(), $1, $2, c.id, c.phone, 'READ', 4, 1, 500, now(), now(), now()
       from contact c where c.workspace_id = $1`,
      [workspaceId, rows[0]!.id],
    );
  }
}

/** The process's peak RSS (VmHWM) in MB; `reset` starts a new peak from now (Linux clear_refs). */
function peakRss(reset = false): number {
  if (reset) writeFileSync('/proc/self/clear_refs', '5');
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmHWM:'));
  return Math.round(Number(line?.split(/\s+/)[1] ?? 0) / 1024);
}

/** The SQL check of an action: which rows show it. */
const CHANGED: Record<Action, string> = {
  tag: `select count(*)::int as n from contact where workspace_id = $1 and tags @> array['${TAG}']`,
  'opt-out': 'select count(*)::int as n from contact where workspace_id = $1 and opted_out_at is not null',
  // Erased: the rows that are gone (the book's size before, less what is left).
  delete: 'select count(*)::int as n from contact where workspace_id = $1',
};

export async function benchBulk(): Promise<BulkBench> {
  const rows = Number(process.env.BZ_BENCH_BULK_ROWS ?? 1_000_000);
  const campaigns = Number(process.env.BZ_BENCH_BULK_CAMPAIGNS ?? 1);
  const actions = (process.env.BZ_BENCH_BULK_ACTIONS ?? 'tag,opt-out,delete').split(',') as Action[];
  for (const action of actions) if (!MUTATIONS[action]) throw new Error(`unknown bulk action "${action}"`);
  const api = await benchApi('bulk', { JOBS_POLL_MS: '100' }, { runJobs: true });
  const { db } = api;
  try {
    const owner = await api.owner('Bench bulk');
    const other = await api.owner('Bench bulk, other workspace');
    const seedStarted = performance.now();
    await seed(db, owner.workspace.id, 0, rows, '+62812');
    await seed(db, other.workspace.id, rows, rows + OTHER_ROWS, '+62813');
    await seedCampaigns(db, owner.workspace.id, campaigns);
    await db.query('vacuum analyze');
    const seedS = Math.round((performance.now() - seedStarted) / 100) / 10;
    const tableMb = Math.round(
      Number((await db.query<{ bytes: string }>("select pg_total_relation_size('contact') as bytes")).rows[0]!.bytes) /
        2 ** 20,
    );
    const count = async (sql: string, workspaceId: string) =>
      (await db.query<{ n: number }>(sql, [workspaceId])).rows[0]!.n;

    const runs: BulkActionRun[] = [];
    (globalThis as { gc?: () => void }).gc?.();
    const heapBeforeMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
    for (const action of actions) {
      const rssBeforeMb = Math.round(process.memoryUsage().rss / 2 ** 20);
      peakRss(true);
      const started = performance.now();
      const accepted = await api.graphql<Record<string, { affected: number | null; job: JobView | null }>>(
        owner,
        MUTATIONS[action],
      );
      const acceptMs = performance.now() - started;
      const { job } = Object.values(accepted)[0]!;
      if (!job) throw new Error(`${action} on a filter answered no job`);
      const progress: [number, number][] = [];
      let peakHeap = 0;
      let last: JobView;
      for (;;) {
        ({ contactBulkJob: last } = await api.graphql<{ contactBulkJob: JobView }>(
          owner,
          'query ($id: ID!) { contactBulkJob(id: $id) { id status totalRows processedRows } }',
          { id: job.id },
        ));
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
        if (progress.at(-1)?.[1] !== last.processedRows) {
          progress.push([Math.round(performance.now() - started), last.processedRows]);
        }
        if (last.status === 'FAILED') throw new Error(`${action} job failed at ${last.processedRows} rows`);
        if (last.status === 'COMPLETED') break;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      const totalMs = performance.now() - started;
      const peakRssMb = peakRss();
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      const heapAfterGcMb = gc ? Math.round(process.memoryUsage().heapUsed / 2 ** 20) : null;
      const left = await count(CHANGED[action], owner.workspace.id);
      const changed = action === 'delete' ? rows - left : left;
      const otherLeft = await count(CHANGED[action], other.workspace.id);
      const otherChanged = action === 'delete' ? OTHER_ROWS - otherLeft : otherLeft;
      if (changed !== rows || last.totalRows !== rows || last.processedRows !== rows) {
        throw new Error(
          `${action}: ${changed} of ${rows} rows changed (job: ${last.processedRows} of ${last.totalRows} processed)`,
        );
      }
      if (otherChanged !== 0) throw new Error(`${action} changed ${otherChanged} rows of another workspace`);
      // Spread over the run: the first, every tenth of the list, the last.
      const step = Math.max(1, Math.floor(progress.length / 10));
      runs.push({
        action,
        rows,
        acceptMs: Math.round(acceptMs),
        totalMs: Math.round(totalMs),
        rowsPerSecond: Math.round(rows / (totalMs / 1000)),
        rssBeforeMb,
        peakRssMb,
        peakHeapMb: Math.round(peakHeap / 2 ** 20),
        heapAfterGcMb,
        progressSamples: progress.length,
        progress: progress.filter((_, index) => index % step === 0 || index === progress.length - 1),
        changed,
        otherChanged,
      });
      await db.query('vacuum analyze contact');
    }
    let messagesNaming: number | null = null;
    if (actions.includes('delete')) {
      messagesNaming = await count(
        'select count(*)::int as n from campaign_message where workspace_id = $1 and (contact_id is not null or phone is not null)',
        owner.workspace.id,
      );
      if (messagesNaming !== 0) throw new Error(`${messagesNaming} messages still name an erased contact`);
    }
    return { rows, campaigns, messagesNaming, seedS, tableMb, heapBeforeMb, runs };
  } finally {
    await api.stop();
  }
}

export function describeBulk(result: BulkBench): string[] {
  return [
    `Bulk actions on a whole book of ${result.rows.toLocaleString('en')} contacts, ${result.campaigns} campaign(s) to ` +
      `all of them (seeded in ${result.seedS} s, contact ${result.tableMb} MB with indexes; heap ${result.heapBeforeMb} MB):`,
    ...result.runs.flatMap((run) => [
      `  ${run.action}: accepted in ${run.acceptMs} ms, COMPLETED after ${(run.totalMs / 1000).toFixed(1)} s = ` +
        `${run.rowsPerSecond.toLocaleString('en')} rows/s; RSS ${run.rssBeforeMb} MB before, peak ${run.peakRssMb} MB (heap at most ${run.peakHeapMb} MB${run.heapAfterGcMb === null ? '' : `, ${run.heapAfterGcMb} MB after a GC`}); ` +
        `${run.progressSamples} progress values seen; SQL check ${run.changed} changed, ${run.otherChanged} elsewhere`,
      `    progress (s, rows): ${run.progress.map(([ms, done]) => `${(ms / 1000).toFixed(1)} ${done}`).join(', ')}`,
    ]),
    ...(result.messagesNaming === null ? [] : [`  messages left naming an erased contact: ${result.messagesNaming}`]),
  ];
}
