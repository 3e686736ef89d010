import { startTestApi, type TestApi } from '../support/api';
import { waitFor } from '../support/wait';
import { APP_ID, APP_SECRET, PHONE_NUMBER_ID, PRICE } from '../campaigns/support';
import { useErasureWorld } from './erasure-world';
import { importFile, listContacts, ok } from './support';

const OLD_KEY = 'old-encryption-key-for-the-erasure-rotation-01';
const NEW_KEY = 'new-encryption-key-for-the-erasure-rotation-02';

/**
 * UU PDP erasure across an ENCRYPTION_KEY rotation: what an erasure keeps is keyed hashes (of a suppressed number, of
 * a message id), which cannot be re-keyed (nothing to hash them from). An installation erases under the old key; the
 * same database is then served with the new key and the old one as ENCRYPTION_KEY_PREVIOUS, and must still recognise
 * them: Meta's later status of an erased message lands on it without the number, and the erased, opted-out numbers
 * come back suppressed whichever way they return (typed in, imported, writing in).
 */
describe('erasure across an ENCRYPTION_KEY rotation', () => {
  let rotated: TestApi | undefined;
  // Declared first, so it runs first: the rotated API stops before the world drops the database they share.
  afterAll(async () => {
    await rotated?.stop();
  });
  const current = useErasureWorld({ env: { ENCRYPTION_KEY: OLD_KEY } });

  const PEOPLE = [
    { digits: '81199904321', name: 'Putar Satu' },
    { digits: '81277778892', name: 'Putar Dua' },
    { digits: '81277778893', name: 'Putar Tiga' },
    { digits: '81277778894', name: 'Putar Empat' },
  ];

  it('recognises the hashes an erasure recorded under the previous key', async () => {
    const { world, client, contact, launchTo, erase, report, expectNoTrace } = current();
    // Under the old key: a campaign reaches four people, Meta reports it, they opt out and are erased.
    const ids: string[] = [];
    for (const person of PEOPLE) ids.push(await contact(person.digits, person.name, ['putar']));
    const campaignId = await launchTo('putar');
    await world.dispatch();
    await world.deliverStatuses();
    const sent = await client.query<{ id: string; wamid: string; phone: string }>(
      'select id, wamid, phone from campaign_message where campaign_id = $1 order by phone',
      [campaignId],
    );
    expect(sent.rows.map((row) => row.phone)).toEqual(PEOPLE.map((person) => `+62${person.digits}`));
    await ok(
      world.api,
      world.owner,
      'mutation ($ids: [ID!]) { optOutContacts(selection: { ids: $ids }) { affected } }',
      {
        ids,
      },
    );
    await erase(ids);
    const erased = await client.query<{ wamid: string }>(
      'select wamid from campaign_message where campaign_id = $1 order by id',
      [campaignId],
    );
    expect(erased.rows.every((row) => /^erased\.[0-9a-f]{64}$/.test(row.wamid))).toBe(true);

    // The key rotates: the same database, served with the new key and the old one as the previous.
    rotated = await startTestApi({
      database: world.api.database,
      clock: world.clock,
      runJobs: true,
      env: {
        META_GRAPH_BASE_URL: world.meta.url,
        META_APP_ID: APP_ID,
        META_APP_SECRET: APP_SECRET,
        PRICE_PER_MESSAGE: PRICE.toString(),
        ENCRYPTION_KEY: NEW_KEY,
        ENCRYPTION_KEY_PREVIOUS: OLD_KEY,
      },
    });
    const api = rotated;
    world.meta.simulator.sends.configure({ webhooks: { url: `${api.url}/api/webhooks/whatsapp` } });

    // Meta reports the first message read, by its original wamid.
    report({ wamid: sent.rows[0]!.wamid, status: 'read', recipient: `62${PEOPLE[0]!.digits}` });
    await world.meta.simulator.sends.webhooks.deliverDue();
    await waitFor(
      async () =>
        (await client.query<{ n: number }>('select count(*)::int as n from whatsapp_webhook where applied_at is null'))
          .rows[0]!.n === 0,
      { what: 'the read applied' },
    );
    await api.running.services.campaigns.dispatch.tick(api.running.orm.em.fork());
    const read = await client.query<{ status: string }>('select status from campaign_message where id = $1', [
      sent.rows[0]!.id,
    ]);
    expect(read.rows).toEqual([{ status: 'READ' }]);

    // The erased, opted-out numbers return suppressed: typed in, imported, writing in.
    const [, typed, imported, inbound] = PEOPLE;
    await ok(api, world.owner, 'mutation ($phone: String!) { createContact(input: { phone: $phone }) { id } }', {
      phone: `+62${typed!.digits}`,
    });
    const imports = await importFile(api, world.owner, `phone\n0${imported!.digits}\n`);
    expect(imports.status).toBe('COMPLETED');
    world.meta.simulator.sends.inbound({
      phoneNumberId: PHONE_NUMBER_ID,
      from: `62${inbound!.digits}`,
      name: inbound!.name,
      message: { type: 'text', body: 'Halo lagi' },
    });
    await world.meta.simulator.sends.webhooks.deliverDue();
    const back = await waitFor(
      async () => {
        const { edges } = await listContacts(api, world.owner, { orderBy: 'PHONE_ASC' });
        return edges.length === 3 ? edges.map((edge) => edge.node) : undefined;
      },
      { what: 'the three numbers back in the book' },
    );
    expect(back.map((contact) => ({ phone: contact.phone, optedOut: contact.optedOut }))).toEqual(
      [typed!, imported!, inbound!].map((person) => ({ phone: `+62${person.digits}`, optedOut: true })),
    );

    // And the status that came after the erasure left neither the wamid nor the number behind.
    const { rows: statuses } = await client.query<{ wamid: string; recipient_id: string | null }>(
      'select wamid, recipient_id from message_status where wamid = $1 or recipient_id = $2',
      [sent.rows[0]!.wamid, `62${PEOPLE[0]!.digits}`],
    );
    expect(statuses).toEqual([]);
    // (The rotated API serves the world's database: the same dump.)
    await expectNoTrace(PEOPLE[0]!.digits, sent.rows[0]!.wamid);
  });
});
