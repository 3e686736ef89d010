import { createHmac } from 'node:crypto';
import { rupiah } from '../../src/core/money';
import { workspaceEm } from '../../src/db/base.entity';
import { waitFor } from '../support/wait';
import { RESUME, SCHEDULE, campaignLife, useCampaignWorld } from './life-support';
import { APP_SECRET, PRICE, START, WABA_ID, type CampaignWorld } from './support';

/**
 * How a campaign stops without finishing (issue 19 points 1, 3 and 4), each expectation taken from the issue: a
 * payment reversal into debt, Meta stopping a batch or restricting the channel, a disconnected channel; each stop
 * told once to the members who may send, in their language.
 */
describe('a campaign’s stops', () => {
  let world: CampaignWorld;
  const { draft, read, money, notificationsOf, fund, drain, wallet, serial } = campaignLife(() => world);

  useCampaignWorld((started) => (world = started));

  it('pauses running campaigns (WALLET_REVERSAL) with a notification saying why when a payment reversal leaves the available balance below zero, and sends nothing more', async () => {
    // A finished campaign whose one message's outcome is unknown: its share stays held (Meta may yet confirm it).
    await fund(PRICE);
    const earlier = await draft(1);
    world.meta.simulator.sends.faultSends({ recipient: earlier.waIds[0], fault: 'status5xx' });
    expect((await world.gql(START, { id: earlier.id })).errors).toBeUndefined();
    await world.dispatch();
    expect(await read(earlier.id)).toMatchObject({ status: 'COMPLETED', counts: { unknown: 1 } });

    await drain();
    await fund(10n * PRICE);
    const { id, waIds } = await draft(4);
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    const launched = await money();
    const others = launched.held - 4n * PRICE;
    expect(others).toBe(PRICE);
    expect(launched.available).toBe(6n * PRICE);

    // A small refund still covered by what is not held: the campaign runs on.
    await wallet().debit(workspaceEm(world.em(), world.workspaceId), world.workspaceId, {
      key: `test-reversal:small:${id}`,
      reference: 'midtrans:refund',
      actor: 'midtrans',
      amount: rupiah(PRICE),
      kind: 'REVERSAL',
    });
    expect((await read(id)).status).toBe('RUNNING');
    expect((await money()).held).toBe(launched.held);

    // A chargeback of most of the balance: available would be below zero.
    await wallet().debit(workspaceEm(world.em(), world.workspaceId), world.workspaceId, {
      key: `test-reversal:big:${id}`,
      reference: 'midtrans:chargeback',
      actor: 'midtrans',
      amount: rupiah(7n * PRICE),
      kind: 'REVERSAL',
    });
    const paused = await read(id);
    // The reason issue 17 names: the sender is told a payment was reversed, not merely that funds ran short.
    expect(paused).toMatchObject({ status: 'PAUSED', pauseReason: 'WALLET_REVERSAL' });
    const after = await money();
    // The paused campaign's hold is released; the unknown message's share elsewhere stays held.
    expect(after.balance).toBe(launched.balance - 8n * PRICE);
    expect(after.held).toBe(others);
    expect(after.available).toBe(2n * PRICE);
    expect(after.ledgerBalance).toBe(after.balance);
    expect(after.ledgerHeld).toBe(after.held);
    const [notice] = await notificationsOf(id);
    expect(notice).toMatchObject({ type: 'CAMPAIGN_PAUSED' });
    expect(notice!.body).toContain('a payment was reversed and the wallet is in debt');

    await world.dispatch();
    for (const waId of waIds) expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get(waId)).toBeUndefined();
    // Resuming needs the whole remaining cost held again.
    const refused = await world.gql(RESUME, { id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    await fund(2n * PRICE);
    expect((await world.gql(RESUME, { id })).errors).toBeUndefined();
    await world.dispatch();
    expect((await read(id)).counts).toMatchObject({ total: 4, sent: 4 });
    const settled = await money();
    expect(settled.balance).toBe(launched.balance - 8n * PRICE + 2n * PRICE - 4n * PRICE);
    expect(settled.available).toBe(0n);
    expect(settled.ledgerBalance).toBe(settled.balance);
  });

  it('tells the senders once, in their language, when Meta stops a whole batch for the same reason', async () => {
    await fund(10n * PRICE);
    const { id } = await draft(5);
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    // Every message of the batch refused: the template was paused (132015), and one disabled (132016) too.
    world.meta.simulator.sends.failSends({ code: 132015, count: 4 });
    world.meta.simulator.sends.failSends({ code: 132016 });
    await world.dispatch();
    expect(await read(id)).toMatchObject({ status: 'PAUSED', pauseReason: 'TEMPLATE_PAUSED' });
    const paused = (await notificationsOf(id, 'id')).filter((notice) => notice.type === 'CAMPAIGN_PAUSED');
    expect(paused).toHaveLength(1);
    expect(paused[0]!.body).toBe(`“Kampanye hidup${serial()}” dijeda: Meta menjeda templat`);
    const english = (await notificationsOf(id, 'en')).filter((notice) => notice.type === 'CAMPAIGN_PAUSED');
    expect(english[0]!.body).toBe(`“Kampanye hidup${serial()}” was paused: Meta paused the template`);
    expect((await world.gql('mutation ($id: ID!) { cancelCampaign(id: $id) { id } }', { id })).errors).toBeUndefined();
  });

  it('pauses running campaigns (ACCOUNT) with a notification when Meta restricts the channel, and resumes only once the channel is checked back', async () => {
    await fund(10n * PRICE);
    const { id, waIds } = await draft(2);
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    // Meta's account_updates, signed as Meta signs them; each stored and applied.
    const accountUpdate = async (value: Record<string, unknown>, channelStatus: string) => {
      const body = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [{ id: WABA_ID, time: 1764576000, changes: [{ field: 'account_update', value }] }],
      });
      const signature = `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
      const posted = await fetch(`${world.api.url}/api/webhooks/whatsapp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
        body,
      });
      expect(posted.status).toBe(200);
      await waitFor(
        async () =>
          (
            await world.sql<{ status: string; status_reason: string | null }>(
              'select status, status_reason from channel where id = ?',
              [world.channelId],
            )
          )[0]!.status_reason === channelStatus,
        { what: `the channel's status reason ${channelStatus}` },
      );
    };
    // Business-initiated messaging restricted on the number.
    await accountUpdate(
      {
        phone_number: '6281100000000',
        event: 'ACCOUNT_RESTRICTION',
        restriction_info: [{ restriction_type: 'RESTRICTED_BIZ_INITIATED_MESSAGING', expiration: 1764662400 }],
      },
      'ACCOUNT_RESTRICTION:RESTRICTED_BIZ_INITIATED_MESSAGING',
    );
    await world.api.running.services.campaigns.dispatch.tick(world.em());
    await world.dispatch();
    expect(await read(id)).toMatchObject({ status: 'PAUSED', pauseReason: 'ACCOUNT' });
    for (const waId of waIds) expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get(waId)).toBeUndefined();
    const notices = (await notificationsOf(id, 'id')).filter((notice) => notice.type === 'CAMPAIGN_PAUSED');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain('Meta membatasi akun atau nomor WhatsApp');

    const early = await world.gql(RESUME, { id });
    expect(early.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'campaigns.channelNotConnected',
    });
    // Reinstated by Meta: the channel stays paused until a person checks it.
    await accountUpdate({ event: 'DISABLED_UPDATE', ban_info: { waba_ban_state: 'REINSTATE' } }, 'REINSTATED');
    expect((await world.gql(RESUME, { id })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    const checked = await world.gql<{ checkChannel: { status: string } }>(
      'mutation ($id: ID!) { checkChannel(id: $id) { status } }',
      { id: world.channelId },
    );
    expect(checked.data!.checkChannel.status).toBe('CONNECTED');
    expect((await world.gql(RESUME, { id })).errors).toBeUndefined();
    await world.dispatch();
    expect(await read(id)).toMatchObject({ status: 'COMPLETED', counts: { total: 2, sent: 2 } });
  });

  // Last: it disconnects the suite's channel.
  it('fails the running, paused and scheduled campaigns of a disconnected channel with the reason, releasing their holds, and sends nothing more', async () => {
    await fund(20n * PRICE);
    const running = await draft(2);
    const paused = await draft(2);
    const scheduled = await draft(2);
    for (const { id } of [running, paused]) expect((await world.gql(START, { id })).errors).toBeUndefined();
    expect(
      (await world.gql('mutation ($id: ID!) { pauseCampaign(id: $id) { status } }', { id: paused.id })).errors,
    ).toBeUndefined();
    const at = new Date(world.clock.now().getTime() + 3_600_000).toISOString();
    expect((await world.gql(SCHEDULE, { id: scheduled.id, at })).errors).toBeUndefined();
    const before = await money();

    const disconnected = await world.gql<{ disconnectChannel: boolean }>(
      'mutation ($id: ID!) { disconnectChannel(id: $id) }',
      { id: world.channelId },
    );
    expect(disconnected.errors).toBeUndefined();
    world.clock.advance(3_600_000);
    await world.api.running.services.campaigns.dispatch.tick(world.em());

    for (const { id, waIds } of [running, paused, scheduled]) {
      const campaign = (
        await world.gql<{ campaign: { status: string; failReason: string; counts: Record<string, number> } }>(
          'query ($id: ID!) { campaign(id: $id) { status failReason counts { total queued skipped sent } } }',
          { id },
        )
      ).data!.campaign;
      expect(campaign.status).toBe('FAILED');
      expect(campaign.failReason).toBe('CHANNEL_DISCONNECTED');
      expect(campaign.counts.queued).toBe(0);
      expect(campaign.counts.sent).toBe(0);
      for (const waId of waIds) expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get(waId)).toBeUndefined();
      const notices = (await notificationsOf(id, 'id')).filter((notice) => notice.type === 'CAMPAIGN_FAILED');
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ type: 'CAMPAIGN_FAILED', title: 'Kampanye gagal' });
      expect(notices[0]!.body).toContain('kanal WhatsApp-nya diputuskan');
    }
    const after = await money();
    expect(after.held).toBe(before.held - 4n * PRICE);
    expect(after.balance).toBe(before.balance);
    expect(after.ledgerHeld).toBe(after.held);
    // A second tick changes nothing and tells no one again.
    await world.api.running.services.campaigns.dispatch.tick(world.em());
    expect((await notificationsOf(running.id)).filter((notice) => notice.type === 'CAMPAIGN_FAILED')).toHaveLength(1);
  });
});
