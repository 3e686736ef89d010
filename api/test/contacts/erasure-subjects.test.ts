import { randomUUID } from 'node:crypto';
import { PHONE_NUMBER_ID } from '../campaigns/support';
import { useErasureWorld } from './erasure-world';

/**
 * UU PDP erasure of Meta's stored bodies by the subject index: each applied body records keyed hashes of who it names
 * (numbers, WhatsApp ids, wamids), and an erasure deletes the bodies naming the contact through it, never reading the
 * bodies; those applied before the index existed are still found by reading them.
 */
describe('erasing the stored bodies that name a contact', () => {
  const current = useErasureWorld();

  /** A body as Meta sends it, stored and applied before the subject index existed. */
  async function legacyBody(recipient: string): Promise<string> {
    const id = randomUUID();
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        { id: '1', changes: [{ field: 'messages', value: { statuses: [{ id: 'x', recipient_id: recipient }] } }] },
      ],
    });
    await current().client.query(
      'insert into whatsapp_webhook (id, body, received_at, applied_at) values ($1, $2, now(), now())',
      [id, body],
    );
    return id;
  }

  it('finds them by the subject index, and reads only those applied before it existed', async () => {
    const { world, client, contact, erase } = current();
    const erased = '81277778895';
    const kept = '81355559991';
    const contactId = await contact(erased, 'Subjek');
    for (const [digits, name] of [
      [erased, 'Subjek Terhapus'],
      [kept, 'Subjek Tetap'],
    ] as const) {
      world.meta.simulator.sends.inbound({
        phoneNumberId: PHONE_NUMBER_ID,
        from: `62${digits}`,
        name,
        message: { type: 'text', body: 'Halo' },
      });
    }
    await world.deliverStatuses();
    // Each applied body is indexed by who it names, as keyed hashes only.
    const indexed = await client.query<{ id: string; body: string; subjects: string[] }>(
      `select w.id, w.body, array_agg(s.subject_hash::text order by s.subject_hash) as subjects
       from whatsapp_webhook w join whatsapp_webhook_subject s on s.webhook_id = w.id
       where w.subjects_indexed group by w.id, w.body`,
    );
    expect(indexed.rows).toHaveLength(2);
    for (const row of indexed.rows) {
      // The sender's number (from, wa_id) and the message's wamid.
      expect(row.subjects).toHaveLength(2);
      expect(row.subjects.every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
    }
    const naming = (digits: string) => indexed.rows.find((row) => row.body.includes(`"62${digits}"`))!.id;
    const [erasedLegacy, keptLegacy] = [await legacyBody(`62${erased}`), await legacyBody(`62${kept}`)];

    await erase([contactId]);
    const left = await client.query<{ id: string }>('select id from whatsapp_webhook order by id');
    expect(left.rows.map((row) => row.id).sort()).toEqual([naming(kept), keptLegacy].sort());
    expect(left.rows.map((row) => row.id)).not.toContain(erasedLegacy);
    const subjects = await client.query<{ webhook_id: string }>(
      'select distinct webhook_id from whatsapp_webhook_subject',
    );
    expect(subjects.rows).toEqual([{ webhook_id: naming(kept) }]);
  });
});
