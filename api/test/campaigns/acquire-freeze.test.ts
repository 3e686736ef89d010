import type { DispatchStore } from '../../src/modules/campaigns/dispatch/store';
import { campaignLife, useCampaignWorld } from './life-support';
import { PRICE, START, type CampaignWorld } from './support';

/**
 * The zombie guard at the lease's start (issue 19 point 3): the lease runs from the database's commit of the
 * acquire. A process frozen between that commit and reading its answer (SIGSTOP, a long pause) for longer than
 * the TTL must wake up knowing its lease is stale, and send nothing: another worker may hold the channel by then.
 */
const TTL_MS = 1_500;

describe('a dispatch loop frozen right after its lease was acquired', () => {
  let world: CampaignWorld;
  const { draft } = campaignLife(() => world);

  useCampaignWorld((started) => (world = started), { env: { CAMPAIGN_LEASE_TTL_MS: String(TTL_MS) } });

  it('sends nothing when it wakes up past the TTL, and sends once its next loop takes the lease again', async () => {
    const { id, waIds } = await draft(3);
    await world.fund(3n * PRICE);
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    const { dispatch } = world.api.running.services.campaigns;
    const store = (dispatch as unknown as { store: DispatchStore }).store;
    const acquire = store.acquire.bind(store);
    const frozen = jest.spyOn(store, 'acquire').mockImplementationOnce(async (...args) => {
      const fence = await acquire(...args);
      // Committed; the process is frozen before it reads the answer: nothing of it runs, monotonic time goes on.
      const until = performance.now() + TTL_MS + 200;
      while (performance.now() < until) {
        // busy, like a stopped process
      }
      return fence;
    });
    const accepted = () => waIds.map((waId) => world.meta.simulator.sends.ledger.attemptsByRecipient.get(waId) ?? 0);
    try {
      await world.dispatch();
      expect(frozen).toHaveBeenCalledTimes(1);
      expect(accepted()).toEqual([0, 0, 0]);
    } finally {
      frozen.mockRestore();
    }
    // Its next loop (the tick's dispatch job) acquires afresh and sends each message once.
    await world.dispatch();
    expect(accepted()).toEqual([1, 1, 1]);
  }, 60_000);
});
