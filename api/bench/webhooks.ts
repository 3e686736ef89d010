import autocannon from 'autocannon';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchApi, threadCpuMs } from './support';
import { newId } from '../src/core/ids';

/**
 * Meta's status webhooks at sustained load: signed `delivered` statuses, one per POST, each with
 * its own wamid, for BZ_BENCH_WEBHOOK_SECONDS (default 60) from an autocannon worker thread. Each
 * POST is answered 200 only after its body is committed; the bench samples the backlog (the age
 * of the oldest stored body not yet applied) every 250 ms, then checks that every 200 is one
 * stored body and one message_status row. The API runs in this process on the CI PostgreSQL
 * (BENCH_DATABASE_URL), in a database of its own.
 */
const APP_SECRET = 'bench-app-secret-0123456789abcdef';
const PHONE_NUMBER_ID = '106540352249999';

export interface WebhookBench {
  seconds: number;
  connections: number;
  requestsPerSecond: number;
  ok: number;
  non2xx: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  stored: number;
  statuses: number;
  maxBacklogS: number;
  maxPending: number;
  drainS: number;
  /** CPU of the API's event loop (this process's main thread) per 1,000 answered POSTs, applying included. */
  apiCpuMsPer1000: number;
}

/** The worker's request maker (a file: autocannon workers load it by path). */
function setupFile(dir: string): string {
  const file = join(dir, 'setup-request.js');
  writeFileSync(
    file,
    `const { createHmac, randomBytes } = require('node:crypto');
const prefix = randomBytes(6).toString('hex');
let n = 0;
module.exports = (request) => {
  n += 1;
  const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '102290129349999', changes: [{ field: 'messages', value: {
    messaging_product: 'whatsapp', metadata: { display_phone_number: '6281100009999', phone_number_id: '${PHONE_NUMBER_ID}' },
    statuses: [{ id: 'wamid.bench-' + prefix + '-' + n, status: 'delivered', timestamp: String(Math.floor(Date.now() / 1000)),
      recipient_id: '6281234567890', biz_opaque_callback_data: 'cm_bench:' + n,
      pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' } }] } }] }] });
  request.body = body;
  request.headers['x-hub-signature-256'] = 'sha256=' + createHmac('sha256', '${APP_SECRET}').update(body).digest('hex');
  return request;
};
`,
  );
  return file;
}

export async function benchWebhooks(): Promise<WebhookBench> {
  const seconds = Number(process.env.BZ_BENCH_WEBHOOK_SECONDS ?? 60);
  const connections = Number(process.env.BZ_BENCH_WEBHOOK_CONNECTIONS ?? 64);
  const api = await benchApi('webhooks', { META_APP_SECRET: APP_SECRET }, { runJobs: true });
  const { db } = api;
  const dir = mkdtempSync(join(tmpdir(), 'bizone-bench-webhooks-'));
  try {
    const { workspace } = await api.owner('Bench webhooks');
    await db.query(
      `insert into channel (id, created_at, updated_at, workspace_id, phone_number_id, waba_id, name, access_token_sealed, token_key_id)
       values ($1, now(), now(), $2, $3, '102290129349999', 'Bench', 'ct1.none.x', 'none')`,
      [newId(), workspace.id, PHONE_NUMBER_ID],
    );
    const backlog = { maxS: 0, maxPending: 0 };
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { rows } = await db.query<{ pending: number; oldest: number | null }>(
          `select count(*)::int as pending, extract(epoch from now() - min(received_at))::float as oldest
           from whatsapp_webhook where applied_at is null`,
        );
        backlog.maxS = Math.max(backlog.maxS, rows[0]?.oldest ?? 0);
        backlog.maxPending = Math.max(backlog.maxPending, rows[0]?.pending ?? 0);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    const cpuBefore = threadCpuMs();
    const result = await autocannon({
      url: `${api.url}/api/webhooks/whatsapp`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      connections,
      duration: seconds,
      workers: 1,
      requests: [{ setupRequest: setupFile(dir) } as never],
    });
    const loadEnded = performance.now();
    for (;;) {
      const { rows } = await db.query<{ pending: number }>(
        'select count(*)::int as pending from whatsapp_webhook where applied_at is null',
      );
      if (rows[0]!.pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const drainS = (performance.now() - loadEnded) / 1000;
    const cpuMs = threadCpuMs() - cpuBefore;
    sampling = false;
    await sampler;
    const [{ stored }] = (await db.query<{ stored: number }>('select count(*)::int as stored from whatsapp_webhook'))
      .rows as [{ stored: number }];
    const [{ statuses }] = (
      await db.query<{ statuses: number }>(
        "select count(*)::int as statuses from message_status where status = 'delivered'",
      )
    ).rows as [{ statuses: number }];
    const ok = result['2xx'];
    return {
      seconds,
      connections,
      requestsPerSecond: Math.round(ok / seconds),
      ok,
      non2xx: result.non2xx,
      errors: result.errors,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      stored,
      statuses,
      maxBacklogS: Math.round(backlog.maxS * 100) / 100,
      maxPending: backlog.maxPending,
      drainS: Math.round(drainS * 100) / 100,
      apiCpuMsPer1000: Math.round((cpuMs / Math.max(1, ok)) * 1000 * 10) / 10,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await api.stop();
  }
}

export function describeWebhooks(result: WebhookBench): string[] {
  return [
    `Meta status webhooks: ${result.requestsPerSecond}/s answered 200 over ${result.seconds} s ` +
      `(${result.connections} connections; p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms; non-2xx ${result.non2xx}, errors ${result.errors})`,
    `  stored ${result.stored} of ${result.ok} answered 200, ${result.statuses} statuses applied; ` +
      `backlog at most ${result.maxBacklogS} s (${result.maxPending} bodies), drained ${result.drainS} s after the load`,
    `  API event loop CPU ${result.apiCpuMsPer1000} ms per 1,000 webhooks (${Math.round(1_000_000 / result.apiCpuMsPer1000)}/s per core)`,
  ];
}
