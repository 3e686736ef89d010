import { createHmac } from 'node:crypto';
import { rupiah } from '../../src/core/money';
import { workspaceEm } from '../../src/db/base.entity';
import { createMember, type TestMember } from '../support/identity';
import { waitFor } from '../support/wait';
import {
  APP_SECRET,
  CAMPAIGN,
  CREATE,
  PRICE,
  PROMO_VARIABLES,
  START,
  WABA_ID,
  startCampaignWorld,
  type CampaignWorld,
} from './support';

interface Read {
  status: string;
  pauseReason: string | null;
  pauseReasonText: string | null;
  cost: number;
  counts: Record<string, number>;
}

const SCHEDULE = `mutation ($id: ID!, $at: DateTimeISO!) { scheduleCampaign(id: $id, at: $at) { id status scheduledAt } }`;
const UPDATE = `mutation ($id: ID!, $input: CampaignDraftInput!) {
  updateCampaign(id: $id, input: $input) { id status name windowStart windowEnd audience { kind tags } variables { parameter source value } }
}`;
const ESTIMATE = `query ($id: ID!) {
  estimateCampaign(id: $id) { matched recipients cost messagingLimit limitRemainingToday days exceedsSpread }
}`;
const TEST_SEND = `mutation ($id: ID!, $phone: String!) { sendTestMessage(id: $id, phone: $phone) { status wamid errorCode } }`;
const RETARGET = `mutation ($id: ID!, $input: RetargetInput!) {
  retargetCampaign(id: $id, input: $input) { id status name retargetOf audience { kind } templateId channelId }
}`;
const RESUME = `mutation ($id: ID!) { resumeCampaign(id: $id) { status pauseReason } }`;
const NOTIFICATIONS = `query { notifications(first: 100) { items { type title body link } } }`;

/**
 * A campaign's life around its launch (issue 19 points 1, 2 and 6), each expectation taken from the issue: a
 * scheduled campaign short of funds at its start, edits while scheduled, the messaging-limit spread, the test send,
 * retargeting, and the wallet's reversal pausing what runs. One workspace whose wallet the tests use in order.
 */
describe('a campaign’s life around its launch', () => {
  let world: CampaignWorld;
  let serial = 0;
  let operator: TestMember;
  let viewer: TestMember;

  beforeAll(async () => {
    world = await startCampaignWorld();
    operator = await createMember(world.em(), world.owner.workspace, 'operator');
    viewer = await createMember(world.em(), world.owner.workspace, 'viewer');
  });
  afterAll(async () => {
    await world.stop();
  });
  afterEach(() => {
    world.meta.simulator.sends.reset();
    world.meta.simulator.sends.configure({
      enforceThroughput: false,
      enforcePairRate: false,
      webhooks: { url: `${world.api.url}/api/webhooks/whatsapp` },
    });
  });

  /** A draft to `count` new contacts of its own tag; returns its id, tag and the contacts' wa_ids. */
  async function draft(count: number, who: TestMember = world.owner) {
    serial += 1;
    const tag = `hidup${serial}`;
    const phones = Array.from(
      { length: count },
      (_, index) => `+62818${String(serial).padStart(2, '0')}${String(index).padStart(5, '0')}`,
    );
    await world.addContacts(phones.map((phone) => ({ phone, name: 'Sari', tags: [tag] })));
    const created = await world.gql<{ createCampaign: { id: string } }>(
      CREATE,
      {
        input: {
          name: `Kampanye ${tag}`,
          channelId: world.channelId,
          templateId: await world.templateId('promo_akhir_tahun'),
          variables: PROMO_VARIABLES,
          audience: { kind: 'TAGS', tags: [tag] },
        },
      },
      who,
    );
    expect(created.errors).toBeUndefined();
    return { id: created.data!.createCampaign.id, tag, waIds: phones.map((phone) => phone.slice(1)) };
  }

  const read = async (id: string) => (await world.gql<{ campaign: Read }>(CAMPAIGN, { id })).data!.campaign;
  const wallet = () => world.api.running.services.wallet.wallet;
  const money = async () => {
    const summary = await wallet().summary(world.em(), world.workspaceId);
    const sums = await wallet().ledgerSums(world.em(), world.workspaceId);
    return { ...summary, ledgerBalance: sums.balance, ledgerHeld: sums.held };
  };
  const notificationsOf = async (campaignId: string, language = 'en') =>
    (
      await world.gql<{ notifications: { items: { type: string; title: string; body: string; link: string }[] } }>(
        NOTIFICATIONS,
        {},
        world.owner,
        language,
      )
    ).data!.notifications.items.filter((item) => item.link === `/campaigns/${campaignId}`);
  /** A top-up of its own (world.fund's key is the clock's time and the amount, which these tests repeat). */
  let topups = 0;
  const fund = async (amount: bigint) => {
    topups += 1;
    await wallet().credit(world.em(), world.workspaceId, {
      key: `lifecycle-topup:${topups}`,
      reference: 'test',
      actor: 'test',
      amount: rupiah(amount),
    });
  };
  /** Empties the wallet's available balance (a platform correction), so the next test starts from zero. */
  async function drain() {
    const { available } = await money();
    if (available <= 0n) return;
    await wallet().adjust(world.em(), world.workspaceId, {
      key: `test-drain:${serial}:${world.clock.now().getTime()}`,
      reference: 'test',
      actor: 'test',
      amount: rupiah(-available),
      reason: 'test',
    });
  }

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
    serial += 1;
    const otherTag = `hidup${serial}`;
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
      ['campaign.created', `Kampanye hidup${serial}`],
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

  it('pauses running campaigns (INSUFFICIENT_BALANCE) with a notification when a payment reversal leaves the available balance below zero, and sends nothing more', async () => {
    await drain();
    await fund(10n * PRICE);
    const { id, waIds } = await draft(4);
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    const launched = await money();
    // What stays held elsewhere: the share of an earlier campaign's message whose outcome is still unknown.
    const others = launched.held - 4n * PRICE;
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
    expect(paused).toMatchObject({ status: 'PAUSED', pauseReason: 'INSUFFICIENT_BALANCE' });
    const after = await money();
    // The paused campaign's hold is released; the unknown message's share elsewhere stays held.
    expect(after.balance).toBe(launched.balance - 8n * PRICE);
    expect(after.held).toBe(others);
    expect(after.available).toBe(2n * PRICE);
    expect(after.ledgerBalance).toBe(after.balance);
    expect(after.ledgerHeld).toBe(after.held);
    const [notice] = await notificationsOf(id);
    expect(notice).toMatchObject({ type: 'CAMPAIGN_PAUSED' });
    expect(notice!.body).toContain('the available balance did not cover it');

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
    expect(paused[0]!.body).toBe(`“Kampanye hidup${serial}” dijeda: Meta menjeda templat`);
    const english = (await notificationsOf(id, 'en')).filter((notice) => notice.type === 'CAMPAIGN_PAUSED');
    expect(english[0]!.body).toBe(`“Kampanye hidup${serial}” was paused: Meta paused the template`);
    expect((await world.gql('mutation ($id: ID!) { cancelCampaign(id: $id) { id } }', { id })).errors).toBeUndefined();
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
