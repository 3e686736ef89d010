import { encodedForms } from '../support/hidden-number';
import { PRICE, testDispatchStore } from '../campaigns/support';
import { useErasureWorld } from './erasure-world';

/**
 * UU PDP erasure racing the dispatcher: a contact erased while its message is SENDING (claimed, no wamid yet) or
 * UNKNOWN (sent, no definite answer) has no wamid for the erasure to rename; Meta's acceptance, recorded after, or
 * its first status, applied after, must not write the number back.
 */
describe('erasing a contact while its message is being sent', () => {
  const current = useErasureWorld();

  /** The dispatcher's first steps, played by the test: the lease taken and the campaign's one message claimed. */
  async function claimOne(campaignId: string) {
    const { world } = current();
    const store = testDispatchStore(world);
    const channel = (await store.channel(world.em(), world.channelId))!;
    const fence = (await store.acquire(world.em(), channel, 'test-sender', 60_000))!;
    const [campaign] = (await store.running(world.em(), channel)).filter((row) => row.id === campaignId);
    const batch = (await store.claim(world.em(), channel, campaign!, fence, 10)) as { sending: { id: string }[] };
    expect(batch.sending).toHaveLength(1);
    return { store, channel, fence, batch };
  }

  it('gives the message an erased id when Meta’s acceptance is recorded after the erasure', async () => {
    const { world, client, contact, launchTo, erase, report, expectNoTrace } = current();
    const digits = '81277778885';
    const contactId = await contact(digits, 'Terbang', ['terbang']);
    const campaignId = await launchTo('terbang');
    // The dispatcher claims the message (SENDING, no wamid yet) and sends it...
    const { store, channel, fence, batch } = await claimOne(campaignId);
    // ...the contact is erased meanwhile...
    await erase([contactId]);
    // ...and Meta's answer arrives: a wamid holding the number, as Meta's do.
    const wamid = `wamid.${Buffer.from(`\u0018\u000d62${digits}\u0015\u0002\u0000\u0011\u0018\u0012ABCDEF0123`, 'latin1').toString('base64')}`;
    expect(encodedForms(digits).some((form) => wamid.includes(form))).toBe(true);
    await store.record(world.em(), channel, batch as never, fence, {
      sent: [{ id: batch.sending[0]!.id, wamid }],
      requeued: [],
      failed: [],
      unknown: [],
    });
    await store.release(world.em(), world.channelId, fence);
    const { rows } = await client.query<{ wamid: string; status: string }>(
      'select wamid, status from campaign_message where id = $1',
      [batch.sending[0]!.id],
    );
    expect(rows).toEqual([{ wamid: expect.stringMatching(/^erased\.[0-9a-f]{64}$/), status: 'SENT' }]);
    // Meta's later statuses for the original still land on it, and the number stays out.
    report({ wamid, status: 'delivered', recipient: `62${digits}`, messageId: batch.sending[0]!.id });
    await world.deliverStatuses();
    const delivered = await client.query<{ status: string }>('select status from campaign_message where id = $1', [
      batch.sending[0]!.id,
    ]);
    expect(delivered.rows).toEqual([{ status: 'DELIVERED' }]);
    await expectNoTrace(digits);
  });
  it('gives an UNKNOWN message of an erased contact an erased id when Meta reports it first, never the number', async () => {
    const { world, client, contact, launchTo, erase, report, expectNoTrace } = current();
    const digits = '81277778886';
    const contactId = await contact(digits, 'Ragu', ['ragu']);
    const campaignId = await launchTo('ragu');
    // The send gets no definite answer (a timeout): UNKNOWN, no wamid, until Meta's statuses say.
    const { store, channel, fence, batch } = await claimOne(campaignId);
    const messageId = batch.sending[0]!.id;
    await store.record(world.em(), channel, batch as never, fence, {
      sent: [],
      requeued: [],
      failed: [],
      unknown: [messageId],
    });
    await store.release(world.em(), world.channelId, fence);
    // The contact is erased while the message is UNKNOWN: there is no wamid to rename yet.
    await erase([contactId]);
    const before = await client.query<{ wamid: string | null; status: string }>(
      'select wamid, status from campaign_message where id = $1',
      [messageId],
    );
    expect(before.rows).toEqual([{ wamid: null, status: 'UNKNOWN' }]);
    // Meta's first word on it comes after: delivered, by its wamid (which holds the number) and our id; then read.
    const wamid = `wamid.${Buffer.from(`\u0018\u000d62${digits}\u0015\u0002\u0000\u0011\u0018\u0012FEDCBA9876`, 'latin1').toString('base64')}`;
    expect(encodedForms(digits).some((form) => wamid.includes(form))).toBe(true);
    const reportAs = (status: string) => report({ wamid, status, recipient: `62${digits}`, messageId });
    reportAs('delivered');
    await world.deliverStatuses();
    const delivered = await client.query<{ wamid: string; status: string; charged: string }>(
      'select wamid, status, charged::text from campaign_message where id = $1',
      [messageId],
    );
    // Accepted after all: charged, counted, under an erased id.
    expect(delivered.rows).toEqual([
      { wamid: expect.stringMatching(/^erased\.[0-9a-f]{64}$/), status: 'DELIVERED', charged: PRICE.toString() },
    ]);
    const erasedId = delivered.rows[0]!.wamid;
    await expectNoTrace(digits, wamid);
    // A later status by the original wamid is recognised and lands on the same erased message.
    reportAs('read');
    await world.deliverStatuses();
    const read = await client.query<{ wamid: string; status: string }>(
      'select wamid, status from campaign_message where id = $1',
      [messageId],
    );
    expect(read.rows).toEqual([{ wamid: erasedId, status: 'READ' }]);
    const statuses = await client.query<{ wamid: string; recipient_id: string | null; status: string }>(
      'select wamid, recipient_id, status from message_status where callback_data = $1',
      [messageId],
    );
    expect(statuses.rows).toEqual([{ wamid: erasedId, recipient_id: null, status: 'read' }]);
    await expectNoTrace(digits, wamid);
  });
});
