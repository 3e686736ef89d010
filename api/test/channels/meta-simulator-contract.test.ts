import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMetaSimulator, type MetaSimulatorHandle } from '../../src/simulators/meta';

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'meta', name), 'utf8'),
  ) as Record<string, unknown>;

/** The structure of a JSON value: keys and value types, recursively (arrays by their first element). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [shape(value[0])] : [];
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, shape(inner)]),
    );
  }
  return typeof value;
}

/** The simulator answers in the shapes of Meta's recorded answers (../shared/fixtures/meta). */
describe('the Meta simulator’s contract', () => {
  let meta: MetaSimulatorHandle;
  const token = 'EAAG-contract-token-000000001';

  beforeAll(async () => {
    meta = await startMetaSimulator({ port: 0, isProduction: false, appId: '1000000000000001' });
    const page = fixture('template-list-page.json') as { data: Record<string, unknown>[] };
    meta.simulator.addAccount({ wabaId: '102290129340398', token, templates: [...page.data, ...page.data] });
  });
  afterAll(() => meta.close());

  const get = (path: string, bearer = token) =>
    fetch(`${meta.url}/v21.0/${path}`, { headers: { authorization: `Bearer ${bearer}` } });

  it('pages message_templates like Meta: data, cursors and a next link while more remain', async () => {
    const first = (await (await get('102290129340398/message_templates?limit=2')).json()) as {
      paging: { cursors: { after: string }; next?: string };
    };
    expect(shape(first)).toEqual(shape(fixture('template-list-page.json')));
    expect(first.paging.next).toMatch(/^https:\/\/graph\.facebook\.com\/v21\.0\/102290129340398\/message_templates\?/);
    const last = (await (
      await get(`102290129340398/message_templates?limit=2&after=${first.paging.cursors.after}`)
    ).json()) as { data: unknown[]; paging: { next?: string } };
    expect(last.data).toHaveLength(2);
    expect(last.paging.next).toBeUndefined();
  });

  it('answers a bad token with a Graph error body of Meta’s shape (code 190)', async () => {
    const response = await get('102290129340398/message_templates', 'EAAG-wrong');
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: Record<string, unknown> };
    const expected = fixture('error-rate-limit.json') as { error: Record<string, unknown> };
    const { error_data: _data, ...common } = expected.error;
    expect(shape(body.error)).toMatchObject(shape(common) as object);
    expect(body.error.code).toBe(190);
  });
});
