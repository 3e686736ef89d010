import { Client } from 'pg';
import {
  COMPACT_CAMPAIGN_TALLY,
  COMPACT_MESSAGE_HOURLY,
  TRY_COMPACTION_LOCK,
} from '../../src/modules/campaigns/message-tallies.sql';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * The counters the `campaign_message` triggers keep, against a fresh `count(*)` over the messages themselves, after
 * a workload of the statements the engine runs (launch inserts, claims, outcomes, status passes, refunds, erasure,
 * a cascade), run side by side on real connections, with rolled-back and killed transactions and a compactor
 * folding the deltas meanwhile.
 */

const DAY_MS = 86_400_000;
const BASE = Date.parse('2026-11-28T00:00:00Z');

interface Tally {
  campaign_id: string;
  status: string;
  messages: string;
  charged: string;
}
interface Hour {
  hour: string;
  sent: string;
  delivered: string;
  read: string;
  failed: string;
  spend: string;
}

// What the tallies must say, computed from the messages as they are now (no trigger involved).
const FRESH_TALLY = `select campaign_id, status, count(*)::text as messages, sum(charged)::text as charged
  from campaign_message group by 1, 2 order by 1, 2`;
const KEPT_TALLY = `select campaign_id, status, sum(messages)::text as messages, sum(charged)::text as charged
  from campaign_tally group by 1, 2 having sum(messages) <> 0 or sum(charged) <> 0 order by 1, 2`;
// Each event in the UTC hour it happened; a charge in the hour the message was sent.
const FRESH_HOURLY = `with events as (
    select date_trunc('hour', sent_at, 'UTC') as hour, 1 as sent, 0 as delivered, 0 as read, 0 as failed, 0::bigint as spend
      from campaign_message where sent_at is not null
    union all select date_trunc('hour', coalesce(delivered_at, read_at), 'UTC'), 0, 1, 0, 0, 0
      from campaign_message where coalesce(delivered_at, read_at) is not null
    union all select date_trunc('hour', read_at, 'UTC'), 0, 0, 1, 0, 0 from campaign_message where read_at is not null
    union all select date_trunc('hour', failed_at, 'UTC'), 0, 0, 0, 1, 0 from campaign_message where failed_at is not null
    union all select date_trunc('hour', coalesce(sent_at, created_at), 'UTC'), 0, 0, 0, 0, charged
      from campaign_message where charged <> 0
  )
  select hour::text, sum(sent)::text as sent, sum(delivered)::text as delivered, sum(read)::text as read,
         sum(failed)::text as failed, sum(spend)::text as spend
  from events group by hour order by hour`;
const KEPT_HOURLY = `select hour::text, sum(sent)::text as sent, sum(delivered)::text as delivered, sum(read)::text as read,
         sum(failed)::text as failed, sum(spend)::text as spend
  from message_hourly group by hour
  having sum(sent) <> 0 or sum(delivered) <> 0 or sum(read) <> 0 or sum(failed) <> 0 or sum(spend) <> 0
  order by hour`;

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  // A connection this test kills on purpose reports the loss here instead of crashing the run.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** A random instant in the 4 days from BASE, as an ISO string. */
function someTime(random: () => number): string {
  return new Date(BASE + Math.floor(random() * 4 * DAY_MS)).toISOString();
}

/** A small seeded generator, so a failure replays. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('campaign and hourly tallies kept by triggers', () => {
  let database: TestDatabase;
  let db: Client;
  let workspaceId: string;
  const campaigns: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await connect(database.url);
    const { rows } = await db.query<{ id: string }>(
      `insert into workspace (id, created_at, updated_at, name, slug) values (gen_random_uuid(), now(), now(), 'Tally', 'tally')
       returning id`,
    );
    workspaceId = rows[0]!.id;
    for (const name of ['A', 'B', 'C', 'Doomed']) {
      const created = await db.query<{ id: string }>(
        `insert into campaign (id, created_at, updated_at, workspace_id, name, status, price)
         values (gen_random_uuid(), now(), now(), $1, $2, 'RUNNING', 500) returning id`,
        [workspaceId, name],
      );
      campaigns.push(created.rows[0]!.id);
    }
  });
  afterAll(async () => {
    await db.end();
    await database.drop();
  });

  async function launch(client: Client, campaignId: string, count: number, offset: number): Promise<void> {
    // The launch's shape: one set-based insert of QUEUED rows.
    await client.query(
      `insert into campaign_message (id, created_at, updated_at, workspace_id, campaign_id, phone, status)
       select gen_random_uuid(), $4::timestamptz, now(), $1, $2, '+62812' || lpad((n + $5)::text, 8, '0'), 'QUEUED'
       from generate_series(1, $3::int) n`,
      [workspaceId, campaignId, count, new Date(BASE).toISOString(), offset],
    );
  }

  /** One pass of a status-changing statement like the engine's, on whichever campaign the dice pick. */
  async function pass(client: Client, random: () => number): Promise<void> {
    const campaignId = campaigns[Math.floor(random() * 3)]!;
    const at = someTime(random);
    const step = Math.floor(random() * 7);
    const statements = [
      // The claim: QUEUED -> SENDING, skip locked.
      `update campaign_message set status = 'SENDING', claimed_at = $2::timestamptz, updated_at = now()
       where id in (select id from campaign_message where campaign_id = $1 and status = 'QUEUED'
                    order by id limit 40 for update skip locked)`,
      // Accepted: SENDING -> SENT, charged.
      `update campaign_message set status = 'SENT', sent_at = $2::timestamptz, charged = 500, updated_at = now()
       where id in (select id from campaign_message where campaign_id = $1 and status = 'SENDING' limit 40 for update skip locked)`,
      // A permanent error at send: SENDING -> FAILED, no charge.
      `update campaign_message set status = 'FAILED', failed_at = $2::timestamptz, error_code = 131026, updated_at = now()
       where id in (select id from campaign_message where campaign_id = $1 and status = 'SENDING' limit 10)`,
      // A status pass, no skip locked: two passes over the same rows wait for each other.
      `update campaign_message set status = 'DELIVERED', delivered_at = $2::timestamptz, updated_at = now()
       where status = 'SENT' and id in (select id from campaign_message where campaign_id = $1 and status = 'SENT'
                                        and hashtext(id::text) % 3 = 0 order by id for update)`,
      `update campaign_message set status = 'READ', read_at = $2::timestamptz, updated_at = now()
       where status in ('SENT', 'DELIVERED') and id in (select id from campaign_message where campaign_id = $1
         and status in ('SENT', 'DELIVERED') and hashtext(id::text) % 4 = 1 order by id for update)`,
      // Failed after it was sent: refunded.
      `update campaign_message set status = 'FAILED', failed_at = $2::timestamptz, charged = 0, updated_at = now()
       where status = 'SENT' and id in (select id from campaign_message where campaign_id = $1 and status = 'SENT'
                                        and hashtext(id::text) % 5 = 2 order by id for update)`,
      // Erasure: a change that moves no counter.
      `update campaign_message set phone = null, updated_at = now() where campaign_id = $1 and hashtext(id::text) % 50 = 7 and $2::timestamptz is not null`,
    ];
    await client.query(statements[step]!, [campaignId, at]);
  }

  it('equal a fresh count after concurrent status passes, rollbacks, a killed transaction and compactions', async () => {
    await launch(db, campaigns[0]!, 600, 0);
    await launch(db, campaigns[1]!, 600, 1000);
    await launch(db, campaigns[3]!, 100, 3000);
    const workers = await Promise.all(Array.from({ length: 5 }, () => connect(database.url)));
    const compactor = await connect(database.url);
    let running = true;
    let compactions = 0;
    const compacting = (async () => {
      while (running) {
        await compactor.query('begin');
        const locked = await compactor.query<{ locked: boolean }>(TRY_COMPACTION_LOCK.text);
        if (locked.rows[0]!.locked) {
          await compactor.query(COMPACT_CAMPAIGN_TALLY.text);
          await compactor.query(COMPACT_MESSAGE_HOURLY.text);
          compactions++;
        }
        await compactor.query('commit');
      }
    })();
    await Promise.all(
      workers.map(async (client, index) => {
        const random = seeded(index + 1);
        for (let round = 0; round < 60; round++) {
          if (round === 20 && index === 0) await launch(client, campaigns[2]!, 300, 2000);
          await client.query('begin');
          try {
            await pass(client, random);
            // Work that rolls back leaves no trace in the tallies.
            if (round % 9 === 4) {
              await pass(client, random);
              await client.query('rollback');
            } else {
              await client.query('commit');
            }
          } catch (error) {
            // Two passes of one transaction may lock rows in an order another's waits on: PostgreSQL rolls one back,
            // as the engine's inTransaction would see it.
            if ((error as { code?: string }).code !== '40P01') throw error;
            await client.query('rollback');
          }
        }
      }),
    );
    // A transaction whose connection dies mid-way (a crashed worker): the server rolls it back.
    const doomed = await connect(database.url);
    await doomed.query('begin');
    await doomed.query(
      `update campaign_message set status = 'SENT', sent_at = now(), charged = 999 where status = 'QUEUED'`,
    );
    const doomedPid = (await doomed.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    await db.query('select pg_terminate_backend($1)', [doomedPid]);
    // A campaign deleted with its messages (the cascade) takes its tally with it.
    await db.query('delete from campaign where id = $1', [campaigns[3]]);
    running = false;
    await compacting;
    await Promise.all([...workers, compactor].map((client) => client.end()));

    const fresh = await db.query<Tally>(FRESH_TALLY);
    const statuses = new Set(fresh.rows.map((row) => row.status));
    // The workload reached every state it can, or the comparison would prove less than it claims.
    expect([...statuses].sort()).toEqual(['DELIVERED', 'FAILED', 'QUEUED', 'READ', 'SENDING', 'SENT']);
    expect(compactions).toBeGreaterThan(0);
    expect((await db.query<Tally>(KEPT_TALLY)).rows).toEqual(fresh.rows);
    expect((await db.query<Hour>(KEPT_HOURLY)).rows).toEqual((await db.query<Hour>(FRESH_HOURLY)).rows);
    expect(fresh.rows.some((row) => row.campaign_id === campaigns[3])).toBe(false);
    expect(
      Number(
        (await db.query('select count(*) from campaign_tally where campaign_id = $1', [campaigns[3]])).rows[0].count,
      ),
    ).toBe(0);
  });

  it('fold into one row per key without changing a sum', async () => {
    const before = (await db.query<Tally>(KEPT_TALLY)).rows;
    const hoursBefore = (await db.query<Hour>(KEPT_HOURLY)).rows;
    await db.query('begin');
    await db.query(TRY_COMPACTION_LOCK.text);
    await db.query(COMPACT_CAMPAIGN_TALLY.text);
    await db.query(COMPACT_MESSAGE_HOURLY.text);
    await db.query('commit');
    const duplicates = await db.query(
      `select 1 from campaign_tally group by campaign_id, status having count(*) > 1
       union all select 1 from message_hourly group by workspace_id, hour having count(*) > 1`,
    );
    expect(duplicates.rowCount).toBe(0);
    expect((await db.query<Tally>(KEPT_TALLY)).rows).toEqual(before);
    expect((await db.query<Hour>(KEPT_HOURLY)).rows).toEqual(hoursBefore);
  });
});
