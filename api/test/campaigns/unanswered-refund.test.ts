import { Client } from 'pg';
import { waitFor } from '../support/wait';
import { campaignLife, useCampaignWorld } from './life-support';
import { PHONE_NUMBER_ID, PRICE, WABA_ID, type CampaignWorld } from './support';

/**
 * The charge policy's last rule (issue 17 point 3, README "The charge policy"): a message Meta accepted that has no
 * final status 30 days later is refunded by a daily job, once, at the amount it was charged, one ledger entry per
 * campaign (n x price); a delivered message is not. Real connections: two job runs race and still refund once.
 *
 * No GraphQL after the clock moves a month on (the test sessions expire a day after the wall clock): the wallet and
 * the messages are read directly.
 *
 * The job also races the other refund path, a status pass applying a `failed` that arrives for the same message at
 * the same moment: each message is refunded once, by whichever of the two locks it first. The interleavings are
 * made by the test, not by timing: a connection of the test holds the wallet's row, so the first of the two stops
 * inside its transaction (its messages claimed) until the second is seen waiting in pg_locks.
 */
describe('the daily refund of messages with no final status after 30 days', () => {
  let world: CampaignWorld;
  const { launch, money } = campaignLife(() => world);

  let blocker: Client | undefined;
  // Declared before the world's hooks: jest runs after-hooks in reverse, so this connection ends before the world
  // drops its database.
  afterAll(async () => {
    await blocker?.end();
  });
  useCampaignWorld((started) => (world = started), { fund: 1_000_000n });
  beforeAll(async () => {
    blocker = new Client({ connectionString: world.api.database.url });
    await blocker.connect();
  });

  const DAY_MS = 24 * 3_600_000;
  const job = () => world.api.running.services.campaigns.dispatch.refundUnanswered(world.em());
  const refunds = (campaignId: string) =>
    world.sql<{ amount: string; details: { messages: number } }>(
      `select amount::text as amount, details from ledger_entry
       where workspace_id = ? and actor = ? and kind = 'REFUND' order by created_at, id`,
      [world.workspaceId, `campaign:${campaignId}`],
    );
  const charged = (campaignId: string) =>
    world.sql<{ status: string; charged: string }>(
      `select status, charged::text as charged from campaign_message where campaign_id = ? order by phone`,
      [campaignId],
    );

  it('refunds each unanswered message once, in one entry per campaign, after 30 days and not before', async () => {
    // Delivered: its statuses reach the portal. It keeps its charge.
    const delivered = await launch(1);
    await world.dispatch();
    await world.deliverStatuses(5000);
    expect(await charged(delivered.id)).toEqual([{ status: 'DELIVERED', charged: PRICE.toString() }]);
    // Unanswered: Meta accepted them, and no status ever comes.
    world.meta.simulator.sends.configure({ webhooks: { url: 'http://127.0.0.1:9/nowhere' } });
    const silent = await launch(3);
    await world.dispatch();
    expect((await charged(silent.id)).map((row) => row.status)).toEqual(['SENT', 'SENT', 'SENT']);
    const before = await money();

    world.clock.advance(30 * DAY_MS - 60_000);
    expect(await job()).toBe(0);
    expect(await refunds(silent.id)).toEqual([]);

    world.clock.advance(60_000);
    // Two runs of the job at once, each on its own connections.
    const runs = await Promise.all([job(), job()]);
    expect(runs[0]! + runs[1]!).toBe(3);
    expect(await refunds(silent.id)).toEqual([
      { amount: (3n * PRICE).toString(), details: expect.objectContaining({ messages: 3 }) },
    ]);
    expect(await charged(silent.id)).toEqual(Array.from({ length: 3 }, () => ({ status: 'SENT', charged: '0' })));
    expect(await refunds(delivered.id)).toEqual([]);
    expect(await charged(delivered.id)).toEqual([{ status: 'DELIVERED', charged: PRICE.toString() }]);

    // The next day's run finds nothing left to refund.
    world.clock.advance(DAY_MS);
    expect(await job()).toBe(0);
    const after = await money();
    expect(after.balance).toBe(before.balance + 3n * PRICE);
    expect({ balance: after.ledgerBalance, held: after.ledgerHeld }).toEqual({
      balance: after.balance,
      held: after.held,
    });
  });

  const pass = () => world.api.running.services.campaigns.dispatch.tick(world.em());
  const webhookUrl = () => `${world.api.url}/api/webhooks/whatsapp`;

  /** `count` messages Meta accepted whose statuses never reach the portal: SENT and charged. */
  async function silentlySent(count: number) {
    // The owner signs in again at the test's clock (the earlier tests moved it months past the session's life).
    await world.sql(`update session set created_at = ?, last_seen_at = ?, expires_at = ? where id = ?`, [
      world.clock.now(),
      world.clock.now(),
      new Date(world.clock.now().getTime() + DAY_MS),
      world.owner.sessionId,
    ]);
    const campaign = await launch(count);
    await world.dispatch();
    // Meta's sent and delivered statuses never come.
    world.meta.simulator.sends.webhooks.clear();
    const messages = await world.sql<{ id: string; wamid: string; phone: string; status: string; charged: string }>(
      `select id, wamid, phone, status, charged::text as charged from campaign_message
       where campaign_id = ? order by phone`,
      [campaign.id],
    );
    expect(messages.map(({ status, charged }) => ({ status, charged }))).toEqual(
      messages.map(() => ({ status: 'SENT', charged: PRICE.toString() })),
    );
    return { campaignId: campaign.id, messages };
  }

  /**
   * Meta's status of these messages, posted now (the shape of Meta's status webhook docs: a failure with 131026,
   * undeliverable; a delivery with its pricing) and stored by the portal's webhook; the money moves only in the
   * next status pass.
   */
  async function statusNow(messages: { id: string; wamid: string; phone: string }[], status: 'failed' | 'delivered') {
    const { webhooks } = world.meta.simulator.sends;
    webhooks.configure({ url: webhookUrl() });
    webhooks.clear();
    const timestamp = String(Math.floor(world.clock.now().getTime() / 1000));
    const outcome =
      status === 'failed'
        ? {
            errors: [
              {
                code: 131026,
                title: 'Message undeliverable',
                message: 'Message undeliverable',
                error_data: { details: 'Message Undeliverable.' },
              },
            ],
          }
        : { pricing: { billable: true, pricing_model: 'PMP', category: 'marketing', type: 'regular' } };
    webhooks.send(
      { wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: '6281100000000' },
      'messages',
      {
        statuses: messages.map((message) => ({
          id: message.wamid,
          status,
          timestamp,
          recipient_id: message.phone.slice(1),
          biz_opaque_callback_data: message.id,
          ...outcome,
        })),
      },
    );
    await webhooks.deliverDue();
    expect(webhooks.deliveries.map((delivery) => delivery.answer)).toEqual([200]);
    await waitFor(
      async () =>
        (
          await world.sql<{ count: number }>(
            'select count(*)::int as count from whatsapp_webhook where applied_at is null',
          )
        )[0]!.count === 0,
      { what: 'the statuses stored and applied' },
    );
  }

  /**
   * Who the backends of this suite's database that wait for a lock are waiting for (other suites share the server):
   * the test's own connection (the wallet row it holds), or another backend (rows a refund holds). By the blocking
   * pid, not the statement text: pg_stat_activity can show a pooled connection's previous statement.
   */
  async function waiting(): Promise<string[]> {
    const { rows } = await blocker!.query<{ on: string }>(
      `select case when pg_backend_pid() = any(pg_blocking_pids(a.pid)) then 'the wallet' else 'a refund' end as on
       from pg_stat_activity a
       where a.datname = current_database() and cardinality(pg_blocking_pids(a.pid)) > 0`,
    );
    return rows.map((row) => row.on);
  }
  async function waitingFor(expected: string[]) {
    let seen: string[] = [];
    await waitFor(
      async () => {
        seen = (await waiting()).sort();
        return JSON.stringify(seen) === JSON.stringify([...expected].sort());
      },
      { what: `backends waiting in ${expected.join(', ')}` },
    ).catch((error: Error) => {
      throw new Error(`${error.message}; waiting: ${JSON.stringify(seen)}`);
    });
  }

  /** The test's connection takes the wallet's row lock: the next refund of this workspace stops there. */
  async function holdWallet() {
    await blocker!.query('begin');
    await blocker!.query('select 1 from wallet where workspace_id = $1 for update', [world.workspaceId]);
  }

  const refundsBy = async (campaignId: string) =>
    (
      await world.sql<{ amount: string; reference: string }>(
        `select amount::text as amount, reference from ledger_entry
         where workspace_id = ? and actor = ? and kind = 'REFUND' order by created_at, id`,
        [world.workspaceId, `campaign:${campaignId}`],
      )
    ).map(({ amount, reference }) => ({
      amount,
      by: reference.includes(':unanswered:')
        ? 'daily job'
        : reference.includes(':statuses:')
          ? 'status pass'
          : reference,
    }));
  /** The campaign's spend as its tallies report it (the campaign page's cost), and its messages by status. */
  const tallies = async (campaignId: string) =>
    (
      await world.sql<{ status: string; messages: number; charged: string }>(
        `select status, sum(messages)::int as messages, sum(charged)::text as charged from campaign_tally
         where campaign_id = ? group by status having sum(messages) <> 0 order by status`,
        [campaignId],
      )
    ).map(({ status, messages, charged }) => ({ status, messages, charged }));
  async function expectLedgerWhole() {
    const now = await money();
    expect({ balance: now.ledgerBalance, held: now.ledgerHeld }).toEqual({ balance: now.balance, held: now.held });
    return now;
  }

  it('applies statuses that arrive days after the campaign completed: a late delivery is kept, a late failure refunded', async () => {
    // Meta keeps trying an offline phone for up to 30 days, and retries its webhooks for days: statuses of a
    // finished campaign keep coming, and the daily job must not refund a message Meta delivered (and bills).
    const { campaignId, messages } = await silentlySent(2);
    expect(
      (await world.sql<{ status: string }>('select status from campaign where id = ?', [campaignId]))[0]!.status,
    ).toBe('COMPLETED');
    const before = await money();
    world.clock.advance(5 * DAY_MS);
    await statusNow([messages[0]!], 'delivered');
    await statusNow([messages[1]!], 'failed');
    await pass();
    expect(await charged(campaignId)).toEqual([
      { status: 'DELIVERED', charged: PRICE.toString() },
      { status: 'FAILED', charged: '0' },
    ]);
    expect(await refundsBy(campaignId)).toEqual([{ amount: PRICE.toString(), by: 'status pass' }]);

    world.clock.advance(25 * DAY_MS);
    expect(await job()).toBe(0);
    expect(await refundsBy(campaignId)).toEqual([{ amount: PRICE.toString(), by: 'status pass' }]);
    const after = await expectLedgerWhole();
    expect(after.balance).toBe(before.balance + PRICE);
  });

  it('refunds a message once when the daily job claims it first and a failed status for it is applied meanwhile', async () => {
    const { campaignId, messages } = await silentlySent(3);
    world.clock.advance(30 * DAY_MS);
    await statusNow(messages, 'failed');
    const before = await money();

    await holdWallet();
    let refunding: Promise<number> | undefined;
    let statuses: Promise<void> | undefined;
    try {
      // The job claims the three (uncharged, not committed) and waits for the wallet; the status pass then waits
      // for the rows the job holds.
      refunding = job();
      await waitingFor(['the wallet']);
      statuses = pass();
      await waitingFor(['the wallet', 'a refund']);
    } finally {
      await blocker!.query('rollback');
    }
    expect(await refunding).toBe(3);
    await statuses;

    expect(await refundsBy(campaignId)).toEqual([{ amount: (3n * PRICE).toString(), by: 'daily job' }]);
    expect(await charged(campaignId)).toEqual(messages.map(() => ({ status: 'FAILED', charged: '0' })));
    expect(await tallies(campaignId)).toEqual([{ status: 'FAILED', messages: 3, charged: '0' }]);
    const after = await expectLedgerWhole();
    expect(after.balance).toBe(before.balance + 3n * PRICE);
    expect(await job()).toBe(0);
  });

  it('refunds a message once when a failed status pass locks it first and the daily job runs meanwhile', async () => {
    const { campaignId, messages } = await silentlySent(3);
    world.clock.advance(30 * DAY_MS);
    await statusNow(messages, 'failed');
    const before = await money();

    await holdWallet();
    let statuses: Promise<void> | undefined;
    let skipped: number | undefined;
    try {
      // The status pass holds the three messages and waits for the wallet; the job skips what it holds.
      statuses = pass();
      await waitingFor(['the wallet']);
      skipped = await job();
    } finally {
      await blocker!.query('rollback');
    }
    expect(skipped).toBe(0);
    await statuses;

    expect(await refundsBy(campaignId)).toEqual([{ amount: (3n * PRICE).toString(), by: 'status pass' }]);
    expect(await charged(campaignId)).toEqual(messages.map(() => ({ status: 'FAILED', charged: '0' })));
    expect(await tallies(campaignId)).toEqual([{ status: 'FAILED', messages: 3, charged: '0' }]);
    // The next day's run finds nothing: the failed messages are refunded already.
    world.clock.advance(DAY_MS);
    expect(await job()).toBe(0);
    const after = await expectLedgerWhole();
    expect(after.balance).toBe(before.balance + 3n * PRICE);
  });

  it('refunds each of 40 messages exactly once when the job and a status pass failing half of them run at once', async () => {
    const { campaignId, messages } = await silentlySent(40);
    world.clock.advance(30 * DAY_MS);
    const failed = messages.filter((_, index) => index % 2 === 0);
    await statusNow(failed, 'failed');
    const before = await money();

    // Both at once, each on its own connections, three times over (a second and third round find nothing left).
    for (let round = 0; round < 3; round += 1) await Promise.all([job(), pass(), job(), pass()]);

    const refunds = await refundsBy(campaignId);
    expect(refunds.reduce((sum, entry) => sum + BigInt(entry.amount), 0n)).toBe(40n * PRICE);
    const rows = await charged(campaignId);
    expect(rows.filter((row) => row.status === 'FAILED')).toHaveLength(20);
    expect(rows.filter((row) => row.status === 'SENT')).toHaveLength(20);
    expect(rows.every((row) => row.charged === '0')).toBe(true);
    expect(await tallies(campaignId)).toEqual([
      { status: 'FAILED', messages: 20, charged: '0' },
      { status: 'SENT', messages: 20, charged: '0' },
    ]);
    const after = await expectLedgerWhole();
    expect(after.balance).toBe(before.balance + 40n * PRICE);
  });
});
