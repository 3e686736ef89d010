import { runEntry } from './support/processes';
import { createTestDatabase, type TestDatabase } from './support/database';
import { waitFor } from './support/wait';
import { freePort } from './support/ports';

describe('a process that cannot start', () => {
  it('exits non-zero naming a malformed DATABASE_URL', async () => {
    const api = runEntry('main.ts', { DATABASE_URL: 'mysql://user:pw@localhost/db' });
    expect((await api.exited).code).toBe(1);
    expect(api.output()).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
  });

  it('exits non-zero naming DATABASE_URL when nothing answers there, without printing its password', async () => {
    const port = await freePort();
    const api = runEntry('main.ts', {
      DATABASE_URL: `postgres://bizone:s3cretpw@127.0.0.1:${port}/bizone`,
      LOG_LEVEL: 'silent',
    });
    expect((await api.exited).code).toBe(1);
    expect(api.output()).toMatch(/DATABASE_URL postgres:\/\/bizone:\*\*\*@127\.0\.0\.1:\d+\/bizone: cannot connect/);
    expect(api.output()).not.toContain('s3cretpw');
  });

  it('refuses to start in production with simulators on and secrets missing, naming each', async () => {
    const worker = runEntry('worker.ts', {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://bizone:pw@127.0.0.1:5432/bizone',
      SIMULATORS: 'true',
    });
    expect((await worker.exited).code).toBe(1);
    for (const name of [
      'SIMULATORS',
      'SESSION_SECRET',
      'ENCRYPTION_KEY',
      'META_APP_SECRET',
      'MIDTRANS_SERVER_KEY',
      'MIDTRANS_MERCHANT_ID',
    ]) {
      expect(worker.output()).toContain(`${name}:`);
    }
  });
});

describe('a process on a database with pending migrations', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase({ migrated: false });
  });
  afterEach(() => database.drop());

  it.each(['main.ts', 'worker.ts'])('%s refuses to serve, naming the command that fixes it', async (entry) => {
    const spawned = runEntry(entry, { DATABASE_URL: database.url, LOG_LEVEL: 'silent', JOBS_IN_PROCESS: 'false' });
    expect((await spawned.exited).code).toBe(1);
    expect(spawned.output()).toMatch(/pending migration\(s\) \(Migration20261124000000Foundation, /);
    expect(spawned.output()).toContain('run `npm run db:migrate` first');
  });

  it('two `npm run db:migrate` on separate hosts at the same moment: one applies everything, the other nothing', async () => {
    const migrators = [0, 1].map(() =>
      runEntry('db/migrate-cli.ts', { DATABASE_URL: database.url, LOG_LEVEL: 'silent' }),
    );
    const exits = await Promise.all(migrators.map((migrator) => migrator.exited));
    expect(exits.map((exit) => exit.code)).toEqual([0, 0]);
    const outputs = migrators.map((migrator) => migrator.output().trim()).sort();
    // Sorted: "Applied: ..." before "Database schema is up to date."
    expect(outputs[0]).toMatch(/^Applied: Migration20261124000000Foundation, /);
    expect(outputs[1]).toBe('Database schema is up to date.');
    // Afterwards the API starts on it.
    const api = runEntry('main.ts', {
      DATABASE_URL: database.url,
      LOG_LEVEL: 'info',
      API_PORT: '0',
      JOBS_IN_PROCESS: 'false',
    });
    await waitFor(() => /api listening/.test(api.output()));
    api.child.kill('SIGTERM');
    expect((await api.exited).code).toBe(0);
  });
});

describe('npm run seed:admin', () => {
  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://bizone:pw@127.0.0.1:5432/bizone_not_here',
    SESSION_SECRET: 'a-production-session-secret-0123456789abcdef',
    ENCRYPTION_KEY: 'a-production-encryption-key-0123456789abcdef',
    META_APP_ID: '1234567890',
    META_APP_SECRET: 'a-production-meta-secret',
    META_VERIFY_TOKEN: 'a-production-verify-token',
    MIDTRANS_SERVER_KEY: 'Mid-server-production-key',
    MIDTRANS_CLIENT_KEY: 'Mid-client-production-key',
    MIDTRANS_MERCHANT_ID: 'G987654321',
    ADMIN_PASSWORD: 'a-new-admin-password',
  };

  it('refuses production without --production, before touching the database, naming the flag', async () => {
    const seed = runEntry('db/seed-admin-cli.ts', production);
    expect((await seed.exited).code).toBe(1);
    expect(seed.output()).toContain('NODE_ENV=production: this resets the password of admin@bizone.id');
    expect(seed.output()).toContain('npm run seed:admin -- --production');
    expect(seed.output()).not.toContain('cannot connect');
    expect(seed.output()).not.toContain(':pw@');
  });
});
