import { GraphQLError } from 'graphql';
import { AppError } from '../src/core/app-error';
import { shapeError } from '../src/graphql/errors';
import { renderSchema } from '../src/graphql/emit-schema';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApi, type TestApi } from './support/api';

describe('GraphQL limits and error shaping over HTTP', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({
      env: { GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_ALIASES: '3', GRAPHQL_MAX_COMPLEXITY: '10' },
    });
  });
  afterAll(() => api.stop());

  it('rejects an unknown field with GRAPHQL_VALIDATION_FAILED and no stack trace', async () => {
    const { status, body } = await api.graphql('{ serverInfo { nope } }');
    expect(status).toBe(400);
    expect(body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at \w+ \(/);
  });

  it('rejects a query deeper than GRAPHQL_MAX_DEPTH before resolving it', async () => {
    const { body } = await api.graphql('{ serverInfo { name } }');
    expect(body.errors).toBeUndefined();
    // A fragment cannot hide depth.
    const deep = await api.graphql(
      '{ ...F } fragment F on Query { __type(name: "Query") { fields { type { ofType { name } } } } }',
    );
    expect(deep.body.errors?.[0]).toMatchObject({
      message: 'This query is nested too deeply (more than 3 levels).',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', messageKey: 'errors.queryTooDeep' },
    });
  });

  it('rejects more aliases than GRAPHQL_MAX_ALIASES', async () => {
    const { body } = await api.graphql(
      '{ a: serverInfo { name } b: serverInfo { name } c: serverInfo { name } d: serverInfo { name } }',
    );
    expect(body.errors?.[0].message).toBe('This query uses too many aliases (more than 3).');
  });

  it('rejects an operation over the complexity budget with QUERY_TOO_COMPLEX, in the caller’s language', async () => {
    const query =
      '{ a: serverInfo { name version time } b: serverInfo { name version time } c: serverInfo { name version time } }';
    const english = await api.graphql(query);
    expect(english.body.errors?.[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      params: { maximum: 10, complexity: 12 },
    });
    expect(english.body.errors?.[0].message).toMatch(/too complex/);
    const indonesian = await api.graphql(query, {}, { 'accept-language': 'id-ID,id;q=0.9,en;q=0.5' });
    expect(indonesian.body.errors?.[0].message).toMatch(/terlalu kompleks/);
    expect(english.body.data).toBeUndefined();
  });

  it('names each invalid input field with a message key and its message in the reader’s language', async () => {
    const { body } = await api.graphql(
      'mutation ($input: LoginInput!) { login(input: $input) { status } }',
      { input: { email: 'ab', password: '' } },
      { 'accept-language': 'id' },
    );
    expect(body.errors?.[0]).toMatchObject({
      message: 'Beberapa isian tidak valid.',
      extensions: {
        code: 'BAD_USER_INPUT',
        messageKey: 'errors.validation',
        fields: { email: 'validation.isLength', password: 'validation.isLength' },
        fieldParams: { email: { min: 3, max: 254 }, password: { min: 1, max: 128 } },
        fieldMessages: { email: 'Gunakan 3 sampai 254 karakter.', password: 'Gunakan 1 sampai 128 karakter.' },
      },
    });
    // class-validator's own English never reaches the caller.
    expect(JSON.stringify(body)).not.toMatch(/must be longer|must be shorter/);
  });

  it('answers a variable of the wrong type with BAD_USER_INPUT, not an internal error', async () => {
    const { status, body } = await api.graphql('mutation ($input: LoginInput!) { login(input: $input) { status } }', {
      input: { email: {}, password: 'x' },
    });
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('blocks a GET query without a CSRF-safe content type (Apollo CSRF prevention)', async () => {
    const response = await fetch(`${api.url}/api/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
  });
});

describe('query cost and schema exposure with the default limits', () => {
  let api: TestApi;
  let closed: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    closed = await startTestApi({ env: { GRAPHQL_INTROSPECTION: 'false' } });
  });
  afterAll(async () => {
    await api.stop();
    await closed.stop();
  });

  it('refuses 30 aliases of a 200-row page by its cost, with QUERY_TOO_COMPLEX', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: auditLog(limit: 200) { items { id action } }`);
    const { status, body } = await api.graphql(`{ ${aliases.join(' ')} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
    // One page of the same size costs 1 + 200 x (items, id, action and the page) and passes the limit's check.
    const one = await api.graphql('{ auditLog(limit: 200) { items { id action } } }');
    expect(one.body.errors?.[0].extensions?.code).not.toBe('QUERY_TOO_COMPLEX');
  });

  it('answers introspection and gives field suggestions only when introspection is on', async () => {
    expect((await api.graphql('{ __schema { queryType { name } } }')).body.data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
    const refused = await closed.graphql('{ __schema { queryType { name } } }');
    expect(refused.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await closed.graphql('{ serverInf { name } }');
    expect(typo.body.errors?.[0].message).not.toMatch(/Did you mean/);
    expect((await api.graphql('{ serverInf { name } }')).body.errors?.[0].message).toMatch(/Did you mean/);
  });
});

describe('shapeError', () => {
  const formatted = { message: 'raw', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } };

  it('maps an AppError to its code, a translated message and the key the dashboard translates', () => {
    const error = new GraphQLError('x', { originalError: new AppError('NOT_FOUND', 'errors.notFound') });
    expect(shapeError(formatted, error, { language: 'id', requestId: 'r1' })).toEqual({
      message: 'Tidak ditemukan.',
      extensions: { code: 'NOT_FOUND', messageKey: 'errors.notFound', params: {} },
    });
  });

  it('hides an unexpected error behind a generic message with the request id, in every mode', () => {
    const leaky = new GraphQLError('x', {
      originalError: new Error(
        'duplicate key value violates unique constraint "workspace_slug_unique" password=hunter2',
      ),
    });
    const shaped = shapeError({ ...formatted, message: leaky.originalError!.message }, leaky, {
      language: 'en',
      requestId: 'req-42',
    });
    expect(shaped.extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      messageKey: 'errors.internal',
      requestId: 'req-42',
    });
    expect(shaped.message).toContain('req-42');
    expect(JSON.stringify(shaped)).not.toMatch(/duplicate key|hunter2|stacktrace/);
  });
});

describe('generated artifacts', () => {
  it('schema/schema.graphql matches the resolvers (run `npm run schema` after changing a resolver)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await renderSchema());
  });
});
