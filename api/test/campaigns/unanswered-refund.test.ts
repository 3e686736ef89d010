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
    expect(await expectMoneyHistory(silent.id)).toEqual({ refunded: 3, messages: 3 });
    expect(await expectMoneyHistory(delivered.id)).toEqual({ refunded: 0, messages: 1 });

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

  /**
   * Runs `steps` while the test's connection holds the wallet's row lock (the next refund of this workspace stops
   * there), then lets it go, whatever the steps did.
   */
  async function whileWalletHeld(steps: () => Promise<void>) {
    await blocker!.query('begin');
    await blocker!.query('select 1 from wallet where workspace_id = $1 for update', [world.workspaceId]);
    try {
      await steps();
    } finally {
      await blocker!.query('rollback');
    }
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

  /**
   * Issue 17 point 1: each message keeps the ledger entry that charged it and, once refunded, the one that gave it
   * back. Every message of the campaign was accepted by Meta, so each names a CAPTURE whose amount is n x price for
   * the n messages naming it; a refunded one (charged 0) names a REFUND of n x price likewise, and has exactly one
   * `message_refund` row (its attempt, the same two entries); one still charged names no refund.
   */
  async function expectMoneyHistory(campaignId: string) {
    const messages = await world.sql<{
      id: string;
      attempt: number;
      charged: string;
      charge_entry_id: string | null;
      refund_entry_id: string | null;
    }>(
      `select id, attempt, charged::text as charged, charge_entry_id, refund_entry_id from campaign_message
       where campaign_id = ?`,
      [campaignId],
    );
    const entries = new Map(
      (
        await world.sql<{ id: string; kind: string; amount: string }>(
          'select id, kind, amount::text as amount from ledger_entry where workspace_id = ?',
          [world.workspaceId],
        )
      ).map((entry) => [entry.id, entry]),
    );
    const refundRows = await world.sql<{
      message_id: string;
      attempt: number;
      amount: string;
      charge_entry_id: string | null;
      refund_entry_id: string;
    }>(
      `select message_id, attempt, amount::text as amount, charge_entry_id, refund_entry_id from message_refund
       where message_id in (select id from campaign_message where campaign_id = ?)`,
      [campaignId],
    );
    const naming = (ids: (string | null)[]) => {
      const counts = new Map<string, number>();
      for (const id of ids) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
      return [...counts].map(([id, n]) => ({ entry: entries.get(id), n }));
    };
    expect(messages.every((message) => message.charge_entry_id !== null)).toBe(true);
    for (const { entry, n } of naming(messages.map((message) => message.charge_entry_id))) {
      expect(entry).toMatchObject({ kind: 'CAPTURE', amount: (-BigInt(n) * PRICE).toString() });
    }
    const refunded = messages.filter((message) => message.charged === '0');
    expect(messages.filter((message) => message.charged !== '0').every((m) => m.refund_entry_id === null)).toBe(true);
    for (const { entry, n } of naming(refunded.map((message) => message.refund_entry_id))) {
      expect(entry).toMatchObject({ kind: 'REFUND', amount: (BigInt(n) * PRICE).toString() });
    }
    expect(refunded.every((message) => message.refund_entry_id !== null)).toBe(true);
    expect(refundRows.sort((a, b) => a.message_id.localeCompare(b.message_id))).toEqual(
      refunded
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((message) => ({
          message_id: message.id,
          attempt: message.attempt,
          amount: PRICE.toString(),
          charge_entry_id: message.charge_entry_id,
          refund_entry_id: message.refund_entry_id,
        })),
    );
    return { refunded: refunded.length, messages: messages.length };
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

    let refunding: Promise<number> | undefined;
    let statuses: Promise<void> | undefined;
    await whileWalletHeld(async () => {
      // The job claims the three (uncharged, not committed) and waits for the wallet; the status pass then waits
      // for the rows the job holds.
      refunding = job();
      await waitingFor(['the wallet']);
      statuses = pass();
      await waitingFor(['the wallet', 'a refund']);
    });
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

    let statuses: Promise<void> | undefined;
    let skipped: number | undefined;
    await whileWalletHeld(async () => {
      // The status pass holds the three messages and waits for the wallet; the job skips what it holds.
      statuses = pass();
      await waitingFor(['the wallet']);
      skipped = await job();
    });
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
    expect(await expectMoneyHistory(campaignId)).toEqual({ refunded: 40, messages: 40 });
    const after = await expectLedgerWhole();
    expect(after.balance).toBe(before.balance + 40n * PRICE);
  });

  it('refunds each message once per attempt when Meta replays its failed status and two job runs race a status pass', async () => {
    const { campaignId, messages } = await silentlySent(6);
    world.clock.advance(30 * DAY_MS);
    const failed = messages.slice(0, 2);
    const before = await money();

    await statusNow(failed, 'failed');
    await pass();
    // Meta retries a webhook it thinks undelivered: the same failed statuses again, applied beside two job runs.
    await statusNow(failed, 'failed');
    await Promise.all([job(), job(), pass()]);
    // And once more, after everything was refunded.
    await statusNow(failed, 'failed');
    await pass();
    expect(await job()).toBe(0);

    const refunds = await refundsBy(campaignId);
    expect(refunds.filter((entry) => entry.by === 'status pass')).toEqual([
      { amount: (2n * PRICE).toString(), by: 'status pass' },
    ]);
    expect(refunds.reduce((sum, entry) => sum + BigInt(entry.amount), 0n)).toBe(6n * PRICE);
    expect(await expectMoneyHistory(campaignId)).toEqual({ refunded: 6, messages: 6 });
    const after = await expectLedgerWhole();
    expect(after.balance).toBe(before.balance + 6n * PRICE);
  });
});
