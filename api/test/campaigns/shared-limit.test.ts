import {
  CAMPAIGN,
  CREATE,
  PROMO_VARIABLES,
  START,
  connectNumber,
  startCampaignWorld,
  testDispatchStore,
  type CampaignWorld,
} from './support';

const SECOND_NUMBER_ID = '106540352242966';
const DAY_MS = 24 * 3_600_000;
/** What the portfolio may still reach today in this test: Meta's smallest tiers are far larger, the rule is the same. */
const LEFT_TODAY = 30;

type Counts = { total: number; queued: number; sending: number; sent: number };

/**
 * Since October 2025 the messaging limit belongs to the business portfolio: every number of it shares one count of
 * unique recipients per rolling 24 h. Two numbers sending at the same moment must not both spend the last of it.
 */
describe('the portfolio messaging limit shared by two numbers', () => {
  let world: CampaignWorld;
  let secondChannelId: string;

  beforeAll(async () => {
    world = await startCampaignWorld({ extraNumberIds: [SECOND_NUMBER_ID] });
    secondChannelId = await connectNumber(world, SECOND_NUMBER_ID, 'Kedua');
    await world.fund(10_000_000n);
  });
  afterAll(async () => {
    await world.sql(`update business_portfolio set messaging_limit = 10000`);
    await world.stop();
  });

  async function launch(channelId: string, tag: string): Promise<string> {
    const created = await world.gql<{ createCampaign: { id: string } }>(CREATE, {
      input: {
        name: tag,
        channelId,
        templateId: await world.templateId('promo_akhir_tahun'),
        variables: PROMO_VARIABLES,
        audience: { kind: 'TAGS', tags: [tag] },
      },
    });
    const id = created.data!.createCampaign.id;
    const started = await world.gql<{ startCampaign: { status: string } }>(START, { id });
    expect(started.errors).toBeUndefined();
    expect(started.data!.startCampaign.status).toBe('RUNNING');
    return id;
  }

  const counts = async (id: string) =>
    (await world.gql<{ campaign: { status: string; counts: Counts } }>(CAMPAIGN, { id })).data!.campaign;

  const run = (channelId: string) =>
    world.api.running.services.campaigns.dispatch.runChannel(world.em, channelId, async () => undefined);

  it('reaches no more distinct recipients than the portfolio’s limit when both numbers send at once, and sends the rest in the next window', async () => {
    const [{ used }] = (await world.sql<{ used: number }>(
      'select count(*)::int as used from portfolio_recipient where window_start > ?',
      [new Date(world.clock.now().getTime() - DAY_MS)],
    )) as [{ used: number }];
    await world.sql('update business_portfolio set messaging_limit = ?', [used + LEFT_TODAY]);
    await world.seedTagged('utama-bersama', 25, '6281881');
    await world.seedTagged('kedua-bersama', 25, '6281882');
    const first = await launch(world.channelId, 'utama-bersama');
    const second = await launch(secondChannelId, 'kedua-bersama');
    world.meta.simulator.sends.ledger.clear();

    await Promise.all([run(world.channelId), run(secondChannelId)]);

    const reached = () => [...world.meta.simulator.sends.ledger.acceptedByRecipient.keys()];
    // Together, exactly what the limit left: not one recipient more, and none of it wasted.
    expect(reached()).toHaveLength(LEFT_TODAY);
    const [a, b] = [await counts(first), await counts(second)];
    expect(a.counts.sent + b.counts.sent).toBe(LEFT_TODAY);
    // The rest waits, queued, in a campaign still running (not paused, not failed); one that got all it needed is done.
    for (const campaign of [a, b]) expect(campaign.status).toBe(campaign.counts.queued > 0 ? 'RUNNING' : 'COMPLETED');
    expect(a.counts.queued + b.counts.queued).toBe(50 - LEFT_TODAY);
    expect(a.counts.sending + b.counts.sending).toBe(0);
    // The channels read the portfolio as spent.
    const read = await world.gql<{ channels: { messagingLimitRemaining: number | null }[] }>(
      '{ channels { messagingLimitRemaining } }',
    );
    expect(read.data!.channels.map((channel) => channel.messagingLimitRemaining)).toEqual([0, 0]);

    // Another dispatch in the same window sends nothing more.
    await Promise.all([run(world.channelId), run(secondChannelId)]);
    expect(reached()).toHaveLength(LEFT_TODAY);

    // Once the window rolls over, the waiting recipients go out, each once.
    world.clock.advance(DAY_MS + 1_000);
    await Promise.all([run(world.channelId), run(secondChannelId)]);
    expect(reached()).toHaveLength(50);
    expect(world.meta.simulator.sends.ledger.duplicates().size).toBe(0);
    expect((await counts(first)).counts).toMatchObject({ total: 25, sent: 25, queued: 0 });
    expect((await counts(second)).counts).toMatchObject({ total: 25, sent: 25, queued: 0 });
  });

  it('lets no two claims of the two numbers, taken at the same instant, spend the same last recipients of the limit', async () => {
    // A fresh window, the same small allowance, and the dispatcher's claim played by hand: ten claims per number,
    // all in flight together, each of a batch that alone would fit in what is left.
    world.clock.advance(DAY_MS + 1_000);
    await world.sql('update business_portfolio set messaging_limit = ?', [LEFT_TODAY]);
    await world.seedTagged('utama-serentak', 40, '6281883');
    await world.seedTagged('kedua-serentak', 40, '6281884');
    const ids = [await launch(world.channelId, 'utama-serentak'), await launch(secondChannelId, 'kedua-serentak')];
    const store = testDispatchStore(world);
    const claimed = await Promise.all(
      [world.channelId, secondChannelId].map(async (channelId, index) => {
        const channel = (await store.channel(world.em(), channelId))!;
        const fence = (await store.acquire(world.em(), channel, `racer-${index}`, 60_000))!;
        const [campaign] = (await store.running(world.em(), channel)).filter((row) => ids.includes(row.id));
        const batches = await Promise.all(
          Array.from({ length: 10 }, () => store.claim(world.em(), channel, campaign!, fence, 4)),
        );
        await store.release(world.em(), channelId, fence);
        return batches.reduce((sum, batch) => sum + (typeof batch === 'object' && batch ? batch.sending.length : 0), 0);
      }),
    );
    expect(claimed[0]! + claimed[1]!).toBe(LEFT_TODAY);
    const [{ counted }] = (await world.sql<{ counted: number }>(
      'select count(*)::int as counted from portfolio_recipient where window_start > ?',
      [new Date(world.clock.now().getTime() - DAY_MS)],
    )) as [{ counted: number }];
    expect(counted).toBe(LEFT_TODAY);
    // The count the claims keep (instead of counting every recipient of the portfolio under its lock each time)
    // is what is there: every one of the twenty claims added what it reserved, none lost in the race.
    const [{ kept }] = (await world.sql<{ kept: number }>(
      'select used as kept from portfolio_usage where portfolio_id = (select portfolio_id from channel where id = ?)',
      [world.channelId],
    )) as [{ kept: number }];
    expect(kept).toBe(LEFT_TODAY);
  });
});
