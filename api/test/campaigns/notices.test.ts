import { createMember, type TestMember } from '../support/identity';
import { countsOf } from '../support/notifications';
import { campaignLife, useCampaignWorld } from './life-support';
import { PRICE, START, type CampaignWorld } from './support';

/**
 * A campaign's start and completion told to the members who may send (CAMPAIGNS_SEND: Owner, Admin, Operator; not
 * Finance or Viewer), once each, in the reader's language (issue 20 point 3).
 */
describe('a campaign’s notifications', () => {
  let world: CampaignWorld;
  let members: Record<'owner' | 'operator' | 'finance' | 'viewer', TestMember>;
  const { draft, read, notificationsOf, fund, serial } = campaignLife(() => world);

  useCampaignWorld((started) => (world = started));

  beforeAll(async () => {
    const workspace = world.owner.workspace;
    members = {
      owner: world.owner,
      operator: await createMember(world.em(), workspace, 'operator'),
      finance: await createMember(world.em(), workspace, 'finance'),
      viewer: await createMember(world.em(), workspace, 'viewer'),
    };
  });

  it('tells the senders once that a campaign started, and once that it completed, with what Meta accepted', async () => {
    await fund(10n * PRICE);
    const { id, waIds } = await draft(3);
    // One recipient Meta refuses for good (131026, undeliverable): failed, not sent.
    world.meta.simulator.sends.failSends({ code: 131026, recipient: waIds[0] });
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    expect(await countsOf(world.api, members, 'CAMPAIGN_STARTED')).toEqual({
      owner: 1,
      operator: 1,
      finance: 0,
      viewer: 0,
    });
    expect(await countsOf(world.api, members, 'CAMPAIGN_COMPLETED')).toEqual({
      owner: 0,
      operator: 0,
      finance: 0,
      viewer: 0,
    });

    await world.dispatch();
    expect(await read(id)).toMatchObject({ status: 'COMPLETED', counts: { sent: 2, failed: 1 } });
    // The loop's later passes, the statuses' webhooks and the tick find it completed already: told once.
    await world.deliverStatuses();
    await world.dispatch();
    await world.api.running.services.campaigns.dispatch.tick(world.em());
    expect(await countsOf(world.api, members, 'CAMPAIGN_COMPLETED')).toEqual({
      owner: 1,
      operator: 1,
      finance: 0,
      viewer: 0,
    });
    const name = `Kampanye hidup${serial()}`;
    expect(await notificationsOf(id)).toEqual([
      {
        type: 'CAMPAIGN_COMPLETED',
        title: 'Campaign completed',
        body: `“${name}” finished: 2 messages sent.`,
        link: `/campaigns/${id}`,
      },
      {
        type: 'CAMPAIGN_STARTED',
        title: 'Campaign started',
        body: `“${name}” is sending to 3 recipients.`,
        link: `/campaigns/${id}`,
      },
    ]);
    expect((await notificationsOf(id, 'id')).map((notice) => [notice.title, notice.body])).toEqual([
      ['Kampanye selesai', `“${name}” selesai: 2 pesan terkirim.`],
      ['Kampanye dimulai', `“${name}” sedang mengirim ke 3 penerima.`],
    ]);
  });
});
