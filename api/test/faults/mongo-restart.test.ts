import { createTestDatabase, type TestDatabase } from '../support/database';
import type { Spawned } from '../support/processes';
import { waitFor } from '../support/wait';
import { load, ownMongo, readiness, report, startApiProcess, type OwnMongo } from './support';

/**
 * Issue 15: the MongoDB job store killed (-9) and restarted under a running API. The API keeps
 * serving everything that does not need the job store, readiness names the job store while it is
 * away, and it recovers on its own once the server is back.
 */
describe('MongoDB job store killed and restarted', () => {
  let database: TestDatabase;
  let mongo: OwnMongo;
  let api: Spawned;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    mongo = await ownMongo();
    ({ api, url } = await startApiProcess({ DATABASE_URL: database.url, MONGODB_URL: mongo.url }));
  }, 60_000);

  afterAll(async () => {
    api?.child.kill('SIGKILL');
    await mongo?.kill().catch(() => undefined);
    await database?.drop();
  });

  const signIn = () =>
    fetch(`${url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation { login(input: { email: "nobody@example.co.id", password: "wrong password here" }) { status } }',
      }),
      signal: AbortSignal.timeout(10_000),
    }).then(async (response) => ({
      status: response.status,
      code: ((await response.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions
        ?.code,
    }));

  it('keeps serving, reports the job store down, and recovers when it returns', async () => {
    const traffic = load(url);
    await mongo.kill();
    // The driver's server selection gives up after 5 s; readiness asks with a 2 s budget, so it says
    // `jobs: timeout` (or unreachable) within seconds. Generous here: CI runs other suites beside this one.
    let seen: unknown;
    await waitFor(
      async () => {
        const answer = await readiness(url);
        seen = answer;
        return answer.status === 503;
      },
      { what: 'readiness to report the job store down', timeoutMs: 45_000, intervalMs: 500 },
    ).catch((error: Error) => {
      throw new Error(
        `${error.message}; last readiness: ${JSON.stringify(seen)}; API output: ${api.output().slice(-2000)}`,
      );
    });
    const during = await readiness(url);
    expect(during.checks).toMatchObject({ postgres: { ok: true }, jobs: { ok: false } });
    // Requests that need only PostgreSQL are answered as usual.
    expect(await signIn()).toEqual({ status: 200, code: 'UNAUTHENTICATED' });

    await mongo.start();
    const back = Date.now();
    await waitFor(async () => (await readiness(url)).status === 200, {
      what: 'readiness to recover after the job store returns',
      timeoutMs: 45_000,
    });
    const { codes, slowestMs } = await traffic.stop();
    report('MongoDB job store killed and restarted', {
      readyMsAfterStart: Date.now() - back,
      answers: codes,
      slowestMs,
    });
    // Nothing a request needs lives in the job store: every answer under load was the usual one.
    expect(Object.keys(codes)).toEqual(['200 UNAUTHENTICATED']);
    expect(await signIn()).toEqual({ status: 200, code: 'UNAUTHENTICATED' });
    expect(api.child.exitCode).toBeNull();
  }, 150_000);
});
