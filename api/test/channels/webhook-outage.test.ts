import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { metaSignature, WEBHOOK_PATH } from '../../src/modules/channels';
import { ownPostgres, startApiProcess } from '../faults/support';

const APP_SECRET = 'outage-test-app-secret-0123456789';

describe('a Meta webhook during a database outage', () => {
  it('answers 503 (Meta retries), never 200, and without internals in the body', async () => {
    const postgres = await ownPostgres();
    const { api, url } = await startApiProcess({ DATABASE_URL: postgres.url, META_APP_SECRET: APP_SECRET });
    try {
      const body = readFileSync(
        join(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'meta', 'status-delivered.json'),
        'utf8',
      );
      const post = () =>
        fetch(`${url}${WEBHOOK_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(body, APP_SECRET) },
          body,
        });
      // Up: stored and answered.
      expect((await post()).status).toBe(200);
      await postgres.stop();
      const response = await post();
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(text).toContain('retry later');
      expect(text).not.toMatch(/ECONNREFUSED|insert |stack/);
    } finally {
      api.child.kill('SIGKILL');
      await api.exited;
      await postgres.destroy();
    }
  }, 60_000);
});
