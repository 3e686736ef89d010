import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { startTestApi, type TestApi } from './support/api';
import { START, startCampaignWorld, type CampaignWorld } from './campaigns/support';

/** One sample's value from Prometheus' text format, e.g. sample(text, 'bizone_x_total', { a: '1' }). */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...match[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe('Prometheus metrics and readiness', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ jobStore: 'mongodb', env: { METRICS_PORT: '0' } });
  });
  afterAll(() => api.stop());

  const scrape = async () => {
    const response = await fetch(api.running.metricsUrl!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };

  it('live on their own listener, not on the API port nginx forwards to', async () => {
    expect(api.running.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(api.running.metricsUrl!).port).not.toBe(new URL(api.url).port);
    expect((await fetch(`${api.url}/metrics`)).status).toBe(404);
  });

  it('count GraphQL operations by root field and errors by code, and HTTP latency by route', async () => {
    const unmatched = (text: string) =>
      sample(text, 'bizone_http_request_duration_seconds_count', { route: 'unmatched', status: '404' }) ?? 0;
    const before = unmatched(await scrape());
    await api.graphql('{ serverInfo { name } }');
    await api.graphql('{ serverInfo { name } }');
    await api.graphql('{ noSuchField }');
    await fetch(`${api.url}/no/such/path/${Math.random()}`);
    const text = await scrape();
    expect(sample(text, 'bizone_graphql_operations_total', { type: 'query', field: 'serverInfo', outcome: 'ok' })).toBe(
      2,
    );
    expect(sample(text, 'bizone_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(
      sample(text, 'bizone_http_request_duration_seconds_count', {
        route: '/api/graphql',
        method: 'POST',
        status: '200',
      }),
    ).toBe(2);
    // A random path is one "unmatched" series, not a series per URL.
    expect(unmatched(text) - before).toBe(1);
    expect(text).not.toContain('/no/such/path');
    expect(text).toMatch(/^bizone_process_cpu_user_seconds_total\{role="api"\} /m);
  });

  it('count provider callbacks by answer and Midtrans notifications by outcome', async () => {
    const notify = await fetch(`${api.url}/api/wallet/midtrans/notification`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(notify.status).toBe(400);
    const verify = await fetch(
      `${api.url}/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`,
    );
    expect(verify.status).toBe(403);
    const text = await scrape();
    expect(sample(text, 'bizone_webhook_requests_total', { provider: 'midtrans', status: '400' })).toBe(1);
    expect(sample(text, 'bizone_webhook_requests_total', { provider: 'meta', status: '403' })).toBe(1);
    expect(sample(text, 'bizone_payment_notifications_total', { outcome: 'BAD_SIGNATURE' })).toBe(1);
  });

  it('report the job queue from the shared store: depth and lag per job name', async () => {
    const due = new Date(Date.now() - 60_000);
    // Nothing runs jobs in this API (enqueue only): a job due a minute ago waits.
    await api.running.jobs.agenda.schedule(due, 'metrics-test-job', {});
    const text = await scrape();
    expect(sample(text, 'bizone_jobs_due', { name: 'metrics-test-job' })).toBe(1);
    expect(sample(text, 'bizone_jobs_lag_seconds', { name: 'metrics-test-job' })).toBeGreaterThanOrEqual(60);
  });

  it('include every metric the Grafana dashboard in ops/ plots', async () => {
    const dashboard = readFileSync(join(__dirname, '..', '..', 'ops', 'grafana-dashboard.json'), 'utf8');
    const plotted = new Set([...dashboard.matchAll(/\b(bizone_[a-z0-9_]+)/g)].map((match) => match[1]!));
    const declared = new Set([...(await scrape()).matchAll(/^# TYPE (\S+) (\w+)$/gm)].map((match) => match[1]!));
    const missing = [...plotted].filter((name) => !declared.has(name.replace(/_(bucket|count|sum)$/, '')));
    expect(plotted.size).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('lay the Grafana dashboard out on a grid Grafana can place: numeric positions, no panel id twice', () => {
    const dashboard = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'ops', 'grafana-dashboard.json'), 'utf8'),
    ) as { panels: { id: number; title: string; gridPos: Record<string, unknown> }[] };
    for (const panel of dashboard.panels) {
      for (const key of ['x', 'y', 'w', 'h']) {
        expect({ panel: panel.title, key, type: typeof panel.gridPos[key] }).toEqual({
          panel: panel.title,
          key,
          type: 'number',
        });
      }
    }
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('/readyz turns 503 while a migration this code expects is missing, and back when it is applied', async () => {
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { checks: Record<string, { ok: boolean }> }).checks.migrations?.ok).toBe(true);
    const client = new Client({ connectionString: api.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: number; name: string; executed_at: Date }>(
        'delete from mikro_orm_migrations where id = (select max(id) from mikro_orm_migrations) returning *',
      );
      const notReady = await fetch(`${api.url}/readyz`);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toMatchObject({
        ready: false,
        checks: { postgres: { ok: true }, jobs: { ok: true }, migrations: { ok: false, error: '1 pending' } },
      });
      await client.query('insert into mikro_orm_migrations (id, name, executed_at) values ($1, $2, $3)', [
        rows[0]!.id,
        rows[0]!.name,
        rows[0]!.executed_at,
      ]);
      expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
    } finally {
      await client.end();
    }
  });
});

describe('job queue metrics on the PostgreSQL job store', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { METRICS_PORT: '0' } });
  });
  afterAll(() => api.stop());

  it('report depth and lag per job name as on MongoDB', async () => {
    expect(api.running.store.kind).toBe('postgresql');
    await api.running.jobs.agenda.schedule(new Date(Date.now() - 90_000), 'metrics-pg-job', {});
    await api.running.jobs.agenda.schedule(new Date(Date.now() - 30_000), 'metrics-pg-job', { second: true });
    // Not due yet: not counted.
    await api.running.jobs.agenda.schedule(new Date(Date.now() + 3600_000), 'metrics-pg-job', { later: true });
    const text = await (await fetch(api.running.metricsUrl!)).text();
    expect(sample(text, 'bizone_jobs_due', { name: 'metrics-pg-job' })).toBe(2);
    expect(sample(text, 'bizone_jobs_running', { name: 'metrics-pg-job' })).toBe(0);
    const lag = sample(text, 'bizone_jobs_lag_seconds', { name: 'metrics-pg-job' })!;
    expect(lag).toBeGreaterThanOrEqual(90);
    expect(lag).toBeLessThan(3600);
  });
});

describe('campaign metrics', () => {
  let world: CampaignWorld;
  beforeAll(async () => {
    world = await startCampaignWorld({ env: { METRICS_PORT: '0' } });
    await world.fund(1_000_000n);
  });
  afterAll(() => world.stop());

  const scrape = async () => (await fetch(world.api.running.metricsUrl!)).text();
  const accepted = (text: string) => sample(text, 'bizone_dispatch_sends_total', { outcome: 'accepted' }) ?? 0;
  const messages = (text: string, status: string) => sample(text, 'bizone_campaign_messages', { status });

  it('count the sends Meta accepted and the messages by status after a real send, then follow the statuses', async () => {
    const before = await scrape();
    // A fresh database: every status is reported, at zero.
    for (const status of ['QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'READ', 'FAILED', 'SKIPPED', 'UNKNOWN']) {
      expect(messages(before, status)).toBe(0);
    }
    world.meta.simulator.sends.configure({ webhooks: { readShare: 0, deliveredDelayMs: 100 } });
    await world.addContacts([
      { phone: '+6281577700001', tags: ['metrik'] },
      { phone: '+6281577700002', tags: ['metrik'] },
      { phone: '+6281577700003', tags: ['metrik'] },
    ]);
    const id = await world.draftForTag('metrik');
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    const queued = await scrape();
    expect(messages(queued, 'QUEUED')).toBe(3);

    await world.dispatch();
    const sent = await scrape();
    expect(accepted(sent) - accepted(before)).toBe(3);
    // What Meta (the simulator) accepted, counted on its side.
    const acceptedByMeta = [...world.meta.simulator.sends.ledger.acceptedByRecipient.values()];
    expect(acceptedByMeta.reduce((total, count) => total + count, 0)).toBe(3);
    expect(messages(sent, 'QUEUED')).toBe(0);
    expect(messages(sent, 'SENT')).toBe(3);
    // The loop gave its lease up when it had nothing left: no channel sending in this process.
    expect(sample(sent, 'bizone_dispatch_channels', {})).toBe(0);

    await world.deliverStatuses(5000);
    const delivered = await scrape();
    expect(messages(delivered, 'SENT')).toBe(0);
    expect(messages(delivered, 'DELIVERED')).toBe(3);
  });
});
