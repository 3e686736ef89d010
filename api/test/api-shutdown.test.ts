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
});
