import { createHmac } from 'node:crypto';
import { rupiah } from '../../src/core/money';
import { workspaceEm } from '../../src/db/base.entity';
import { TokenBox } from '../../src/modules/channels';
import { waitFor } from '../support/wait';
import { RESUME, SCHEDULE, campaignLife, useCampaignWorld } from './life-support';
import { APP_SECRET, PRICE, START, WABA_ID, type CampaignWorld } from './support';

/**
 * How a campaign stops without finishing (issue 19 points 1, 3 and 4), each expectation taken from the issue: a
 * payment reversal, Meta stopping a batch or restricting the channel, a disconnected channel; each stop
 * told once to the members who may send, in their language.
 */
describe('a campaign’s stops', () => {
  let world: CampaignWorld;
  const { draft, read, money, notificationsOf, fund, drain, wallet, serial } = campaignLife(() => world);

  useCampaignWorld((started) => (world = started));

  it('pauses every running and scheduled campaign (WALLET_REVERSAL) with a notification saying why when a payment is reversed, even one the unheld balance covers, releases their holds and refuses to resume while in debt', async () => {
    // A finished campaign whose one message's outcome is unknown: its share stays held (Meta may yet confirm it).
    await fund(PRICE);
    const earlier = await draft(1);
    world.meta.simulator.sends.faultSends({ recipient: earlier.waIds[0], fault: 'status5xx' });
    expect((await world.gql(START, { id: earlier.id })).errors).toBeUndefined();
    await world.dispatch();
    expect(await read(earlier.id)).toMatchObject({ status: 'COMPLETED', counts: { unknown: 1 } });

    await drain();
    await fund(10n * PRICE);
    const running = await draft(4);
    expect((await world.gql(START, { id: running.id })).errors).toBeUndefined();
    const scheduled = await draft(2);
    const at = new Date(world.clock.now().getTime() + 3_600_000).toISOString();
    expect((await world.gql(SCHEDULE, { id: scheduled.id, at })).errors).toBeUndefined();
    const launched = await money();
    expect(launched.held - 4n * PRICE).toBe(PRICE);
    expect(launched.available).toBe(6n * PRICE);
    const reverse = (name: string, amount: bigint) =>
      wallet().debit(workspaceEm(world.em(), world.workspaceId), world.workspaceId, {
        key: `test-reversal:${name}:${running.id}`,
        reference: `midtrans:${name}`,
        actor: 'midtrans',
        amount: rupiah(amount),
        kind: 'REVERSAL',
      });

    // A small refund the unheld balance covers still stops spending (issue 17 point 5: every reversal pauses).
    await reverse('refund', PRICE);
    for (const { id } of [running, scheduled]) {
      // The reason issue 17 names: the sender is told a payment was reversed, not merely that funds ran short.
      expect(await read(id)).toMatchObject({ status: 'PAUSED', pauseReason: 'WALLET_REVERSAL' });
      const notices = (await notificationsOf(id)).filter((notice) => notice.type === 'CAMPAIGN_PAUSED');
      expect(notices).toHaveLength(1);
      expect(notices[0]!.body).toContain('was paused: a payment was reversed');
    }
    const reversed = await money();
    // The running campaign's hold is released (nothing of it was in flight); the unknown message's share stays.
    expect(reversed.balance).toBe(launched.balance - PRICE);
    expect(reversed.held).toBe(PRICE);
    expect(reversed.debt).toBe(0n);
    expect({ balance: reversed.ledgerBalance, held: reversed.ledgerHeld }).toEqual({
      balance: reversed.balance,
      held: reversed.held,
    });
    await world.dispatch();
    for (const waId of [...running.waIds, ...scheduled.waIds])
      expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get(waId)).toBeUndefined();

    // A chargeback of the rest: the wallet is in debt by the share still held, and nothing resumes.
    await reverse('chargeback', reversed.balance);
    const inDebt = await money();
    expect(inDebt).toMatchObject({ balance: 0n, held: PRICE, available: -PRICE, debt: PRICE });
    for (const { id } of [running, scheduled]) {
      const refused = await world.gql(RESUME, { id });
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'INSUFFICIENT_BALANCE',
        messageKey: 'wallet.inDebt',
      });
      expect((await read(id)).status).toBe('PAUSED');
    }
    // A second notice for the same campaigns would be noise: they were paused already.
    expect((await notificationsOf(running.id)).filter((notice) => notice.type === 'CAMPAIGN_PAUSED')).toHaveLength(1);

    // Topped up: both resume, each held again for what it has left, and send.
    await fund(7n * PRICE);
    for (const { id } of [running, scheduled]) expect((await world.gql(RESUME, { id })).errors).toBeUndefined();
    await world.dispatch();
    expect((await read(running.id)).counts).toMatchObject({ total: 4, sent: 4 });
    expect((await read(scheduled.id)).counts).toMatchObject({ total: 2, sent: 2 });
    const settled = await money();
    expect(settled).toMatchObject({ balance: PRICE, held: PRICE, available: 0n });
    expect(settled.ledgerBalance).toBe(settled.balance);
    expect(settled.ledgerHeld).toBe(settled.held);
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

  it('pauses running campaigns (TOKEN) without sending when the channel’s token cannot be opened (a key rotation left it), and sends once it can', async () => {
    await fund(10n * PRICE);
    const { id, waIds } = await draft(2);
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    const [stored] = await world.sql<{ sealed: string }>(
      'select access_token_sealed as sealed from channel where id = ?',
      [world.channelId],
    );
    await world.sql('update channel set access_token_sealed = ? where id = ?', [
      new TokenBox('a-key-this-installation-never-had-000000003').seal('EAAG-unknown'),
      world.channelId,
    ]);
    await world.dispatch();
    expect(await read(id)).toMatchObject({ status: 'PAUSED', pauseReason: 'TOKEN' });
    for (const waId of waIds) expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get(waId)).toBeUndefined();
    const notices = (await notificationsOf(id, 'en')).filter((notice) => notice.type === 'CAMPAIGN_PAUSED');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain("was paused: the channel's access token no longer works");

    // The token replaced (here: the readable one put back), the campaign resumes and sends.
    await world.sql('update channel set access_token_sealed = ? where id = ?', [stored!.sealed, world.channelId]);
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
