import { createTestDatabase, type TestDatabase } from './support/database';
import { freePort } from './support/ports';
import { runEntry } from './support/processes';
import { waitFor } from './support/wait';

describe('the API process on SIGTERM', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.drop());

  // Regression: Apollo's own SIGTERM handler raced our ordered shutdown and the process
  // hung until the hard limit, exiting 1.
  it('stops in order and exits 0 after serving GraphQL over keep-alive connections', async () => {
    const port = await freePort();
    const api = runEntry('main.ts', {
      DATABASE_URL: database.url,
      API_PORT: String(port),
      SIMULATORS: 'false',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: '5000',
    });
    await waitFor(() => fetch(`http://127.0.0.1:${port}/readyz`).then((response) => response.ok), {
      what: 'the API to be ready',
    });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`http://127.0.0.1:${port}/api/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', connection: 'keep-alive' },
          body: JSON.stringify({ query: '{ __typename }' }),
        }).then((response) => response.json()),
      ),
    );
    expect(responses).toEqual(Array.from({ length: 20 }, () => ({ data: { __typename: 'Query' } })));

    api.child.kill('SIGTERM');
    expect(await api.exited).toEqual({ code: 0, signal: null });
    const lines = api
      .output()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { msg: string });
    const messages = lines.map((line) => line.msg);
    expect(messages.slice(messages.indexOf('shutting down'))).toEqual(['shutting down', 'stopped']);
  });

  it('answers every request that started before SIGTERM under load, then refuses new connections', async () => {
    const port = await freePort();
    const api = runEntry('main.ts', {
      DATABASE_URL: database.url,
      API_PORT: String(port),
      SIMULATORS: 'false',
      LOG_LEVEL: 'warn',
      SHUTDOWN_TIMEOUT_MS: '5000',
    });
    const url = `http://127.0.0.1:${port}`;
    await waitFor(() => fetch(`${url}/readyz`).then((response) => response.ok), { what: 'the API to be ready' });
    // Sign-ins are slow on purpose (argon2): 24 of them keep both cores busy for a while.
    const inFlight = Array.from({ length: 24 }, (_, i) =>
      fetch(`${url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `mutation { login(input: { email: "load-${i}@example.co.id", password: "not the password" }) { status } }`,
        }),
      }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as { errors?: unknown[] },
      })),
    );
    // Let every connection be accepted and every request be read before the signal (24 argon2 runs take
    // ~0.8 s on two idle cores, longer on a busy CI machine, so they are still running then).
    await new Promise((resolve) => setTimeout(resolve, 600));
    api.child.kill('SIGTERM');
    const answers = await Promise.all(inFlight);
    // Each got its real answer (a refused sign-in), none a reset connection or a 5xx.
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 24 }, () => 200));
    expect(answers.every((answer) => Array.isArray(answer.body.errors))).toBe(true);
    expect(await api.exited).toEqual({ code: 0, signal: null });
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
