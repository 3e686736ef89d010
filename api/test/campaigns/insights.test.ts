import { CREATE, PHONE_NUMBER_ID, PROMO_VARIABLES, START, startCampaignWorld, type CampaignWorld } from './support';

const TIMELINE = `query ($id: ID!) {
  campaignTimeline(campaignId: $id) { bucketSeconds points { at sent delivered read failed } }
}`;
const REPLIES = `query ($id: ID!, $first: Int, $after: String) {
  campaignReplies(campaignId: $id, first: $first, after: $after) {
    totalCount items { phone name type text receivedAt } pageInfo { hasNextPage endCursor }
  }
}`;

interface Timeline {
  campaignTimeline: {
    bucketSeconds: number;
    points: { at: string; sent: number; delivered: number; read: number; failed: number }[];
  };
}
interface Replies {
  campaignReplies: {
    totalCount: number;
    items: { phone: string; name: string | null; type: string; text: string | null; receivedAt: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** The campaign detail page's chart and replies: what happened when, and who wrote back. */
describe('campaign insights', () => {
  let world: CampaignWorld;
  let campaignId: string;

  beforeAll(async () => {
    world = await startCampaignWorld();
    // Every accepted message is delivered 0.1 s and read 1 s after it is sent (the world's clock starts 03:00:00Z).
    world.meta.simulator.sends.configure({ webhooks: { readShare: 1, deliveredDelayMs: 100, readDelayMs: 1000 } });
    await world.addContacts([
      { phone: '+6281700000001', name: 'Ani', tags: ['wawasan'] },
      { phone: '+6281700000002', name: 'Budi', tags: ['wawasan'] },
      { phone: '+6281700000003', name: 'Citra', tags: ['wawasan'] },
      { phone: '+6281700000004', name: 'Dewi', tags: ['wawasan'] },
      { phone: '+6281700000099', name: 'Bukan penerima', tags: ['lain'] },
    ]);
    await world.fund(10_000n);
    const created = await world.gql<{ createCampaign: { id: string } }>(CREATE, {
      input: {
        name: 'Wawasan',
        channelId: world.channelId,
        templateId: await world.templateId('promo_akhir_tahun'),
        variables: PROMO_VARIABLES,
        audience: { kind: 'TAGS', tags: ['wawasan'] },
      },
    });
    campaignId = created.data!.createCampaign.id;
    // Meta refuses Dewi's message for good (131026: not a WhatsApp user).
    world.meta.simulator.sends.failSends({ recipient: '6281700000004', code: 131026 });
    expect((await world.gql(START, { id: campaignId })).errors).toBeUndefined();
    await world.dispatch();
    await world.deliverStatuses(5000);
  });
  afterAll(async () => {
    await world.stop();
  });

  it('counts sent, delivered, read and failed messages per minute, each at its own time', async () => {
    const answer = await world.gql<Timeline>(TIMELINE, { id: campaignId });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.campaignTimeline).toEqual({
      bucketSeconds: 60,
      points: [{ at: '2026-12-01T03:00:00.000Z', sent: 3, delivered: 3, read: 3, failed: 1 }],
    });
  });

  it('has no points for a draft, and is NOT_FOUND for a campaign that does not exist', async () => {
    const draft = await world.gql<{ createCampaign: { id: string } }>(CREATE, { input: { name: 'Belum' } });
    const empty = await world.gql<Timeline>(TIMELINE, { id: draft.data!.createCampaign.id });
    expect(empty.data!.campaignTimeline.points).toEqual([]);
    const missing = await world.gql(TIMELINE, { id: '0190a000-0000-7000-8000-000000000000' }, world.owner, 'id');
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const replies = await world.gql(REPLIES, { id: '0190a000-0000-7000-8000-000000000000' });
    expect(replies.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists the replies of its recipients within 3 days of their message, newest first, paged', async () => {
    // Ten minutes after the send Ani and Budi answer, then someone who was not a recipient writes.
    world.clock.advance(10 * 60_000);
    world.meta.simulator.sends.inbound({
      phoneNumberId: PHONE_NUMBER_ID,
      from: '6281700000001',
      message: { type: 'text', body: 'Masih ada stok?' },
    });
    await world.deliverStatuses(1000);
    world.meta.simulator.sends.inbound({
      phoneNumberId: PHONE_NUMBER_ID,
      from: '6281700000002',
      message: { type: 'button', text: 'Berhenti promo' },
    });
    world.meta.simulator.sends.inbound({
      phoneNumberId: PHONE_NUMBER_ID,
      from: '6281700000099',
      message: { type: 'text', body: 'Halo' },
    });
    await world.deliverStatuses(1000);
    // Four days later Citra writes: too late to be this campaign's doing. (The clock comes back after, so the
    // owner's session is still open.)
    const now = world.clock.now();
    world.clock.advance(4 * 86_400_000);
    world.meta.simulator.sends.inbound({
      phoneNumberId: PHONE_NUMBER_ID,
      from: '6281700000003',
      message: { type: 'text', body: 'Pesan lama' },
    });
    await world.deliverStatuses(1000);
    world.clock.set(now);
    const stored = await world.sql<{ count: number }>(
      `select count(*)::int as count from contact_reply r join contact c on c.id = r.contact_id where c.phone = ?`,
      ['+6281700000003'],
    );
    expect(stored[0]!.count).toBe(1);

    const first = await world.gql<Replies>(REPLIES, { id: campaignId, first: 1 });
    expect(first.errors).toBeUndefined();
    expect(first.data!.campaignReplies).toMatchObject({
      totalCount: 2,
      items: [{ phone: '+6281700000002', name: 'Budi', type: 'button', text: 'Berhenti promo' }],
      pageInfo: { hasNextPage: true },
    });
    const next = await world.gql<Replies>(REPLIES, {
      id: campaignId,
      first: 1,
      after: first.data!.campaignReplies.pageInfo.endCursor,
    });
    expect(next.data!.campaignReplies).toMatchObject({
      items: [{ phone: '+6281700000001', name: 'Ani', type: 'text', text: 'Masih ada stok?' }],
      pageInfo: { hasNextPage: false },
    });
  });
});
