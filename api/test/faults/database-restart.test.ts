import { randomBytes } from 'node:crypto';
import type { Spawned } from '../support/processes';
import { TEST_MONGODB_URL } from '../support/services';
import { waitFor } from '../support/wait';
import { load, ownPostgres, readiness, report, startApiProcess, type OwnPostgres } from './support';

/**
 * Issue 15's reproduction, automated: PostgreSQL restarts under a running API, with jobs on
 * PostgreSQL (LISTEN/NOTIFY channel) and on MongoDB. The process survives, readiness tells the
 * truth during the outage, requests fail cleanly and fast, and everything recovers on its own.
 */
describe.each(['postgresql', 'mongodb'] as const)('PostgreSQL restart with jobs on %s', (jobStore) => {
  let postgres: OwnPostgres;
  let api: Spawned;
  let url: string;

  beforeAll(async () => {
    postgres = await ownPostgres();
    ({ api, url } = await startApiProcess({
      DATABASE_URL: postgres.url,
      ...(jobStore === 'mongodb'
        ? { MONGODB_URL: `${TEST_MONGODB_URL}/faults_${randomBytes(4).toString('hex')}` }
        : {}),
    }));
  }, 60_000);

  afterAll(async () => {
    api?.child.kill('SIGKILL');
    await postgres?.destroy();
  });

  const login = async () => {
    const started = Date.now();
    const response = await fetch(`${url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'id' },
      body: JSON.stringify({
        query:
          'mutation { login(input: { email: "nobody@example.co.id", password: "wrong password here" }) { status } }',
      }),
      signal: AbortSignal.timeout(20_000),
    });
    const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    return { ms: Date.now() - started, code: body.errors?.[0]?.extensions?.code, text: JSON.stringify(body) };
  };

  it('survives, answers honestly during the outage, and recovers without a restart', async () => {
    expect((await login()).code).toBe('UNAUTHENTICATED');
    const traffic = load(url);

    await postgres.stop();
    const down = Date.now();
    // Readiness says which dependency is down.
    await waitFor(async () => (await readiness(url)).status === 503, { what: 'readiness to report the outage' });
    expect((await readiness(url)).checks.postgres).toMatchObject({ ok: false });
    // A request that needs the database fails cleanly, in the reader's language, within a bound.
    const during = await login();
    expect(during.code).toBe('SERVICE_UNAVAILABLE');
    expect(during.text).not.toMatch(/ECONNREFUSED|select |stack|at \w+ \(/);
    expect(during.ms).toBeLessThan(10_000);

    await postgres.start();
    const back = Date.now();
    await waitFor(async () => (await login()).code === 'UNAUTHENTICATED', {
      what: 'requests to succeed again',
      timeoutMs: 15_000,
    });
    await waitFor(async () => (await readiness(url)).status === 200, { what: 'readiness to recover' });
    const recoveredMs = Date.now() - back;
    expect(recoveredMs).toBeLessThan(15_000);
    // Under load all the while: every answer was the honest one, none an internal error or a hang.
    const { codes, slowestMs } = await traffic.stop();
    report(`PostgreSQL restart, jobs on ${jobStore}`, {
      outageMs: back - down,
      recoveredMsAfterStart: recoveredMs,
      answers: codes,
      slowestMs,
    });
    expect(Object.keys(codes).sort()).toEqual(
      expect.arrayContaining(['200 UNAUTHENTICATED', '503 SERVICE_UNAVAILABLE'].filter((code) => code in codes)),
    );
    expect(
      Object.keys(codes).filter((code) => !['200 UNAUTHENTICATED', '503 SERVICE_UNAVAILABLE'].includes(code)),
    ).toEqual([]);
    expect(codes['503 SERVICE_UNAVAILABLE']).toBeGreaterThan(0);
    expect(slowestMs).toBeLessThan(10_000);
    // The process is still the same one, alive.
    expect(api.child.exitCode).toBeNull();
    expect(api.output()).not.toMatch(/Unhandled 'error' event/);
  }, 90_000);
});
