import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DashboardServerInfoDocument } from '../graphql/graphql';
import { gql, isApiUnavailable } from './graphql.server';

// A stand-in API over real HTTP: what the dashboard sends, and what it makes of the answers.
let server: Server;
let received: { method?: string; url?: string; headers: IncomingHttpHeaders; body: string }[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: {} };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body });
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.API_INTERNAL_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
  delete process.env.API_INTERNAL_URL;
});

let warn: jest.SpyInstance;
beforeEach(() => {
  received = [];
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

function browserRequest(headers: Record<string, string> = {}): Request {
  return new Request('http://dashboard.test/dashboard', { headers });
}

async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('gql', () => {
  it("POSTs the typed document to /api/graphql with the reader's language and request id", async () => {
    answer = { status: 200, body: { data: { serverInfo: { version: '1.2.3', time: '2025-01-15T07:05:09.000Z' } } } };

    const data = await gql(browserRequest({ Cookie: 'lng=en', 'x-request-id': 'req-42' }), DashboardServerInfoDocument);

    expect(data).toEqual({ serverInfo: { version: '1.2.3', time: '2025-01-15T07:05:09.000Z' } });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: 'POST',
      url: '/api/graphql',
      headers: { 'accept-language': 'en', 'x-request-id': 'req-42', 'content-type': 'application/json' },
    });
    expect(JSON.parse(received[0]?.body ?? '{}')).toMatchObject({ operationName: 'DashboardServerInfo' });
  });

  it('sends no request id when the browser request had none', async () => {
    answer = { status: 200, body: { data: { serverInfo: { version: '1', time: '2025-01-15T07:05:09.000Z' } } } };
    await gql(browserRequest({ 'Accept-Language': 'id-ID' }), DashboardServerInfoDocument);
    expect(received[0]?.headers['x-request-id']).toBeUndefined();
    expect(received[0]?.headers['accept-language']).toBe('id');
  });

  it('throws a 500 response with a translatable key when the API answers with errors', async () => {
    answer = { status: 200, body: { errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } };
    const error = await thrownBy(gql(browserRequest(), DashboardServerInfoDocument));
    expect(error).toBeInstanceOf(Response);
    expect((error as Response).status).toBe(500);
    expect(await (error as Response).json()).toEqual({ messageKey: 'errors.generic' });
    expect(isApiUnavailable(error)).toBe(false);
  });

  it('throws a 502 response (errors.apiUnavailable) when the API cannot be reached', async () => {
    await new Promise((resolve) => server.close(resolve));
    const error = await thrownBy(gql(browserRequest(), DashboardServerInfoDocument));
    expect(isApiUnavailable(error)).toBe(true);
    expect(await (error as Response).json()).toEqual({ messageKey: 'errors.apiUnavailable' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"event":"api_unreachable"'));
  });
});
