import { CREATE, PROMO_VARIABLES, START, startCampaignWorld, type CampaignWorld } from './support';

/**
 * Claims go on from the campaign's last claimed id (a keyset cursor, CLAIM_BATCH), so a message queued again
 * behind the cursor must still go out when it falls due, not only once the rest of the queue is done. Real clock:
 * the retry falls due while the loop is still sending the campaign (STANDARD number, 80/s, 40 per claim).
 */
describe('the dispatcher’s claim cursor', () => {
  let world: CampaignWorld;

  beforeAll(async () => {
    world = await startCampaignWorld({ realClock: true });
    await world.fund(1_000_000n);
  });
  afterAll(async () => {
    await world.stop();
  });

  it('sends a requeued message when its backoff ends, while later messages of the campaign are still queued', async () => {
    const phones = Array.from({ length: 400 }, (_, index) => `+6281799${String(index).padStart(5, '0')}`);
    await world.addContacts(phones.map((phone) => ({ phone, name: 'Budi', tags: ['cursor'] })));
    const created = await world.gql<{ createCampaign: { id: string } }>(CREATE, {
      input: {
        name: 'cursor',
        channelId: world.channelId,
        templateId: await world.templateId('promo_akhir_tahun'),
        variables: PROMO_VARIABLES,
        audience: { kind: 'TAGS', tags: ['cursor'] },
      },
    });
    const id = created.data!.createCampaign.id;
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    // The first message claimed (the lowest id) is refused once with a retryable code: queued again, due 2 s later.
    const [first] = await world.sql<{ id: string; phone: string }>(
      'select id, phone from campaign_message where campaign_id = ? order by id limit 1',
      [id],
    );
    world.meta.simulator.sends.failSends({ code: 131000, recipient: first!.phone.slice(1), count: 1 });
    await world.dispatch();

    const [retried] = await world.sql<{ status: string; attempt: number }>(
      'select status, attempt from campaign_message where id = ?',
      [first!.id],
    );
    // Accepted as attempt 2 (real clock: its status webhooks may have moved it on to DELIVERED already).
    expect(retried!.attempt).toBe(2);
    expect(['SENT', 'DELIVERED', 'READ']).toContain(retried!.status);
    const { ledger } = world.meta.simulator.sends;
    expect(ledger.acceptedByCallback.get(first!.id)).toBe(1);
    const retriedAt = ledger.lastAttemptByCallback.get(first!.id)!;
    // Due about 2 s into a campaign of 5 s: sent while hundreds were still to go, not behind the last claim (40).
    const receivedLater = ledger.receivedAt.filter((at) => at > retriedAt).length;
    expect(receivedLater).toBeGreaterThan(40);
  });
});
