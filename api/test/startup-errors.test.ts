import { runEntry } from './support/processes';
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
