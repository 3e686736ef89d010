import { startTestApi, type TestApi } from './support/api';

describe.each(['postgresql', 'mongodb'] as const)('API over HTTP with jobs on %s', (jobStore) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ jobStore });
  });
  afterAll(() => api.stop());

  it('answers /healthz while the process is alive', async () => {
    const response = await fetch(`${api.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('reports PostgreSQL and the job store in /readyz', async () => {
    const response = await fetch(`${api.url}/readyz`);
    const body = (await response.json()) as { ready: boolean; checks: Record<string, { ok: boolean }> };
    expect(response.status).toBe(200);
    expect(body.ready).toBe(true);
    expect(body.checks.postgres.ok).toBe(true);
    expect(body.checks.jobs.ok).toBe(true);
    expect(api.running.store.kind).toBe(jobStore);
  });

  it('serves GraphQL at /api/graphql', async () => {
    const { status, body } = await api.graphql<{ serverInfo: { name: string; version: string; time: string } }>(
      '{ __typename serverInfo { name version time } }',
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!.serverInfo.name).toBe('BizOne Portal');
    expect(body.data!.serverInfo.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Math.abs(Date.parse(body.data!.serverInfo.time) - Date.now())).toBeLessThan(60_000);
  });

  it('echoes a sane x-request-id and replaces a hostile one', async () => {
    const kept = await fetch(`${api.url}/healthz`, { headers: { 'x-request-id': 'nginx-1234567890abcdef' } });
    expect(kept.headers.get('x-request-id')).toBe('nginx-1234567890abcdef');
    const replaced = await fetch(`${api.url}/healthz`, { headers: { 'x-request-id': '<script>alert(1)</script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('readiness when a dependency is down', () => {
  it('answers 503 naming the job store when MongoDB goes away', async () => {
    const api = await startTestApi({ jobStore: 'mongodb' });
    try {
      await api.running.store.close();
      const response = await fetch(`${api.url}/readyz`);
      const body = (await response.json()) as {
        ready: boolean;
        checks: Record<string, { ok: boolean; error?: string }>;
      };
      expect(response.status).toBe(503);
      expect(body.checks.postgres.ok).toBe(true);
      expect(body.checks.jobs).toMatchObject({ ok: false });
      expect(JSON.stringify(body)).not.toContain('mongodb://');
    } finally {
      await api.stop().catch(() => undefined);
    }
  });
});
