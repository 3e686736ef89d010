import { CAMPAIGN, CREATE, PRICE, PROMO_VARIABLES, START, startCampaignWorld, type CampaignWorld } from './support';

/**
 * A saved segment as a campaign's audience: the campaign reaches the contacts the segment's filter matches, minus the
 * suppressed ones and numbers Meta cannot be sent to, and nobody else.
 */
describe('a campaign to a segment', () => {
  let world: CampaignWorld;

  beforeAll(async () => {
    world = await startCampaignWorld();
  });
  afterAll(async () => {
    await world.stop();
  });

  it('reaches exactly the segment’s sendable contacts: not the suppressed, not the rest of the book', async () => {
    // The segment: tagged "pelanggan" AND living in Bandung. Written by hand, who should get the promo and who not.
    const bandung = { kota: 'Bandung' };
    await world.addContacts([
      { phone: '+6281500000001', name: 'Sendable Satu', tags: ['pelanggan'], attributes: bandung },
      { phone: '+6281500000002', name: 'Sendable Dua', tags: ['pelanggan', 'vip'], attributes: bandung },
      { phone: '+6281500000003', name: 'Sendable Tiga', tags: ['pelanggan'], attributes: { ...bandung, umur: '30' } },
      // In the segment, but suppressed: opted out of everything, opted out of marketing (the template is marketing).
      { phone: '+6281500000004', name: 'Berhenti Semua', tags: ['pelanggan'], attributes: bandung },
      { phone: '+6281500000005', name: 'Berhenti Promo', tags: ['pelanggan'], attributes: bandung },
      // In the segment, but no number Meta takes.
      { phone: '+62815', name: 'Nomor Pendek', tags: ['pelanggan'], attributes: bandung },
      // Outside the segment: another city, no tag, neither.
      { phone: '+6281500000007', name: 'Luar Kota', tags: ['pelanggan'], attributes: { kota: 'Surabaya' } },
      { phone: '+6281500000008', name: 'Tanpa Tag', attributes: bandung },
      { phone: '+6281500000009', name: 'Orang Lain' },
    ]);
    await world.sql(
      `update contact set opted_out_at = now(), opted_out_source = 'MANUAL' where workspace_id = ? and phone = ?`,
      [world.workspaceId, '+6281500000004'],
    );
    await world.sql(
      `update contact set marketing_opt_out_at = now(), marketing_opt_out_source = 'META_131050'
       where workspace_id = ? and phone = ?`,
      [world.workspaceId, '+6281500000005'],
    );
    const saved = await world.gql<{ saveSegment: { id: string } }>(
      `mutation { saveSegment(input: { name: "Pelanggan Bandung",
        filter: { tags: ["pelanggan"], attributes: [{ key: "kota", value: "Bandung" }] } }) { id } }`,
    );
    expect(saved.errors).toBeUndefined();

    const created = await world.gql<{ createCampaign: { id: string } }>(CREATE, {
      input: {
        name: 'Promo Bandung',
        channelId: world.channelId,
        templateId: await world.templateId('promo_akhir_tahun'),
        variables: PROMO_VARIABLES,
        audience: { kind: 'SEGMENT', segmentId: saved.data!.saveSegment.id },
      },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createCampaign.id;
    await world.fund(20n * PRICE);
    const started = await world.gql<{ startCampaign: { status: string; total: { total: number } } }>(START, { id });
    expect(started.errors).toBeUndefined();
    expect(started.data!.startCampaign.total.total).toBe(3);
    await world.dispatch();

    const { campaign } = (
      await world.gql<{ campaign: { status: string; counts: { total: number; sent: number } } }>(CAMPAIGN, { id })
    ).data!;
    expect(campaign).toMatchObject({ status: 'COMPLETED', counts: { total: 3, sent: 3 } });
    const reached = [...world.meta.simulator.sends.ledger.acceptedByRecipient.keys()].sort();
    expect(reached).toEqual(['6281500000001', '6281500000002', '6281500000003']);
  });
});
