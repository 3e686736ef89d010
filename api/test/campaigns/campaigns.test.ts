import {
  CAMPAIGN,
  CREATE,
  PHONE_NUMBER_ID,
  PRICE,
  PROMO_VARIABLES,
  START,
  startCampaignWorld,
  type CampaignWorld,
} from './support';

interface Counts {
  total: number;
  queued: number;
  sending: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  skipped: number;
  unknown: number;
}

/** Campaigns end to end against the Meta simulator: drafts, estimate, launch and its money, dispatch, statuses. */
describe('campaigns', () => {
  let world: CampaignWorld;

  beforeAll(async () => {
    world = await startCampaignWorld();
  });
  afterAll(async () => {
    await world.stop();
  });

  async function draft(tag: string, template = 'promo_akhir_tahun', variables: unknown[] = PROMO_VARIABLES) {
    const created = await world.gql<{ createCampaign: { id: string; status: string } }>(CREATE, {
      input: {
        name: `Promo ${tag}`,
        channelId: world.channelId,
        templateId: await world.templateId(template),
        variables,
        audience: { kind: 'TAGS', tags: [tag] },
      },
    });
    expect(created.errors).toBeUndefined();
    return created.data!.createCampaign.id;
  }

  const read = async (id: string) =>
    (
      await world.gql<{
        campaign: { status: string; pauseReason: string | null; cost: number; price: number; counts: Counts };
      }>(CAMPAIGN, { id })
    ).data!.campaign;

  async function money() {
    const wallet = world.api.running.services.wallet.wallet;
    const summary = await wallet.summary(world.em(), world.workspaceId);
    const sums = await wallet.ledgerSums(world.em(), world.workspaceId);
    return { ...summary, ledgerBalance: sums.balance, ledgerHeld: sums.held };
  }

  it('refuses a draft whose template belongs to another WABA, and a launch with unmapped parameters, in the reader’s language', async () => {
    const missing = await draft('unmapped', 'promo_akhir_tahun', [{ parameter: 'first_name', source: 'NAME' }]);
    await world.addContacts([{ phone: '+6281100000901', tags: ['unmapped'] }]);
    await world.fund(10_000n);
    const refused = await world.gql(START, { id: missing }, world.owner, 'id');
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      messageKey: 'campaigns.parametersMissing',
    });
    expect(refused.errors?.[0]?.message).toBe('Petakan setiap parameter templat: discount, end_date belum ada.');
    expect((await read(missing)).counts.total).toBe(0);
    await world.sql(
      `insert into message_template (id, created_at, updated_at, workspace_id, waba_id, meta_id, name, language, category, components, status, synced_at)
       values (gen_random_uuid(), now(), now(), ?, '999999999999999', '1', 'lain', 'id', 'UTILITY', '[]', 'APPROVED', now())`,
      [world.workspaceId],
    );
    const foreign = await world.gql(CREATE, {
      input: { name: 'Lain', channelId: world.channelId, templateId: await world.templateId('lain') },
    });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(foreign.errors?.[0]?.extensions)).toContain('campaigns.templateOtherWaba');
  });

  it('estimates recipients after opt-outs (marketing ones for a marketing template) and invalid numbers, and the cost', async () => {
    await world.addContacts([
      { phone: '+6281100000001', name: 'Ani', tags: ['estimasi'] },
      { phone: '+6281100000002', name: 'Budi', tags: ['estimasi'] },
      { phone: '+6281100000003', tags: ['estimasi'] },
      { phone: '+6281100000004', tags: ['estimasi'] },
      { phone: '+6281100000005', tags: ['estimasi'] },
      { phone: '12345', tags: ['estimasi'] },
    ]);
    await world.sql(`update contact set opted_out_at = now() where workspace_id = ? and phone = '+6281100000004'`, [
      world.workspaceId,
    ]);
    await world.sql(
      `update contact set marketing_opt_out_at = now() where workspace_id = ? and phone = '+6281100000005'`,
      [world.workspaceId],
    );
    const id = await draft('estimasi');
    const { data, errors } = await world.gql<{ estimateCampaign: Record<string, unknown> }>(
      `query ($id: ID!) { estimateCampaign(id: $id) {
        matched suppressed invalid recipients category price cost messagingLimit limitRemainingToday days exceedsSpread
      } }`,
      { id },
    );
    expect(errors).toBeUndefined();
    expect(data!.estimateCampaign).toEqual({
      matched: 6,
      suppressed: 2,
      invalid: 1,
      recipients: 3,
      category: 'MARKETING',
      price: 500,
      cost: 1500,
      messagingLimit: 10_000,
      limitRemainingToday: 10_000,
      days: 1,
      exceedsSpread: false,
    });
  });

  it('refuses a launch the available balance does not cover with the shortfall, leaving no recipients and no hold', async () => {
    await world.addContacts(
      Array.from({ length: 30 }, (_, index) => ({
        phone: `+62812000001${String(index).padStart(2, '0')}`,
        tags: ['mahal'],
      })),
    );
    const id = await draft('mahal');
    const before = await money();
    // 30 x Rp500 = Rp15.000 against what is available.
    const shortfall = 30n * PRICE - before.available;
    expect(shortfall).toBeGreaterThan(0n);
    const refused = await world.gql(START, { id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    expect(refused.errors?.[0]?.message).toContain(`Rp${Number(shortfall).toLocaleString('id-ID')}`);
    expect((await read(id)).counts.total).toBe(0);
    expect((await read(id)).status).toBe('DRAFT');
    expect((await money()).held).toBe(before.held);
  });

  it('launches with one hold, sends each recipient once, charges each accepted message once and completes', async () => {
    await world.addContacts(
      Array.from({ length: 12 }, (_, index) => ({
        phone: `+62813000000${String(index).padStart(2, '0')}`,
        name: index === 0 ? '' : `Kontak ${index}`,
        tags: ['kirim'],
        attributes: (index === 1 ? { sampai: '5 Januari' } : {}) as Record<string, string>,
      })),
    );
    await world.fund(100_000n);
    const id = await draft('kirim');
    const before = await money();
    const started = await world.gql<{ startCampaign: { status: string } }>(START, { id });
    expect(started.errors).toBeUndefined();
    expect(started.data!.startCampaign.status).toBe('RUNNING');
    const launched = await money();
    expect(launched.held - before.held).toBe(12n * PRICE);
    expect(launched.balance).toBe(before.balance);

    await world.dispatch();

    const campaign = await read(id);
    expect(campaign.status).toBe('COMPLETED');
    expect(campaign.counts).toMatchObject({ total: 12, sent: 12, queued: 0, sending: 0, failed: 0 });
    expect(campaign.cost).toBe(Number(12n * PRICE));
    const ledger = world.meta.simulator.sends.ledger;
    const mine = [...ledger.acceptedByRecipient].filter(([recipient]) => recipient.startsWith('62813'));
    expect(mine).toHaveLength(12);
    expect(mine.every(([, count]) => count === 1)).toBe(true);
    const after = await money();
    expect(after.balance).toBe(before.balance - 12n * PRICE);
    expect(after.held).toBe(before.held);
    expect(after.ledgerBalance).toBe(after.balance);
    expect(after.ledgerHeld).toBe(after.held);
  });

  it('lists a campaign’s recipients with their times and Meta ids, by status, page by page', async () => {
    await world.addContacts(
      ['+6281300001000', '+6281300001100', '+6281300001200'].map((phone) => ({ phone, tags: ['daftar'] })),
    );
    await world.fund(10_000n);
    const id = await draft('daftar');
    const startedAt = world.clock.now().getTime();
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    await world.dispatch();
    const MESSAGES = `query ($id: ID!, $status: CampaignMessageStatus, $after: String) {
      campaignMessages(campaignId: $id, status: $status, first: 2, after: $after) {
        items { phone status wamid charged sentAt deliveredAt readAt failedAt updatedAt }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    type Page = {
      campaignMessages: {
        items: { phone: string; status: string; wamid: string; sentAt: string; updatedAt: string; readAt: null }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const first = await world.gql<Page>(MESSAGES, { id, status: 'SENT' });
    expect(first.errors).toBeUndefined();
    const second = await world.gql<Page>(MESSAGES, {
      id,
      status: 'SENT',
      after: first.data!.campaignMessages.pageInfo.endCursor,
    });
    expect(second.errors).toBeUndefined();
    const items = [...first.data!.campaignMessages.items, ...second.data!.campaignMessages.items];
    expect(first.data!.campaignMessages.pageInfo.hasNextPage).toBe(true);
    expect(second.data!.campaignMessages.pageInfo.hasNextPage).toBe(false);
    expect(items.map((item) => item.phone).sort()).toEqual(['+6281300001000', '+6281300001100', '+6281300001200']);
    for (const item of items) {
      expect(item.status).toBe('SENT');
      expect(item.wamid).toMatch(/^wamid\./);
      expect(Date.parse(item.sentAt)).toBeGreaterThanOrEqual(startedAt);
      expect(Number.isNaN(Date.parse(item.updatedAt))).toBe(false);
      expect(item.readAt).toBeNull();
    }
    const none = await world.gql<Page>(MESSAGES, { id, status: 'FAILED' });
    expect(none.data!.campaignMessages.items).toEqual([]);
  });

  it('skips a contact that opted out after launch, releasing its share of the hold, and never sends to it', async () => {
    await world.addContacts([
      { phone: '+6281400000001', tags: ['berhenti'] },
      { phone: '+6281400000002', tags: ['berhenti'] },
      { phone: '+6281400000003', tags: ['berhenti'] },
    ]);
    const id = await draft('berhenti');
    const before = await money();
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    await world.sql(`update contact set opted_out_at = now() where workspace_id = ? and phone = '+6281400000002'`, [
      world.workspaceId,
    ]);
    await world.dispatch();
    const campaign = await read(id);
    expect(campaign.counts).toMatchObject({ total: 3, sent: 2, skipped: 1 });
    expect(campaign.status).toBe('COMPLETED');
    expect(world.meta.simulator.sends.ledger.acceptedByRecipient.get('6281400000002')).toBeUndefined();
    const after = await money();
    expect(after.balance).toBe(before.balance - 2n * PRICE);
    expect(after.held).toBe(before.held);
  });

  it('applies delivered and read statuses from Meta’s webhooks, forward only', async () => {
    // Every status twice, and in reverse order (read before delivered before sent): the counts still end at READ.
    world.meta.simulator.sends.configure({
      webhooks: { readShare: 1, deliveredDelayMs: 100, readDelayMs: 1000, duplicateShare: 1, reorderShare: 1 },
    });
    await world.addContacts([
      { phone: '+6281500000001', tags: ['status'] },
      { phone: '+6281500000002', tags: ['status'] },
    ]);
    const id = await draft('status');
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    await world.dispatch();
    await world.deliverStatuses(5000);
    const campaign = await read(id);
    expect(campaign.counts).toMatchObject({ total: 2, read: 2, sent: 0, delivered: 0 });
    // Read and delivered reached the portal in one pass: the recipients still say when they were delivered.
    const recipients = await world.gql<{
      campaignMessages: { items: { deliveredAt: string | null; readAt: string | null }[] };
    }>('query ($id: ID!) { campaignMessages(campaignId: $id) { items { deliveredAt readAt } } }', { id });
    expect(recipients.errors).toBeUndefined();
    for (const item of recipients.data!.campaignMessages.items) {
      expect(item.deliveredAt).not.toBeNull();
      expect(item.readAt).not.toBeNull();
    }
  });

  it('keeps the charge of a message that failed after it was delivered: Meta bills what reached the phone', async () => {
    world.meta.simulator.sends.configure({ webhooks: { readShare: 0, deliveredDelayMs: 100 } });
    await world.addContacts([{ phone: '+6281500000101', tags: ['telat'] }]);
    await world.fund(10_000n);
    const id = await draft('telat');
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    await world.dispatch();
    const charged = await money();
    const MESSAGES =
      'query ($id: ID!) { campaignMessages(campaignId: $id) { items { id phone wamid charged deliveredAt errorCode } } }';
    type Items = {
      campaignMessages: {
        items: {
          id: string;
          phone: string;
          wamid: string;
          charged: number;
          deliveredAt: string | null;
          errorCode: number | null;
        }[];
      };
    };
    const [message] = (await world.gql<Items>(MESSAGES, { id })).data!.campaignMessages.items;
    expect(message!.charged).toBe(Number(PRICE));
    // Its delivered status and a later failure reach the portal before one status pass applies them.
    world.meta.simulator.sends.lateFailure({
      phoneNumberId: PHONE_NUMBER_ID,
      wamid: message!.wamid,
      waId: message!.phone.replace('+', ''),
      code: 131026,
      callbackData: message!.id,
    });
    await world.deliverStatuses(200);
    expect((await read(id)).counts).toMatchObject({ total: 1, failed: 1 });
    const [after] = (await world.gql<Items>(MESSAGES, { id })).data!.campaignMessages.items;
    expect(after).toMatchObject({ charged: Number(PRICE), errorCode: 131026 });
    expect(after!.deliveredAt).not.toBeNull();
    const money2 = await money();
    expect(money2.balance).toBe(charged.balance);
    expect(money2.ledgerBalance).toBe(money2.balance);
  });

  it('pauses keeping the hold, resumes, and cancels releasing what no message in flight needs', async () => {
    await world.addContacts(
      Array.from({ length: 5 }, (_, index) => ({
        phone: `+6281600000${String(index).padStart(3, '0')}`,
        tags: ['jeda'],
      })),
    );
    const id = await draft('jeda');
    const before = await money();
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    const paused = await world.gql<{ pauseCampaign: { status: string } }>(
      'mutation ($id: ID!) { pauseCampaign(id: $id) { status } }',
      { id },
    );
    expect(paused.data!.pauseCampaign.status).toBe('PAUSED');
    await world.dispatch();
    expect((await read(id)).counts.queued).toBe(5);
    expect((await money()).held - before.held).toBe(5n * PRICE);
    const resumed = await world.gql<{ resumeCampaign: { status: string } }>(
      'mutation ($id: ID!) { resumeCampaign(id: $id) { status } }',
      { id },
    );
    expect(resumed.data!.resumeCampaign.status).toBe('RUNNING');
    const cancelled = await world.gql<{ cancelCampaign: { status: string } }>(
      'mutation ($id: ID!) { cancelCampaign(id: $id) { status } }',
      { id },
    );
    expect(cancelled.data!.cancelCampaign.status).toBe('CANCELLED');
    const campaign = await read(id);
    expect(campaign.counts).toMatchObject({ total: 5, skipped: 5 });
    const after = await money();
    expect(after.held).toBe(before.held);
    expect(after.balance).toBe(before.balance);
  });
});
