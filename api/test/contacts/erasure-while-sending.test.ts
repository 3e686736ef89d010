import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { encodedForms } from '../support/hidden-number';
import {
  PHONE_NUMBER_ID,
  PRICE,
  START,
  WABA_ID,
  startCampaignWorld,
  testDispatchStore,
  type CampaignWorld,
} from '../campaigns/support';
import { ok } from './support';

const run = promisify(execFile);

/**
 * UU PDP erasure racing the dispatcher: a contact erased while its message is SENDING (claimed, no wamid yet) or
 * UNKNOWN (sent, no definite answer) has no wamid for the erasure to rename; Meta's acceptance, recorded after, or
 * its first status, applied after, must not write the number back.
 */
describe('erasing a contact while its message is being sent', () => {
  let world: CampaignWorld;
  let client: Client;
  beforeAll(async () => {
    world = await startCampaignWorld();
    client = new Client({ connectionString: world.api.database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await world.stop();
  });

  it('gives the message an erased id when Meta’s acceptance is recorded after the erasure', async () => {
    const digits = '81277778885';
    const { createContact: contact } = await ok<{ createContact: { id: string } }>(
      world.api,
      world.owner,
      `mutation { createContact(input: { phone: "0${digits}", name: "Terbang", tags: ["terbang"] }) { id } }`,
    );
    const campaignId = await world.draftForTag('terbang');
    await world.fund(10n * PRICE);
    expect((await world.gql(START, { id: campaignId })).errors).toBeUndefined();
    // The dispatcher claims the message (SENDING, no wamid yet) and sends it...
    const store = testDispatchStore(world);
    const channel = (await store.channel(world.em(), world.channelId))!;
    const fence = (await store.acquire(world.em(), channel, 'test-sender', 60_000))!;
    const [campaign] = (await store.running(world.em(), channel)).filter((row) => row.id === campaignId);
    const batch = (await store.claim(world.em(), channel, campaign!, fence, 10)) as { sending: { id: string }[] };
    expect(batch.sending).toHaveLength(1);
    // ...the contact is erased meanwhile...
    await ok(
      world.api,
      world.owner,
      'mutation ($ids: [ID!]) { deleteContacts(selection: { ids: $ids }) { affected } }',
      {
        ids: [contact.id],
      },
    );
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
    world.meta.simulator.sends.webhooks.send(
      { wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: '15550001111' },
      'messages',
      {
        statuses: [
          {
            id: wamid,
            status: 'delivered',
            timestamp: String(Math.floor(world.clock.now().getTime() / 1000)),
            recipient_id: `62${digits}`,
            biz_opaque_callback_data: batch.sending[0]!.id,
          },
        ],
      },
    );
    await world.deliverStatuses();
    const delivered = await client.query<{ status: string }>('select status from campaign_message where id = $1', [
      batch.sending[0]!.id,
    ]);
    expect(delivered.rows).toEqual([{ status: 'DELIVERED' }]);
    const { stdout } = await run('pg_dump', ['--data-only', '--no-owner', world.api.database.url], {
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(stdout).not.toContain(digits);
    expect(encodedForms(digits).filter((form) => stdout.includes(form))).toEqual([]);
  });
  it('gives an UNKNOWN message of an erased contact an erased id when Meta reports it first, never the number', async () => {
    const digits = '81277778886';
    const { createContact: contact } = await ok<{ createContact: { id: string } }>(
      world.api,
      world.owner,
      `mutation { createContact(input: { phone: "0${digits}", name: "Ragu", tags: ["ragu"] }) { id } }`,
    );
    const campaignId = await world.draftForTag('ragu');
    await world.fund(10n * PRICE);
    expect((await world.gql(START, { id: campaignId })).errors).toBeUndefined();
    // The send gets no definite answer (a timeout): UNKNOWN, no wamid, until Meta's statuses say.
    const store = testDispatchStore(world);
    const channel = (await store.channel(world.em(), world.channelId))!;
    const fence = (await store.acquire(world.em(), channel, 'test-sender', 60_000))!;
    const [campaign] = (await store.running(world.em(), channel)).filter((row) => row.id === campaignId);
    const batch = (await store.claim(world.em(), channel, campaign!, fence, 10)) as { sending: { id: string }[] };
    expect(batch.sending).toHaveLength(1);
    const messageId = batch.sending[0]!.id;
    await store.record(world.em(), channel, batch as never, fence, {
      sent: [],
      requeued: [],
      failed: [],
      unknown: [messageId],
    });
    await store.release(world.em(), world.channelId, fence);
    // The contact is erased while the message is UNKNOWN: there is no wamid to rename yet.
    await ok(
      world.api,
      world.owner,
      'mutation ($ids: [ID!]) { deleteContacts(selection: { ids: $ids }) { affected } }',
      {
        ids: [contact.id],
      },
    );
    const before = await client.query<{ wamid: string | null; status: string }>(
      'select wamid, status from campaign_message where id = $1',
      [messageId],
    );
    expect(before.rows).toEqual([{ wamid: null, status: 'UNKNOWN' }]);
    // Meta's first word on it comes after: delivered, by its wamid (which holds the number) and our id; then read.
    const wamid = `wamid.${Buffer.from(`\u0018\u000d62${digits}\u0015\u0002\u0000\u0011\u0018\u0012FEDCBA9876`, 'latin1').toString('base64')}`;
    expect(encodedForms(digits).some((form) => wamid.includes(form))).toBe(true);
    const report = (status: string) =>
      world.meta.simulator.sends.webhooks.send(
        { wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: '15550001111' },
        'messages',
        {
          statuses: [
            {
              id: wamid,
              status,
              timestamp: String(Math.floor(world.clock.now().getTime() / 1000)),
              recipient_id: `62${digits}`,
              biz_opaque_callback_data: messageId,
            },
          ],
        },
      );
    report('delivered');
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
    report('read');
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

  /** Neither the number (as digits, hex or base64) nor the original wamid anywhere in a full dump. */
  async function expectNoTrace(digits: string, wamid: string): Promise<void> {
    const { stdout } = await run('pg_dump', ['--data-only', '--no-owner', world.api.database.url], {
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(stdout).not.toContain(wamid);
    expect(stdout).not.toContain(digits);
    expect(encodedForms(digits).filter((form) => stdout.includes(form))).toEqual([]);
  }
});
