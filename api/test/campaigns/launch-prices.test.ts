import { rupiah } from '../../src/core/money';
import type { TemplateCategory } from '../../src/modules/wallet';
import { campaignLife, useCampaignWorld } from './life-support';
import { PRICE, type CampaignWorld } from './support';

/**
 * Issue 17 point 2: a campaign keeps the prices it launched with; a price set later, or a template Meta
 * recategorizes (template_category_update sets its category), changes what new launches cost only.
 */
describe('a campaign’s prices', () => {
  let world: CampaignWorld;
  const { launch, read, money } = campaignLife(() => world);

  useCampaignWorld((started) => (world = started), { fund: 1_000_000n });

  const charges = (campaignId: string) =>
    world.sql<{ charged: string }>(`select charged::text as charged from campaign_message where campaign_id = ?`, [
      campaignId,
    ]);
  const setPrice = (category: TemplateCategory, amount: bigint) =>
    world.api.running.services.wallet.billing.setPrice(world.em(), world.owner.user.id, {
      category,
      amount: rupiah(amount),
      workspaceId: world.workspaceId,
    });

  it('charges a launched campaign its launch price after the price changed, and a new launch the new one', async () => {
    const before = await money();
    const first = await launch(2);
    world.clock.advance(1000);
    await setPrice('MARKETING', 800n);
    world.clock.advance(1000);
    await world.dispatch();
    expect(await read(first.id)).toMatchObject({ status: 'COMPLETED', price: Number(PRICE), cost: Number(2n * PRICE) });
    expect(await charges(first.id)).toEqual([{ charged: PRICE.toString() }, { charged: PRICE.toString() }]);
    const second = await launch(1);
    await world.dispatch();
    expect(await read(second.id)).toMatchObject({ status: 'COMPLETED', price: 800, cost: 800 });
    expect((await money()).balance).toBe(before.balance - 2n * PRICE - 800n);
  });

  it('prices a template Meta recategorized by its new category for new launches only', async () => {
    await setPrice('MARKETING', 900n);
    await setPrice('UTILITY', 300n);
    world.clock.advance(1000);
    const running = await launch(1);
    await world.sql(`update message_template set category = 'UTILITY' where workspace_id = ? and name = ?`, [
      world.workspaceId,
      'promo_akhir_tahun',
    ]);
    await world.dispatch();
    expect(await read(running.id)).toMatchObject({ status: 'COMPLETED', price: 900, cost: 900 });
    const next = await launch(1);
    await world.dispatch();
    expect(await read(next.id)).toMatchObject({ status: 'COMPLETED', price: 300, cost: 300 });
  });
});
