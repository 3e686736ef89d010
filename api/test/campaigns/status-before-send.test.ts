import type { VariableValue } from '../../src/modules/campaigns/campaign-types';
import type { Batch } from '../../src/modules/campaigns/dispatch/store';
import { componentsBuilder } from '../../src/modules/campaigns/template-parameters';
import { waitFor } from '../support/wait';
import { campaignLife, useCampaignWorld } from './life-support';
import { PHONE_NUMBER_ID, PRICE, TOKEN, testDispatchStore, type CampaignWorld } from './support';

/**
 * Meta's `sent` (and often `delivered`) webhook can reach the portal before the dispatcher has written the send's
 * outcome (issue 18 point 4): the message is still SENDING, so a status pass then leaves it alone, and the status
 * row stays to be applied by a later pass within the overlap (ten minutes, dispatch.service.ts). The test plays
 * the dispatcher's steps with its store (claim, send, record) so the webhook lands exactly between the send and
 * the record; the status passes are the tick's own.
 */
describe('a status that arrives before its send is recorded', () => {
  let world: CampaignWorld;
  useCampaignWorld((started) => (world = started), { fund: 10n * PRICE });
  const life = campaignLife(() => world);

  const messageRow = async (id: string) =>
    (
      await world.sql<{ status: string; charged: string; wamid: string | null; delivered: boolean }>(
        `select status, charged::text as charged, wamid, delivered_at is not null as delivered
         from campaign_message where id = ?`,
        [id],
      )
    )[0]!;
  /** What the wallet took for the campaign: its captures (the only entries that spend a hold) and refunds. */
  const charges = async (campaignId: string) =>
    world.sql<{ kind: string; amount: string }>(
      `select kind, (-amount)::text as amount from ledger_entry
       where workspace_id = ? and reference like ? and kind in ('CAPTURE', 'REFUND') order by created_at`,
      [world.workspaceId, `campaign:${campaignId}%`],
    );
  const tick = () => world.api.running.services.campaigns.dispatch.tick(world.em());

  it('ends the message DELIVERED with one charge when its sent and delivered webhooks beat the outcome write', async () => {
    const before = await life.money();
    const { id, waIds } = await life.launch(1);
    const { services } = world.api.running;
    const store = testDispatchStore(world);
    const channel = (await store.channel(world.em(), world.channelId))!;
    // A lease far longer than the test: no tick hands the channel to another loop meanwhile.
    const fence = (await store.acquire(world.em(), channel, 'test-dispatcher', 3_600_000))!;
    expect(fence).not.toBeNull();
    const campaign = (await store.running(world.em(), channel)).find((row) => row.id === id)!;
    const batch = (await store.claim(world.em(), channel, campaign, fence, 10)) as Batch;
    expect(batch.sending).toHaveLength(1);
    const message = batch.sending[0]!;

    // The send, as the dispatcher makes it: Meta accepts and queues the message's status webhooks.
    const components = componentsBuilder(
      { parameterFormat: campaign.parameter_format, components: campaign.components },
      campaign.variables as VariableValue[],
      campaign.header_media,
    );
    const outcome = await services.campaigns.messenger.send(TOKEN, PHONE_NUMBER_ID, {
      to: waIds[0]!,
      template: {
        name: campaign.template_name,
        language: campaign.template_language,
        components: components({
          phone: message.phone ?? '',
          name: message.name,
          attributes: message.attributes ?? {},
        }),
      },
      callbackData: message.id,
    });
    expect(outcome.kind).toBe('accepted');
    const wamid = (outcome as { wamid: string }).wamid;

    // Sent and delivered reach the signed webhook route and are applied before the outcome is written.
    world.clock.advance(2000);
    while ((await world.meta.simulator.sends.webhooks.deliverDue()) > 0) {
      // Until nothing due is left.
    }
    await waitFor(
      async () =>
        (await world.sql<{ status: string }>('select status from message_status where wamid = ?', [wamid]))[0]
          ?.status === 'delivered',
      { what: 'the delivered status stored and applied' },
    );
    // A status pass a second later: the message is still SENDING, so it is left alone.
    world.clock.advance(1000);
    await tick();
    expect(await messageRow(message.id)).toEqual({ status: 'SENDING', charged: '0', wamid: null, delivered: false });
    // The outcome is slow to be written: a pass 9 min 50 s after the statuses came still finds it SENDING.
    world.clock.advance(9 * 60_000 + 50_000);
    await tick();
    expect(await messageRow(message.id)).toEqual({ status: 'SENDING', charged: '0', wamid: null, delivered: false });

    // The dispatcher writes the outcome: SENT, charged once from the hold.
    const recorded = await store.record(world.em(), channel, batch, fence, {
      sent: [{ id: message.id, wamid }],
      requeued: [],
      failed: [],
      unknown: [],
    });
    expect(recorded.sent).toBe(1);
    await store.release(world.em(), world.channelId, fence);
    expect(await messageRow(message.id)).toMatchObject({ status: 'SENT', charged: PRICE.toString() });

    // The next pass, still within ten minutes of the statuses' arrival (issue 18: an unmatched status is re-applied
    // for at least 10 minutes), applies the status that came first.
    world.clock.advance(5_000);
    await tick();
    expect(await messageRow(message.id)).toEqual({
      status: 'DELIVERED',
      charged: PRICE.toString(),
      wamid,
      delivered: true,
    });
    // Another pass within the overlap sees the same status again and changes nothing, money included.
    world.clock.advance(60_000);
    await tick();
    expect(await messageRow(message.id)).toMatchObject({ status: 'DELIVERED', charged: PRICE.toString() });
    expect(await charges(id)).toEqual([{ kind: 'CAPTURE', amount: PRICE.toString() }]);
    expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get(waIds[0]!)).toBe(1);
    expect((await life.read(id)).counts).toMatchObject({ total: 1, delivered: 1, sending: 0, unknown: 0 });
    const after = await life.money();
    expect(after.balance).toBe(before.balance - PRICE);
    expect(after.ledgerBalance).toBe(after.balance);
  });
});
