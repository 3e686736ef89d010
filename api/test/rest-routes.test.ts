import { createHmac } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { AppError } from '../src/core/app-error';
import { createLogger } from '../src/core/logger';
import { languageOf } from '../src/http/client';
import { beginRequest } from '../src/http/request-logging';
import { RestRouter, type RestRoute } from '../src/http/rest';

/**
 * The REST side routes the webhooks are built on, over real HTTP: per-route body limits and
 * media types, the raw body kept for signatures, exact error bodies where a gateway expects
 * them, and the platform's error mapping everywhere else.
 */
const SECRET = 'test-secret';

const routes: RestRoute[] = [
  {
    method: 'POST',
    path: '/api/test/signed',
    maxBodyBytes: 1024,
    async handle(request) {
      // The signature is over the bytes as sent, whitespace and key order included.
      const expected = createHmac('sha256', SECRET).update(request.rawBody).digest('hex');
      if (request.headers['x-signature'] !== expected) throw new AppError('UNAUTHENTICATED', 'auth.signInRequired');
      return { body: { received: request.json<{ n: number }>().n } };
    },
  },
  {
    method: 'POST',
    path: '/api/test/exact',
    async handle() {
      throw new AppError('BAD_USER_INPUT', 'errors.validation');
    },
    errorBody: ({ status }) => ({ message: 'Invalid notification.', error: 'Bad Request', statusCode: status }),
  },
  {
    method: 'GET',
    path: '/api/test/unavailable',
    async handle() {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    },
  },
  {
    method: 'GET',
    path: '/api/test/bug',
    async handle() {
      throw new Error('select * from secrets where password = hunter2');
    },
  },
];

describe('REST side routes', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const router = new RestRouter(routes);
    const logger = createLogger('silent');
    server = createServer((request, response) => {
      beginRequest(request, response, logger);
      if (!router.dispatch(request, response, { language: languageOf(request) })) {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('hands the route the raw bytes, so a signature over them verifies', async () => {
    const body = '{ "n" : 7 ,"z":1}';
    const signature = createHmac('sha256', SECRET).update(body).digest('hex');
    const response = await post('/api/test/signed', body, { 'x-signature': signature });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 7 });
  });

  it('maps an AppError to its status and a translated body', async () => {
    const response = await post('/api/test/signed', '{}', { 'x-signature': 'wrong', 'accept-language': 'id' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'Silakan masuk.', messageKey: 'auth.signInRequired', params: {} },
    });
  });

  it('refuses a body over the route’s limit with 413, before the handler runs', async () => {
    const response = await post('/api/test/signed', JSON.stringify({ pad: 'x'.repeat(2000) }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: Record<string, unknown> }).error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      params: { maxBytes: 1024 },
    });
  });

  it('refuses a media type the route does not take with 415', async () => {
    const response = await post('/api/test/signed', 'n=7', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: Record<string, unknown> }).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a body that is not JSON with 400, not 500', async () => {
    const body = 'not json';
    const signature = createHmac('sha256', SECRET).update(body).digest('hex');
    const response = await post('/api/test/signed', body, { 'x-signature': signature });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: Record<string, unknown> }).error.messageKey).toBe('errors.invalidJson');
  });

  it('answers with the exact body a gateway expects when the route declares one', async () => {
    const response = await post('/api/test/exact', '{}');
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('{"message":"Invalid notification.","error":"Bad Request","statusCode":400}');
  });

  it('answers 503 SERVICE_UNAVAILABLE when the database is unreachable', async () => {
    const response = await fetch(`${url}/api/test/unavailable`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: Record<string, unknown> }).error).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      messageKey: 'errors.unavailable',
    });
  });

  it('answers a bug with 500 and the request id, never the error’s text', async () => {
    const response = await fetch(`${url}/api/test/bug`, { headers: { 'x-request-id': 'req-rest-1' } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toContain('req-rest-1');
    expect(text).not.toMatch(/hunter2|select/);
  });

  it('answers another method on a known path with 405 and Allow', async () => {
    const response = await fetch(`${url}/api/test/signed`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('refuses to declare one route twice', () => {
    expect(() => new RestRouter([routes[0]!, routes[0]!])).toThrow(/declared twice/);
  });
});

describe('REST request targets and request logging', () => {
  let server: Server;
  let port: number;
  const lines: { level: string; msg: string; reqId?: string; path?: string; status?: number }[] = [];

  beforeAll(async () => {
    const echo: RestRoute = {
      method: 'GET',
      path: '/api/test/echo',
      async handle(request) {
        return { body: { q: request.query.getAll('q'), path: request.path } };
      },
    };
    const quiet: RestRoute = {
      method: 'POST',
      path: '/api/test/quiet',
      quiet: true,
      async handle(request) {
        if (request.json<{ ok?: boolean }>().ok !== true) throw new AppError('BAD_USER_INPUT', 'errors.validation');
        return { body: { ok: true } };
      },
    };
    const router = new RestRouter([echo, quiet]);
    const logger = createLogger('info', {
      write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]),
    });
    server = createServer((request, response) => {
      beginRequest(request, response, logger, new Set([quiet.path]));
      if (!router.dispatch(request, response, { language: languageOf(request) })) {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** A request with the target exactly as written (fetch would normalise dot segments first). */
  const raw = (method: string, target: string, body?: string, id?: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method,
          path: target,
          headers: { 'content-type': 'application/json', ...(id ? { 'x-request-id': id } : {}) },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        },
      );
      request.on('error', reject);
      request.end(body);
    });

  it('reads the query of a plain target, decoded', async () => {
    const response = await raw('GET', '/api/test/echo?q=a%20b&q=%F0%9F%98%80&x=1');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ q: ['a b', '😀'], path: '/api/test/echo' });
  });

  it('routes targets with dot segments or an absolute URL as a URL parser resolves them', async () => {
    expect(JSON.parse((await raw('GET', '/api/./test/echo?q=1')).body)).toEqual({ q: ['1'], path: '/api/test/echo' });
    expect(JSON.parse((await raw('GET', '/api/x/../test/echo')).body)).toEqual({ q: [], path: '/api/test/echo' });
    expect(JSON.parse((await raw('GET', 'http://api.example/api/test/echo?q=2')).body)).toEqual({
      q: ['2'],
      path: '/api/test/echo',
    });
    expect((await raw('GET', '/api/test/echo/')).status).toBe(404);
  });

  it('logs answers with the request id, except the successes of a quiet route', async () => {
    lines.length = 0;
    await raw('GET', '/api/test/echo', undefined, 'req-log-echo-1');
    await raw('POST', '/api/test/quiet', '{"ok":true}', 'req-log-quiet-ok');
    await raw('POST', '/api/test/quiet', '{"ok":false}', 'req-log-quiet-bad');
    await new Promise((resolve) => setImmediate(resolve));
    const completed = lines.filter((line) => line.msg === 'request completed');
    expect(completed.map(({ reqId, path, status, level }) => ({ reqId, path, status, level }))).toEqual([
      { reqId: 'req-log-echo-1', path: '/api/test/echo', status: 200, level: 'info' },
      { reqId: 'req-log-quiet-bad', path: '/api/test/quiet', status: 400, level: 'warn' },
    ]);
  });
});
