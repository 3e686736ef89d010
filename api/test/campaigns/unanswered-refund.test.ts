import { campaignLife, useCampaignWorld } from './life-support';
import { PRICE, type CampaignWorld } from './support';

/**
 * The charge policy's last rule (issue 17 point 3, README "The charge policy"): a message Meta accepted that has no
 * final status 30 days later is refunded by a daily job, once, at the amount it was charged, one ledger entry per
 * campaign (n x price); a delivered message is not. Real connections: two job runs race and still refund once.
 *
 * No GraphQL after the clock moves a month on (the test sessions expire a day after the wall clock): the wallet and
 * the messages are read directly.
 */
describe('the daily refund of messages with no final status after 30 days', () => {
  let world: CampaignWorld;
  const { launch, money } = campaignLife(() => world);

  useCampaignWorld((started) => (world = started), { fund: 1_000_000n });

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
});
