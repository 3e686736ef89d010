import { Client } from 'pg';
import { ManualClock } from '../../src/core/clock';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';

const STATISTICS = `query ($days: Int!) {
  messageStatistics {
    timeZone
    today { sent delivered read failed deliveryRate readRate spend }
    last7Days { sent delivered read failed deliveryRate readRate spend }
    last30Days { sent delivered read failed deliveryRate readRate spend }
    daily(days: $days) { day sent delivered read failed spend }
  }
}`;

interface Period {
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  deliveryRate: number | null;
  readRate: number | null;
  spend: number;
}
interface Statistics {
  messageStatistics: {
    timeZone: string;
    today: Period;
    last7Days: Period;
    last30Days: Period;
    daily: { day: string; sent: number; delivered: number; read: number; failed: number; spend: number }[];
  };
}

/**
 * The overview's message statistics: days in the workspace's own zone (WIB UTC+7, WITA UTC+8, WIT UTC+9), "today"
 * by the platform's clock, each event on the day it happened. The expected days below were worked out by hand from
 * the UTC instants and the zones' offsets.
 */
describe('messageStatistics', () => {
  const clock = new ManualClock(new Date('2026-12-01T10:00:00Z'));
  let api: TestApi;
  let db: Client;
  let owner: TestMember;

  async function ask(days = 3, member = owner) {
    return api.graphql<Statistics>(STATISTICS, { days }, { authorization: `Bearer ${member.sessionToken}` });
  }

  beforeAll(async () => {
    api = await startTestApi({ clock });
    const em = () => api.running.orm.em.fork();
    owner = await createMember(em(), await createWorkspace(em(), 'Toko Statistik'), 'owner');
    db = new Client({ connectionString: api.database.url });
    await db.connect();
    const { rows } = await db.query<{ id: string }>(
      `insert into campaign (id, created_at, updated_at, workspace_id, name, status, price)
       values (gen_random_uuid(), now(), now(), $1, 'Akhir Tahun', 'COMPLETED', 500) returning id`,
      [owner.workspace.id],
    );
    // Six messages sent around the three zones' midnights of 1 December: 17:00Z is 00:00 WIB, 16:00Z 00:00 WITA,
    // 15:00Z 00:00 WIT. The last is delivered 30 s after it was sent and read on 1 December 02:00Z.
    await db.query(
      `insert into campaign_message (id, created_at, updated_at, workspace_id, campaign_id, phone, status, charged,
                                     sent_at, delivered_at, read_at)
       select gen_random_uuid(), '2026-11-30T00:00:00Z', now(), $1, $2, '+6281200000' || n, s.status, s.charged,
              s.sent_at::timestamptz, s.delivered_at::timestamptz, s.read_at::timestamptz
       from (values
         (1, 'SENT', 500, '2026-11-30T14:59:59Z', null, null),
         (2, 'SENT', 500, '2026-11-30T15:00:00Z', null, null),
         (3, 'SENT', 500, '2026-11-30T15:59:59Z', null, null),
         (4, 'SENT', 500, '2026-11-30T16:00:00Z', null, null),
         (5, 'DELIVERED', 500, '2026-11-30T16:59:59Z', '2026-11-30T17:00:29Z', null),
         (6, 'READ', 500, '2026-11-30T17:00:00Z', '2026-11-30T17:00:30Z', '2026-12-01T02:00:00Z')
       ) as s (n, status, charged, sent_at, delivered_at, read_at)`,
      [owner.workspace.id, rows[0]!.id],
    );
  });
  afterAll(async () => {
    await db.end();
    await api.stop();
  });

  async function inZone(zone: string) {
    await db.query('update workspace set time_zone = $2 where id = $1', [owner.workspace.id, zone]);
    const answer = await ask();
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data!.messageStatistics;
  }

  const day = (date: string, sent: number, delivered = 0, read = 0) => ({
    day: date,
    sent,
    delivered,
    read,
    failed: 0,
    spend: sent * 500,
  });

  it('puts each message on the day it was sent in WIB, and its delivery and read on theirs', async () => {
    clock.set(new Date('2026-12-01T10:00:00Z')); // 17:00 WIB, 1 December
    const stats = await inZone('Asia/Jakarta');
    expect(stats.timeZone).toBe('ASIA_JAKARTA');
    expect(stats.daily).toEqual([day('2026-11-29', 0), day('2026-11-30', 5), day('2026-12-01', 1, 2, 1)]);
    expect(stats.today).toEqual({
      sent: 1,
      delivered: 2,
      read: 1,
      failed: 0,
      deliveryRate: 1,
      readRate: 0.5,
      spend: 500,
    });
    expect(stats.last7Days).toMatchObject({ sent: 6, delivered: 2, read: 1, spend: 3000 });
    expect(stats.last7Days.deliveryRate).toBeCloseTo(2 / 6, 10);
  });

  it('splits the same messages at midnight WITA and midnight WIT', async () => {
    expect((await inZone('Asia/Makassar')).daily).toEqual([
      day('2026-11-29', 0),
      day('2026-11-30', 3),
      day('2026-12-01', 3, 2, 1),
    ]);
    expect((await inZone('Asia/Jayapura')).daily).toEqual([
      day('2026-11-29', 0),
      day('2026-11-30', 1),
      day('2026-12-01', 5, 2, 1),
    ]);
  });

  it('starts a new "today" at midnight in the workspace zone by the platform clock', async () => {
    clock.set(new Date('2026-12-01T14:59:59Z')); // 23:59:59 WIT, 1 December
    expect((await inZone('Asia/Jayapura')).today).toMatchObject({ sent: 5, delivered: 2, read: 1, spend: 2500 });
    clock.set(new Date('2026-12-01T15:00:00Z')); // 00:00 WIT, 2 December
    const stats = await inZone('Asia/Jayapura');
    expect(stats.today).toEqual({
      sent: 0,
      delivered: 0,
      read: 0,
      failed: 0,
      deliveryRate: null,
      readRate: null,
      spend: 0,
    });
    expect(stats.daily.map((row) => row.day)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
    expect(stats.last30Days).toMatchObject({ sent: 6, spend: 3000 });
  });

  it('follows a refund: a message that failed after it was sent no longer counts as spend', async () => {
    clock.set(new Date('2026-12-01T10:00:00Z'));
    await db.query(
      `update campaign_message set status = 'FAILED', failed_at = '2026-12-01T03:00:00Z', charged = 0
       where workspace_id = $1 and phone = '+62812000004'`,
      [owner.workspace.id],
    );
    const stats = await inZone('Asia/Jakarta');
    // Sent 16:00Z on 30 November (23:00 WIB): that day's spend drops; the failure counts on 1 December.
    expect(stats.daily.slice(1)).toEqual([
      { ...day('2026-11-30', 5), spend: 2000 },
      { ...day('2026-12-01', 1, 2, 1), failed: 1 },
    ]);
  });

  it('answers 30 days by default and refuses more than 90 with BAD_USER_INPUT', async () => {
    const thirty = await ask(30);
    expect(thirty.body.data!.messageStatistics.daily).toHaveLength(30);
    const ninety = await ask(90);
    expect(ninety.body.data!.messageStatistics.daily).toHaveLength(90);
    expect(ninety.body.data!.messageStatistics.daily.at(-1)!.day).toBe('2026-12-01');
    const tooMany = await ask(91);
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows another workspace nothing of this one', async () => {
    const em = api.running.orm.em.fork();
    const stranger = await createMember(em, await createWorkspace(em, 'Toko Lain'), 'owner');
    const answer = await ask(3, stranger);
    expect(answer.body.data!.messageStatistics.last30Days).toMatchObject({ sent: 0, delivered: 0, spend: 0 });
  });
});
