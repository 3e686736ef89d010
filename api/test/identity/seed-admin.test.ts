import { startTestApi, type TestApi } from '../support/api';
import { runEntry } from '../support/processes';

const LOGIN = `mutation ($p: String!) { login(input: { email: "admin@bizone.id", password: $p }) { status sessionToken mustChangePassword } }`;

describe('npm run seed:admin', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  async function seed(env: Record<string, string> = {}, args: string[] = []) {
    const cli = runEntry('db/seed-admin-cli.ts', { DATABASE_URL: api.database.url, LOG_LEVEL: 'warn', ...env }, args);
    const { code } = await cli.exited;
    return { code, output: cli.output() };
  }

  it('creates a platform admin who owns the first workspace and must change the default password', async () => {
    expect(await seed()).toMatchObject({ code: 0, output: expect.stringContaining('Created admin@bizone.id') });
    const { body } = await api.graphql<{ login: { sessionToken: string; mustChangePassword: boolean } }>(LOGIN, {
      p: 'ChangeMe123!',
    });
    expect(body.data!.login.mustChangePassword).toBe(true);
    const me = await api.graphql<{
      me: { isPlatformAdmin: boolean; workspace: { slug: string }; role: { key: string } };
    }>(
      '{ me { isPlatformAdmin workspace { slug } role { key } } }',
      {},
      { authorization: `Bearer ${body.data!.login.sessionToken}` },
    );
    expect(me.body.data!.me).toEqual({ isPlatformAdmin: true, workspace: { slug: 'bizone' }, role: { key: 'owner' } });
  });

  it('resets the password from ADMIN_PASSWORD, requiring a change again', async () => {
    expect(await seed({ ADMIN_PASSWORD: 'a fresh operator password' })).toMatchObject({
      code: 0,
      output: expect.stringContaining('Reset admin@bizone.id'),
    });
    expect((await api.graphql(LOGIN, { p: 'ChangeMe123!' })).body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const { body } = await api.graphql<{ login: { mustChangePassword: boolean } }>(LOGIN, {
      p: 'a fresh operator password',
    });
    expect(body.data!.login.mustChangePassword).toBe(true);
  });

  it('refuses to invent a password in production, even when asked to run there', async () => {
    const production = {
      NODE_ENV: 'production',
      SESSION_SECRET: 's'.repeat(40),
      ENCRYPTION_KEY: 'e'.repeat(40),
      META_APP_SECRET: 'meta-secret-123',
      META_VERIFY_TOKEN: 'meta-verify-123',
      MIDTRANS_SERVER_KEY: 'server-key-123',
      MIDTRANS_CLIENT_KEY: 'client-key-123',
      MIDTRANS_MERCHANT_ID: 'G123',
      META_APP_ID: '1000000000000001',
    };
    const result = await seed(production, ['--production']);
    expect(result).toMatchObject({
      code: 1,
      output: expect.stringContaining('ADMIN_PASSWORD: required in production'),
    });
  });
});
