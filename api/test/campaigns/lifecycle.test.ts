import { createMember, type TestMember } from '../support/identity';
import {
  ESTIMATE,
  RESUME,
  RETARGET,
  SCHEDULE,
  TEST_SEND,
  UPDATE,
  campaignLife,
  useCampaignWorld,
} from './life-support';
import { PRICE, START, type CampaignWorld } from './support';

/**
 * A campaign's life around its launch (issue 19 points 1, 2 and 6), each expectation taken from the issue: a
 * scheduled campaign short of funds at its start, edits while scheduled (and racing a launch), the messaging-limit
 * spread and today's share, the test send, retargeting, and the audit log. One workspace whose wallet the tests use
 * in order.
 */
describe('a campaign’s life around its launch', () => {
  let world: CampaignWorld;
  const { draft, read, money, notificationsOf, fund, drain, serial } = campaignLife(() => world);
  let operator: TestMember;
  let viewer: TestMember;

  useCampaignWorld((started) => (world = started));
  beforeAll(async () => {
    operator = await createMember(world.em(), world.owner.workspace, 'operator');
    viewer = await createMember(world.em(), world.owner.workspace, 'viewer');
  });

  it('pauses a scheduled campaign short of funds at its start time (INSUFFICIENT_BALANCE) with a notification, and launches it on resume once funded', async () => {
    const { id, waIds } = await draft(3);
    const at = new Date(world.clock.now().getTime() + 3_600_000);
    const scheduled = await world.gql<{ scheduleCampaign: { status: string } }>(SCHEDULE, {
      id,
      at: at.toISOString(),
    });
    expect(scheduled.errors).toBeUndefined();
    expect(scheduled.data!.scheduleCampaign.status).toBe('SCHEDULED');
    await fund(2n * PRICE);

    // Before its time nothing starts.
    await world.api.running.services.campaigns.dispatch.tick(world.em());
    expect((await read(id)).status).toBe('SCHEDULED');

    world.clock.advance(3_600_000);
    await world.api.running.services.campaigns.dispatch.tick(world.em());
    const paused = await read(id);
    expect(paused).toMatchObject({ status: 'PAUSED', pauseReason: 'INSUFFICIENT_BALANCE' });
    expect(paused.counts.total).toBe(0);
    expect((await money()).held).toBe(0n);
    const [notice] = await notificationsOf(id, 'id');
    expect(notice).toMatchObject({ type: 'CAMPAIGN_PAUSED', title: 'Kampanye dijeda' });
    expect(notice!.body).toContain('saldo tersedia tidak mencukupi');
    expect(notice!.body).not.toContain('INSUFFICIENT_BALANCE');

    // Still short: resuming is refused with the shortfall, and changes nothing.
    const refused = await world.gql(RESUME, { id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    expect((await read(id)).status).toBe('PAUSED');

    await fund(PRICE);
    const resumed = await world.gql<{ resumeCampaign: { status: string } }>(RESUME, { id });
    expect(resumed.errors).toBeUndefined();
    expect(resumed.data!.resumeCampaign.status).toBe('RUNNING');
    await world.dispatch();
    expect((await read(id)).counts).toMatchObject({ total: 3, sent: 3 });
    for (const waId of waIds) expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get(waId)).toBe(1);
    // The channel knows it sent (its "no webhooks" warning counts from there).
    const [channel] = await world.sql<{ last_sent_at: Date | null }>(`select last_sent_at from channel where id = ?`, [
      world.channelId,
    ]);
    expect(new Date(channel!.last_sent_at!).getTime()).toBe(world.clock.now().getTime());
  });

  it('lets a scheduled campaign be edited until it starts, and launches it with the edits', async () => {
    const { id, tag } = await draft(2);
    const otherTag = 'hidup-diubah';
    await world.addContacts([
      { phone: '+6281899000001', name: 'Tono', tags: [otherTag] },
      { phone: '+6281899000002', name: 'Tini', tags: [otherTag] },
      { phone: '+6281899000003', name: 'Tati', tags: [otherTag] },
    ]);
    const at = new Date(world.clock.now().getTime() + 60_000);
    expect((await world.gql(SCHEDULE, { id, at: at.toISOString() })).errors).toBeUndefined();
    const edited = await world.gql<{
      updateCampaign: { status: string; name: string; windowStart: string; audience: { tags: string[] } };
    }>(UPDATE, {
      id,
      input: {
        name: 'Diubah',
        audience: { kind: 'TAGS', tags: [otherTag] },
        windowStart: '00:00',
        windowEnd: '23:59',
      },
    });
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updateCampaign).toMatchObject({
      status: 'SCHEDULED',
      name: 'Diubah',
      windowStart: '00:00',
      audience: { tags: [otherTag] },
    });
    // Moving the start is another schedule while scheduled.
    const later = new Date(at.getTime() + 60_000);
    expect((await world.gql(SCHEDULE, { id, at: later.toISOString() })).errors).toBeUndefined();

    await fund(10n * PRICE);
    world.clock.advance(61_000);
    await world.api.running.services.campaigns.dispatch.tick(world.em());
    expect((await read(id)).status).toBe('SCHEDULED');
    world.clock.advance(60_000);
    await world.api.running.services.campaigns.dispatch.tick(world.em());
    await world.dispatch();
    const done = await read(id);
    expect(done.status).toBe('COMPLETED');
    expect(done.counts).toMatchObject({ total: 3, sent: 3 });
    expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get('6281899000001')).toBe(1);
    expect(tag).not.toBe(otherTag);

    // Once running or finished, it can no longer be edited.
    const late = await world.gql(UPDATE, { id, input: { name: 'Terlambat' } });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'campaigns.notEditable' });
  });

  it('estimates the days a campaign spreads over at the portfolio’s messaging limit and offers today’s share only beyond 3 days', async () => {
    // The portfolio's limit as Meta last reported it: 250 unique recipients per 24 h.
    await world.sql(`update business_portfolio set messaging_limit = 250`);
    const used = async () =>
      (await world.sql<{ used: number }>(`select count(*)::int as used from portfolio_recipient`))[0]!.used;
    const already = await used();
    const remaining = 250 - already;
    expect(remaining).toBeGreaterThan(0);
    // remaining today + 2 full days = 3 days exactly: no offer.
    const fits = await draft(remaining + 500);
    const three = (await world.gql<{ estimateCampaign: Record<string, unknown> }>(ESTIMATE, { id: fits.id })).data!
      .estimateCampaign;
    expect(three).toMatchObject({
      recipients: remaining + 500,
      messagingLimit: 250,
      limitRemainingToday: remaining,
      days: 3,
      exceedsSpread: false,
    });
    // One recipient more needs a fourth day: the estimate offers to send only today's share.
    await world.addContacts([{ phone: '+6281898000001', tags: [fits.tag] }]);
    const four = (await world.gql<{ estimateCampaign: Record<string, unknown> }>(ESTIMATE, { id: fits.id })).data!
      .estimateCampaign;
    expect(four).toMatchObject({ recipients: remaining + 501, days: 4, exceedsSpread: true });
    await world.sql(`update business_portfolio set messaging_limit = 10000`);
    const unlimited = (await world.gql<{ estimateCampaign: Record<string, unknown> }>(ESTIMATE, { id: fits.id })).data!
      .estimateCampaign;
    expect(unlimited).toMatchObject({ days: 1, exceedsSpread: false });
  });

  it('starts only today’s share of the messaging limit when asked, holding only its cost', async () => {
    await world.sql(`update business_portfolio set messaging_limit = 250`);
    const [{ used }] = (await world.sql<{ used: number }>(
      `select count(*)::int as used from portfolio_recipient where window_start > ?`,
      [new Date(world.clock.now().getTime() - 24 * 3_600_000)],
    )) as [{ used: number }];
    const remaining = 250 - used;
    const { id } = await draft(remaining + 40);
    await fund(BigInt(remaining + 40) * PRICE);
    const before = await money();
    const started = await world.gql<{ startCampaign: { status: string; total: { total: number } } }>(
      `mutation ($id: ID!) { startCampaign(id: $id, todayOnly: true) { status total: counts { total } } }`,
      { id },
    );
    expect(started.errors).toBeUndefined();
    expect(started.data!.startCampaign).toMatchObject({ status: 'RUNNING', total: { total: remaining } });
    expect((await money()).held - before.held).toBe(BigInt(remaining) * PRICE);
    await world.dispatch();
    expect(await read(id)).toMatchObject({ status: 'COMPLETED', counts: { total: remaining, sent: remaining } });

    // Nothing left today: refused, nothing launched.
    const next = await draft(1);
    const refused = await world.gql(`mutation ($id: ID!) { startCampaign(id: $id, todayOnly: true) { id } }`, {
      id: next.id,
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'campaigns.nothingLeftToday',
    });
    expect(await read(next.id)).toMatchObject({ status: 'DRAFT', counts: { total: 0 } });
    await world.sql(`update business_portfolio set messaging_limit = 10000`);
  });

  it('sends a test message to one number, charged as one message of the category, and refuses bad numbers and members without CAMPAIGNS_SEND', async () => {
    const { id } = await draft(1);
    await fund(10n * PRICE);
    const before = await money();

    const bad = await world.gql(TEST_SEND, { id, phone: '12' }, world.owner, 'id');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const forbidden = await world.gql(TEST_SEND, { id, phone: '0812-3456-7001' }, viewer);
    expect(forbidden.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get('6281234567001')).toBeUndefined();
    expect((await money()).balance).toBe(before.balance);

    // An operator holds CAMPAIGNS_SEND; a local number is sent in international form.
    const sent = await world.gql<{ sendTestMessage: { status: string; wamid: string } }>(
      TEST_SEND,
      { id, phone: '0812-3456-7001' },
      operator,
    );
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.sendTestMessage.status).toBe('SENT');
    expect(sent.data!.sendTestMessage.wamid).toMatch(/^wamid\./);
    expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get('6281234567001')).toBe(1);
    const charged = await money();
    expect(charged.balance).toBe(before.balance - PRICE);
    expect(charged.ledgerBalance).toBe(charged.balance);

    // Refused by Meta: not charged.
    world.meta.simulator.sends.failSends({ recipient: '6281234567002', code: 131026 });
    const failed = await world.gql<{ sendTestMessage: { status: string; errorCode: number } }>(TEST_SEND, {
      id,
      phone: '+62 812 3456 7002',
    });
    expect(failed.data!.sendTestMessage).toMatchObject({ status: 'FAILED', errorCode: 131026 });
    expect((await money()).balance).toBe(charged.balance);
    // The draft is still a draft with no recipients.
    expect(await read(id)).toMatchObject({ status: 'DRAFT', counts: { total: 0 } });
  });

  it('charges concurrent test sends only from what is available: one message’s worth sends one message, charged once', async () => {
    const { id } = await draft(1);
    await drain();
    await fund(PRICE);
    const phones = ['+6281234567101', '+6281234567102', '+6281234567103', '+6281234567104'];
    const results = await Promise.all(
      phones.map((phone) => world.gql<{ sendTestMessage: { status: string } }>(TEST_SEND, { id, phone })),
    );
    const sent = results.filter((result) => result.data?.sendTestMessage.status === 'SENT');
    expect(sent).toHaveLength(1);
    for (const result of results.filter((result) => !result.data)) {
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    }
    const accepted = phones.filter((phone) =>
      world.meta.simulator.sends.ledger.acceptedByRecipient.get(phone.slice(1)),
    );
    expect(accepted).toHaveLength(1);
    const after = await money();
    expect(after.available).toBe(0n);
    expect(after.ledgerBalance).toBe(after.balance);
    expect(after.ledgerHeld).toBe(after.held);
  });

  it('retargets a finished campaign’s failed, undelivered or unread recipients as a new draft, never suppressed ones, UNKNOWN only when chosen', async () => {
    await fund(100n * PRICE);
    // Five recipients: one refused (FAILED), one whose answer is lost (UNKNOWN), three accepted, of which every
    // second is read after being delivered.
    const source = await draft(5);
    const [failedId, unknownId] = source.waIds;
    world.meta.simulator.sends.failSends({ recipient: failedId, code: 131026 });
    world.meta.simulator.sends.faultSends({ recipient: unknownId, fault: 'status5xx' });
    world.meta.simulator.sends.configure({ webhooks: { readShare: 0.5, deliveredDelayMs: 100, readDelayMs: 1000 } });
    expect((await world.gql(START, { id: source.id })).errors).toBeUndefined();
    await world.dispatch();
    await world.deliverStatuses(5000);
    const finished = await read(source.id);
    expect(finished.status).toBe('COMPLETED');
    expect(finished.counts).toMatchObject({ total: 5, failed: 1, unknown: 1, delivered: 2, read: 1 });

    // Unfinished campaigns cannot be retargeted; only FAILED, SENT, DELIVERED and UNKNOWN can be chosen.
    const running = await draft(1);
    const early = await world.gql(RETARGET, { id: running.id, input: { statuses: ['FAILED'] } });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    const wrong = await world.gql(RETARGET, { id: source.id, input: { statuses: ['READ'] } });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });

    // The delivered-unread and failed ones, but one of the unread opted out since: never sent to.
    const retarget = await world.gql<{
      retargetCampaign: { id: string; status: string; retargetOf: string; audience: { kind: string } };
    }>(RETARGET, { id: source.id, input: { statuses: ['FAILED', 'DELIVERED'], name: 'Coba lagi' } });
    expect(retarget.errors).toBeUndefined();
    const next = retarget.data!.retargetCampaign;
    expect(next).toMatchObject({ status: 'DRAFT', retargetOf: source.id, audience: { kind: 'RETARGET' } });
    const delivered = await world.sql<{ phone: string }>(
      `select phone from campaign_message where campaign_id = ? and status = 'DELIVERED' order by phone`,
      [source.id],
    );
    expect(delivered).toHaveLength(2);
    await world.sql(`update contact set opted_out_at = now() where workspace_id = ? and phone = ?`, [
      world.workspaceId,
      delivered[0]!.phone,
    ]);
    const estimate = (await world.gql<{ estimateCampaign: { recipients: number } }>(ESTIMATE, { id: next.id })).data!
      .estimateCampaign;
    expect(estimate.recipients).toBe(2);
    world.meta.simulator.sends.reset();
    world.meta.simulator.sends.configure({ enforceThroughput: false, enforcePairRate: false });
    expect((await world.gql(START, { id: next.id })).errors).toBeUndefined();
    await world.dispatch();
    const ledger = world.meta.simulator.sends.ledger.acceptedByRecipient;
    expect([...ledger.keys()].sort()).toEqual([failedId, delivered[1]!.phone.slice(1)].sort());

    // UNKNOWN ones only when chosen.
    const withUnknown = await world.gql<{ retargetCampaign: { id: string } }>(RETARGET, {
      id: source.id,
      input: { statuses: ['UNKNOWN'] },
    });
    const unknownEstimate = (
      await world.gql<{ estimateCampaign: { recipients: number } }>(ESTIMATE, {
        id: withUnknown.data!.retargetCampaign.id,
      })
    ).data!.estimateCampaign;
    expect(unknownEstimate.recipients).toBe(1);
  });

  it('retargets the undelivered (SENT) recipients of a finished campaign', async () => {
    const source = await draft(2);
    // Meta reports them sent and nothing after (within the test's time).
    world.meta.simulator.sends.configure({ webhooks: { deliveredDelayMs: 3_600_000 } });
    expect((await world.gql(START, { id: source.id })).errors).toBeUndefined();
    await world.dispatch();
    await world.deliverStatuses(10);
    expect((await read(source.id)).counts).toMatchObject({ total: 2, sent: 2 });
    const retarget = await world.gql<{ retargetCampaign: { id: string } }>(RETARGET, {
      id: source.id,
      input: { statuses: ['SENT'] },
    });
    expect(retarget.errors).toBeUndefined();
    const estimate = (
      await world.gql<{ estimateCampaign: { recipients: number } }>(ESTIMATE, {
        id: retarget.data!.retargetCampaign.id,
      })
    ).data!.estimateCampaign;
    expect(estimate.recipients).toBe(2);
  });

  it('records every change a member makes to a campaign in the audit log, with that member as the actor', async () => {
    await fund(20n * PRICE);
    const { id } = await draft(2, operator);
    const as = (query: string, variables: Record<string, unknown>) => world.gql(query, variables, operator);
    const step = async (name: string, result: Promise<{ errors?: unknown }>) => {
      const { errors } = await result;
      expect({ name, errors }).toEqual({ name, errors: undefined });
    };
    await step('update', as(UPDATE, { id, input: { name: 'Diaudit' } }));
    await step('schedule', as(SCHEDULE, { id, at: new Date(world.clock.now().getTime() + 60_000).toISOString() }));
    await step('test send', as(TEST_SEND, { id, phone: '+6281234567009' }));
    await step('start', as(START, { id }));
    await step('pause', as('mutation ($id: ID!) { pauseCampaign(id: $id) { status } }', { id }));
    await step('resume', as(RESUME, { id }));
    await step('cancel', as('mutation ($id: ID!) { cancelCampaign(id: $id) { status } }', { id }));
    await step('retarget', as(RETARGET, { id, input: { statuses: ['FAILED', 'UNKNOWN'] } }));
    // A refused change changes nothing and records nothing.
    expect((await as(UPDATE, { id, input: { name: 'Terlambat' } })).errors).toBeDefined();

    const all = await world.sql<{ action: string; actor_id: string; target: string; details: unknown }>(
      `select action, actor_id, target, details from audit_log
       where workspace_id = ? and action like 'campaign.%' and actor_id = ? order by created_at, id`,
      [world.workspaceId, operator.user.id],
    );
    // This member's earlier test send (another test) comes before this campaign's life.
    const entries = all.slice(all.findIndex((entry) => entry.action === 'campaign.created'));
    expect(entries.map((entry) => [entry.action, entry.target])).toEqual([
      ['campaign.created', `Kampanye hidup${serial()}`],
      ['campaign.updated', 'Diaudit'],
      ['campaign.scheduled', 'Diaudit'],
      ['campaign.testSent', 'Diaudit'],
      ['campaign.started', 'Diaudit'],
      ['campaign.paused', 'Diaudit'],
      ['campaign.resumed', 'Diaudit'],
      ['campaign.cancelled', 'Diaudit'],
      ['campaign.retargeted', 'Diaudit'],
    ]);
    expect(entries.find((entry) => entry.action === 'campaign.started')!.details).toEqual({ recipients: 2 });
    expect(entries.find((entry) => entry.action === 'campaign.testSent')!.details).toEqual({ status: 'SENT' });
    expect(entries.find((entry) => entry.action === 'campaign.retargeted')!.details).toEqual({
      statuses: ['FAILED', 'UNKNOWN'],
    });
    // The number of the test send is personal data: it is not in the log.
    expect(JSON.stringify(entries)).not.toContain('81234567009');
  });

  it('never lets an edit land on a campaign its launch is snapshotting, over concurrent connections', async () => {
    await fund(200n * PRICE);
    for (let round = 0; round < 8; round += 1) {
      const first = await draft(3);
      const second = await draft(2);
      // The same moment: a launch of `first`'s audience, and an edit moving the draft to `second`'s.
      const [started, edited] = await Promise.all([
        world.gql(START, { id: first.id }),
        world.gql(UPDATE, { id: first.id, input: { audience: { kind: 'TAGS', tags: [second.tag] } } }),
      ]);
      expect(started.errors).toBeUndefined();
      const [campaign] = await world.sql<{ status: string; audience: { tags: string[] } }>(
        'select status, audience from campaign where id = ?',
        [first.id],
      );
      const snapshot = await world.sql<{ phone: string }>(
        'select phone from campaign_message where campaign_id = ? order by phone',
        [first.id],
      );
      const reached = snapshot.map((row) => row.phone.slice(1));
      if (edited.errors) {
        // The launch came first: the edit is refused and the campaign is what was launched.
        expect(edited.errors[0]?.extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'campaigns.notEditable' });
        expect(campaign!.audience.tags).toEqual([first.tag]);
        expect(reached).toEqual(first.waIds);
      } else {
        // The edit came first: the launch snapshots the edited audience.
        expect(campaign!.audience.tags).toEqual([second.tag]);
        expect(reached).toEqual(second.waIds);
      }
      expect(campaign!.status).toBe('RUNNING');
      expect(
        (await world.gql('mutation ($id: ID!) { cancelCampaign(id: $id) { id } }', { id: first.id })).errors,
      ).toBeUndefined();
    }
  });
});
