import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DashboardServerInfoDocument } from '../graphql/graphql';
import { formFailureRenamed, gql, gqlResult, isApiUnavailable } from './graphql.server';

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

  it('keeps the request id of an internal error, so the page can name it to support', async () => {
    answer = {
      status: 200,
      body: {
        errors: [
          {
            message: 'Something went wrong on our side.',
            extensions: { code: 'INTERNAL_SERVER_ERROR', messageKey: 'errors.internal', requestId: 'f1828-40b' },
          },
        ],
      },
    };
    const error = await thrownBy(gql(browserRequest(), DashboardServerInfoDocument));
    expect((error as Response).status).toBe(500);
    expect(await (error as Response).json()).toEqual({
      messageKey: 'errors.internal',
      params: { requestId: 'f1828-40b' },
    });
  });

  it('sends the session token from the cookie as a Bearer token, with the reader IP and browser', async () => {
    answer = { status: 200, body: { data: { serverInfo: { version: '1', time: '2025-01-15T07:05:09.000Z' } } } };
    await gql(
      browserRequest({
        Cookie: 'lng=id; bz_session=bzs_abcdefghijklmnop',
        'X-Forwarded-For': '203.0.113.9',
        'User-Agent': 'Mozilla/5.0 (Android 14) Chrome/131',
      }),
      DashboardServerInfoDocument,
    );
    expect(received[0]?.headers).toMatchObject({
      authorization: 'Bearer bzs_abcdefghijklmnop',
      'x-forwarded-for': '203.0.113.9',
      'user-agent': 'Mozilla/5.0 (Android 14) Chrome/131',
    });
  });

  it('sends no Authorization header when nobody is signed in', async () => {
    answer = { status: 200, body: { data: { serverInfo: { version: '1', time: '2025-01-15T07:05:09.000Z' } } } };
    await gql(browserRequest(), DashboardServerInfoDocument);
    expect(received[0]?.headers.authorization).toBeUndefined();
  });

  it('turns a refused session into a redirect to /login that clears the cookie', async () => {
    answer = {
      status: 200,
      body: { errors: [{ message: 'Please sign in.', extensions: { code: 'UNAUTHENTICATED' } }] },
    };
    const error = await thrownBy(
      gql(
        new Request('http://dashboard.test/settings/roles.data?_routes=x', {
          headers: { Cookie: 'bz_session=bzs_revokedrevoked' },
        }),
        DashboardServerInfoDocument,
      ),
    );
    expect((error as Response).status).toBe(302);
    expect((error as Response).headers.get('Location')).toBe(
      '/login?redirectTo=%2Fsettings%2Froles&notice=sessionExpired',
    );
    expect((error as Response).headers.get('Set-Cookie')).toMatch(/^bz_session=; Max-Age=0/);
  });

  it.each([
    ['PASSWORD_CHANGE_REQUIRED', 302],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    // A page's own parameters a reader can edit (a tampered ?after= cursor): their mistake, never a 500.
    ['BAD_USER_INPUT', 400],
  ])('answers %s with status %d', async (code, status) => {
    answer = { status: 200, body: { errors: [{ message: 'x', extensions: { code, messageKey: 'auth.forbidden' } }] } };
    const error = (await thrownBy(gql(browserRequest(), DashboardServerInfoDocument))) as Response;
    expect(error.status).toBe(status);
    if (code === 'PASSWORD_CHANGE_REQUIRED') expect(error.headers.get('Location')).toBe('/change-password');
  });

  it('hands form errors back with their key, params and fields (gqlResult never throws)', async () => {
    answer = {
      status: 200,
      body: {
        errors: [
          {
            message: 'Too many failed sign-in attempts. Try again in 15 minutes.',
            extensions: { code: 'ACCOUNT_LOCKED', messageKey: 'auth.locked', params: { minutes: 15, nested: {} } },
          },
        ],
      },
    };
    expect(await gqlResult(browserRequest(), DashboardServerInfoDocument)).toEqual({
      error: { code: 'ACCOUNT_LOCKED', message: { key: 'auth.locked', params: { minutes: 15 } }, fields: {} },
    });

    answer = {
      status: 200,
      body: {
        errors: [
          {
            message: 'Beberapa isian tidak valid.',
            extensions: {
              code: 'BAD_USER_INPUT',
              messageKey: 'errors.somethingNew',
              fields: {
                'input.newPassword': 'auth.passwordTooShort',
                name: 'not.a.key',
                'input.email': 'validation.isLength',
                'input.variables.2.value': 'validation.required',
              },
              fieldParams: { 'input.email': { min: 3, max: 254 } },
              fieldMessages: { 'input.email': 'Gunakan 3 sampai 254 karakter.' },
            },
          },
        ],
      },
    };
    expect(await gqlResult(browserRequest(), DashboardServerInfoDocument)).toEqual({
      error: {
        code: 'BAD_USER_INPUT',
        // A key this dashboard does not know yet: the API's own sentence, already in the reader's language.
        message: { text: 'Beberapa isian tidak valid.' },
        fields: {
          newPassword: { key: 'auth.passwordTooShort' },
          name: { key: 'validation.invalid' },
          // No text of its own for this key: the API's translation, with its per-field parameters applied there.
          email: { text: 'Gunakan 3 sampai 254 karakter.' },
          // A row of a list keeps its whole path too, so the form can show it beside that row.
          value: { key: 'validation.required' },
          'variables.2.value': { key: 'validation.required' },
        },
      },
    });
  });

  it('throws a 502 response (errors.apiUnavailable) when the API cannot be reached', async () => {
    await new Promise((resolve) => server.close(resolve));
    const error = await thrownBy(gql(browserRequest(), DashboardServerInfoDocument));
    expect(isApiUnavailable(error)).toBe(true);
    expect(await (error as Response).json()).toEqual({ messageKey: 'errors.apiUnavailable' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"event":"api_unreachable"'));
  });
});

describe('formFailureRenamed', () => {
  it('shows the API’s refusal of `password` beside the form’s `newPassword`, and leaves other fields alone', () => {
    const error = {
      code: 'BAD_USER_INPUT',
      message: { key: 'errors.validation' as const },
      fields: { password: { key: 'validation.tooShort' as const, params: { count: 12 } }, name: { text: 'Nama?' } },
    };
    expect(formFailureRenamed(error, { password: 'newPassword' })).toEqual({
      formError: { key: 'errors.validation' },
      fieldErrors: { newPassword: { key: 'validation.tooShort', params: { count: 12 } }, name: { text: 'Nama?' } },
    });
  });

  it('keeps a failure without fields as it is', () => {
    const error = { code: 'FORBIDDEN', message: { key: 'errors.generic' as const }, fields: {} };
    expect(formFailureRenamed(error, { password: 'newPassword' })).toEqual({ formError: { key: 'errors.generic' } });
  });
});
