import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { metaSignature } from '../../src/modules/channels';
import { createAppOrm } from '../../src/modules';
import { startApiProcess } from '../faults/support';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createWorkspace } from '../support/identity';
import type { Spawned } from '../support/processes';
import { waitFor } from '../support/wait';

const APP_SECRET = 'webhook-kill-app-secret-0123456789';
const PHONE_NUMBER_ID = '106540352242922';
const WABA_ID = '102290129340398';
const BODIES = 40;

/** Meta's `status-sent.json` fixture as a delivered status of its own wamid. */
function deliveredBody(index: number): string {
  const body = JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'meta', 'status-sent.json'), 'utf8'),
  ) as { entry: { changes: { value: { statuses: Record<string, unknown>[] } }[] }[] };
  const change = body.entry[0]!.changes[0]!.value;
  change.statuses = [
    { ...change.statuses[0], id: `wamid.kill-after-200-${index}`, status: 'delivered', timestamp: '1764576000' },
  ];
  return JSON.stringify(body);
}

/**
 * The webhook's promise (issue 18 point 4): a body is stored before its 200 and applied after, so a process killed
 * (SIGKILL, no shutdown) right after answering loses nothing: the API restarted on the same database applies every
 * body left behind, through the `channels.apply-webhooks` job (every minute, bodies older than 30 s), exactly once.
 */
describe('the WhatsApp webhook when the API is killed after its 200s', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  const running: Spawned[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await createAppOrm({ url: database.url, poolMax: 2 });
    const workspace = await createWorkspace(orm.em.fork(), 'Toko Mati Listrik');
    // The channel the statuses are routed to (by phone number id); connected before, its token sealed elsewhere.
    await orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into channel (id, created_at, updated_at, workspace_id, phone_number_id, waba_id, name,
                              access_token_sealed, token_key_id)
         values (gen_random_uuid(), now(), now(), ?, ?, ?, 'Utama', 'sealed-elsewhere', 'k1')`,
        [workspace.id, PHONE_NUMBER_ID, WABA_ID],
      );
  });
  afterAll(async () => {
    for (const api of running) if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill();
    await Promise.all(running.map((api) => api.exited));
    await orm.close(true);
    await database.drop();
  });

  const sql = async <T>(text: string, params: unknown[] = []) =>
    orm.em.fork().getConnection().execute<T[]>(text, params);
  const start = async () => {
    const started = await startApiProcess({ DATABASE_URL: database.url, META_APP_SECRET: APP_SECRET });
    running.push(started.api);
    return started;
  };

  it('applies every status answered 200 before a SIGKILL once the API is back, exactly once', async () => {
    const first = await start();
    // Applying waits behind this lock (statuses are written to message_status), storing does not: the kill comes
    // between each body's 200 and its apply, whatever the machine's speed.
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table message_status in exclusive mode');
    let answers: number[];
    try {
      answers = await Promise.all(
        Array.from({ length: BODIES }, async (_, index) => {
          const text = deliveredBody(index);
          const response = await fetch(`${first.url}/api/webhooks/whatsapp`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(text, APP_SECRET) },
            body: text,
          });
          return response.status;
        }),
      );
      first.api.child.kill('SIGKILL');
      expect(await first.api.exited).toEqual({ code: null, signal: 'SIGKILL' });
    } finally {
      await blocker.query('rollback');
      await blocker.end();
    }
    expect(answers).toEqual(Array.from({ length: BODIES }, () => 200));
    // Every answered body is stored, none applied: the process died first.
    expect(
      await sql('select count(*)::int as stored, count(applied_at)::int as applied from whatsapp_webhook'),
    ).toEqual([{ stored: BODIES, applied: 0 }]);
    expect(await sql('select count(*)::int as count from message_status')).toEqual([{ count: 0 }]);

    // Restarted on the same database, with no more traffic from Meta: the job applies what was left.
    await start();
    await waitFor(
      async () =>
        (
          await sql<{ pending: number }>(
            'select count(*)::int as pending from whatsapp_webhook where applied_at is null',
          )
        )[0]!.pending === 0,
      { what: 'the bodies left behind applied', timeoutMs: 150_000, intervalMs: 1000 },
    );
    const statuses = await sql<{ wamid: string; status: string }>(
      "select wamid, status from message_status where wamid like 'wamid.kill-after-200-%' order by wamid",
    );
    expect(statuses).toEqual(
      Array.from({ length: BODIES }, (_, index) => ({
        wamid: `wamid.kill-after-200-${index}`,
        status: 'delivered',
      })).sort((a, b) => (a.wamid < b.wamid ? -1 : 1)),
    );
    expect(await sql('select count(*)::int as count from whatsapp_webhook where last_error is not null')).toEqual([
      { count: 0 },
    ]);
  }, 240_000);
});
