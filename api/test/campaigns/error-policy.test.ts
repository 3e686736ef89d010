import { waitFor } from '../support/wait';
import { campaignLife, useCampaignWorld } from './life-support';
import { PRICE, type CampaignWorld } from './support';

/**
 * Meta's errors by code (issue 19 point 4, GATEWAYS.md 1.6), synchronous and in `failed` status webhooks,
 * answered by the simulator: what happens to the message, its charge and its campaign.
 */
describe('the dispatcher’s error policy', () => {
  let world: CampaignWorld;
  const { launch, read, money, message } = campaignLife(() => world);

  useCampaignWorld((started) => (world = started), { fund: 1_000_000n });

  const accepted = (waId: string) => world.meta.simulator.sends.ledger.acceptedByRecipient.get(waId) ?? 0;

  it('fails a message Meta refuses permanently (132000, sync) without charging it; the others go on', async () => {
    const before = await money();
    const { id, waIds } = await launch(3);
    world.meta.simulator.sends.failSends({ code: 132000, recipient: waIds[1] });
    await world.dispatch();
    expect(await message(waIds[1]!)).toMatchObject({ status: 'FAILED', error_code: 132000, charged: '0' });
    const campaign = await read(id);
    expect(campaign).toMatchObject({ status: 'COMPLETED', cost: Number(2n * PRICE) });
    expect(campaign.counts).toMatchObject({ sent: 2, failed: 1 });
    const after = await money();
    expect(after.balance).toBe(before.balance - 2n * PRICE);
    expect(after.held).toBe(before.held);
  });

  it('refunds a message whose failed status arrives later (131026, async), and marks the contact on 131050', async () => {
    const before = await money();
    const { id, waIds } = await launch(3);
    world.meta.simulator.sends.failSends({ code: 131026, recipient: waIds[0], mode: 'async' });
    world.meta.simulator.sends.failSends({ code: 131050, recipient: waIds[2], mode: 'async' });
    await world.dispatch();
    expect((await read(id)).counts).toMatchObject({ sent: 3 });
    await world.deliverStatuses(5000);
    expect(await message(waIds[0]!)).toMatchObject({ status: 'FAILED', error_code: 131026, charged: '0' });
    expect(await message(waIds[2]!)).toMatchObject({ status: 'FAILED', error_code: 131050 });
    const [contact] = await world.sql<{ marketing_opt_out_source: string | null }>(
      'select marketing_opt_out_source from contact where phone = ?',
      [`+${waIds[2]}`],
    );
    expect(contact!.marketing_opt_out_source).toBe('META_131050');
    const after = await money();
    expect(after.balance).toBe(before.balance - 1n * PRICE);
  });

  it('refunds the messages failed in one status pass with one ledger entry of n x price, each message uncharged', async () => {
    const before = await money();
    const { id, waIds } = await launch(3);
    world.meta.simulator.sends.failSends({ code: 131026, recipient: waIds[0], mode: 'async' });
    world.meta.simulator.sends.failSends({ code: 131026, recipient: waIds[1], mode: 'async' });
    await world.dispatch();
    await world.deliverStatuses(5000);
    const refunds = await world.sql<{ amount: string; reference: string; details: { messages: number } }>(
      `select amount::text as amount, reference, details from ledger_entry
       where workspace_id = ? and actor = ? and kind = 'REFUND'`,
      [world.workspaceId, `campaign:${id}`],
    );
    expect(refunds).toEqual([
      {
        amount: (2n * PRICE).toString(),
        reference: expect.stringMatching(new RegExp(`^campaign:${id}:statuses:`)),
        details: expect.objectContaining({ messages: 2 }),
      },
    ]);
    expect(await message(waIds[0]!)).toMatchObject({ status: 'FAILED', charged: '0' });
    expect(await message(waIds[1]!)).toMatchObject({ status: 'FAILED', charged: '0' });
    expect(await message(waIds[2]!)).toMatchObject({ charged: PRICE.toString() });
    expect((await money()).balance).toBe(before.balance - PRICE);
  });

  it('requeues a definite rejection with a retryable code (131000) and sends it once, as attempt 2', async () => {
    const { id, waIds } = await launch(2);
    world.meta.simulator.sends.failSends({ code: 131000, recipient: waIds[0], count: 1 });
    await world.dispatch();
    expect(await message(waIds[0]!)).toMatchObject({ status: 'QUEUED', error_code: 131000, attempt: 1 });
    expect((await read(id)).status).toBe('RUNNING');
    // Backoff: 2 s after the first attempt, by the platform's clock.
    world.clock.advance(3000);
    await world.dispatch();
    expect(await message(waIds[0]!)).toMatchObject({ status: 'SENT', attempt: 2 });
    expect(accepted(waIds[0]!)).toBe(1);
    expect((await read(id)).status).toBe('COMPLETED');
  });

  it('delays only the recipient of a pair-rate error (131056) by 4^n seconds while the others are sent', async () => {
    const { id, waIds } = await launch(3);
    world.meta.simulator.sends.failSends({ code: 131056, recipient: waIds[1], count: 1 });
    await world.dispatch();
    expect(accepted(waIds[0]!)).toBe(1);
    expect(accepted(waIds[2]!)).toBe(1);
    expect(await message(waIds[1]!)).toMatchObject({ status: 'QUEUED', error_code: 131056 });
    world.clock.advance(3000);
    await world.dispatch();
    expect(await message(waIds[1]!)).toMatchObject({ status: 'QUEUED' });
    world.clock.advance(2000);
    await world.dispatch();
    expect(await message(waIds[1]!)).toMatchObject({ status: 'SENT', attempt: 2 });
    expect((await read(id)).status).toBe('COMPLETED');
  });

  it('pauses the campaign on a paused template (132015) with the reason and a notification, keeping the message queued', async () => {
    const { id, waIds } = await launch(4);
    world.meta.simulator.sends.failSends({ code: 132015, recipient: waIds[0] });
    await world.dispatch();
    const campaign = await read(id);
    expect(campaign).toMatchObject({ status: 'PAUSED', pauseReason: 'TEMPLATE_PAUSED' });
    expect(await message(waIds[0]!)).toMatchObject({ status: 'QUEUED', error_code: 132015, charged: '0' });
    expect(campaign.counts.failed).toBe(0);
    const [notification] = await world.sql<{ params: { reason: string } }>(
      `select params from notification where workspace_id = ? and type = 'CAMPAIGN_PAUSED' and params->>'campaignId' = ?`,
      [world.workspaceId, id],
    );
    expect(notification!.params.reason).toBe('TEMPLATE_PAUSED');
    expect((await world.gql(`mutation ($id: ID!) { cancelCampaign(id: $id) { id } }`, { id })).errors).toBeUndefined();
  });

  it('never resends an unknown outcome: a 5xx without a Graph body is UNKNOWN, reconciled (and charged) from its status', async () => {
    const before = await money();
    const { id, waIds } = await launch(2);
    world.meta.simulator.sends.faultSends({ fault: 'status5xx', recipient: waIds[0], accepted: true });
    await world.dispatch();
    expect(await message(waIds[0]!)).toMatchObject({ status: 'UNKNOWN', charged: '0' });
    const campaign = await read(id);
    expect(campaign.status).toBe('COMPLETED');
    // Its share stays held until Meta says.
    expect((await money()).held - before.held).toBe(PRICE);
    await world.deliverStatuses(5000);
    expect(await message(waIds[0]!)).toMatchObject({ status: 'DELIVERED', charged: PRICE.toString() });
    // Charged by the status pass's own CAPTURE, which the message names (issue 17 point 1).
    const [named] = await world.sql<{ kind: string; amount: string; reconciled: boolean }>(
      `select l.kind, l.amount::text as amount, (l.details ->> 'reconciled')::boolean as reconciled
       from campaign_message m join ledger_entry l on l.id = m.charge_entry_id where m.phone = ?`,
      [`+${waIds[0]}`],
    );
    expect(named).toEqual({ kind: 'CAPTURE', amount: (-PRICE).toString(), reconciled: true });
    expect(accepted(waIds[0]!)).toBe(1);
    const after = await money();
    expect(after.held).toBe(before.held);
    expect(after.balance).toBe(before.balance - 2n * PRICE);
  });

  it('marks an unknown outcome unconfirmed after the deadline: never resent, never charged, its share released', async () => {
    const before = await money();
    const { waIds } = await launch(2);
    world.meta.simulator.sends.faultSends({ fault: 'drop', recipient: waIds[1] });
    await world.dispatch();
    expect(await message(waIds[1]!)).toMatchObject({ status: 'UNKNOWN' });
    expect((await money()).held - before.held).toBe(PRICE);
    await world.deliverStatuses(24 * 3_600_000 + 1000);
    expect(await message(waIds[1]!)).toMatchObject({ status: 'UNKNOWN', charged: '0' });
    expect(accepted(waIds[1]!)).toBe(0);
    const after = await money();
    expect(after.held).toBe(before.held);
    expect(after.balance).toBe(before.balance - PRICE);
  });

  it('trips the circuit breaker after 20 consecutive failures with one code, pausing before the rest are burned', async () => {
    const { id } = await launch(120);
    world.meta.simulator.sends.failSends({ code: 132012 });
    await world.dispatch();
    const campaign = await read(id);
    expect(campaign).toMatchObject({ status: 'PAUSED', pauseReason: 'CIRCUIT_BREAKER' });
    expect(campaign.counts.failed).toBeGreaterThanOrEqual(20);
    // In flight when it tripped at most: the rest are still queued, unsent.
    expect(campaign.counts.failed).toBeLessThan(60);
    expect(campaign.counts.queued + campaign.counts.failed).toBe(120);
    expect((await world.gql(`mutation ($id: ID!) { cancelCampaign(id: $id) { id } }`, { id })).errors).toBeUndefined();
  });

  it('holds messages outside the daily send window and sends them once it opens (workspace time zone)', async () => {
    const { id } = await launch(2);
    // 03:00 UTC is 10:00 in Jakarta: a 13:00-15:00 window is closed.
    await world.sql(`update campaign set window_start = 780, window_end = 900 where id = ?`, [id]);
    const now = world.clock.now();
    const jakartaHour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta', hour: '2-digit', hourCycle: 'h23' }).format(now),
    );
    world.clock.advance(((13 - jakartaHour + 24) % 24 || 24) * 3_600_000 - 3_600_000 + 1);
    await world.dispatch();
    expect((await read(id)).counts.queued).toBe(2);
    world.clock.advance(3_600_000);
    await world.dispatch();
    expect((await read(id)).counts).toMatchObject({ sent: 2 });
    await waitFor(async () => (await read(id)).status === 'COMPLETED', { what: 'completion' });
  });

  it('spreads a campaign over the messaging limit’s windows: today’s share now, the rest once the 24 h have passed', async () => {
    // Whoever the earlier tests reached in the current 24 h counts too: leave room for three more.
    const [used] = await world.sql<{ used: number }>(
      'select count(*)::int as used from portfolio_recipient where window_start > ?',
      [new Date(world.clock.now().getTime() - 24 * 3_600_000)],
    );
    await world.sql(`update business_portfolio set messaging_limit = ?`, [used!.used + 3]);
    const { id } = await launch(5);
    const estimate = await world.gql<{ estimateCampaign: { days: number; limitRemainingToday: number } }>(
      `query ($id: ID!) { estimateCampaign(id: $id) { days limitRemainingToday } }`,
      { id },
    );
    expect(estimate.data!.estimateCampaign).toEqual({ days: 2, limitRemainingToday: 3 });
    await world.dispatch();
    expect((await read(id)).counts).toMatchObject({ sent: 3, queued: 2 });
    world.clock.advance(24 * 3_600_000 + 1000);
    await world.dispatch();
    expect((await read(id)).counts).toMatchObject({ sent: 5, queued: 0 });
    await world.sql(`update business_portfolio set messaging_limit = 10000`);
  });
});
