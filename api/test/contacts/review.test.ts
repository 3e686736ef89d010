import type { ContactsService } from '../../src/modules/contacts';
import { Permission } from '../../src/modules/identity';
import { startTestApi, type TestApi } from '../support/api';
import { createApiToken, createMember, createWorkspace, type TestMember } from '../support/identity';
import { CREATE, gql, ok } from './support';

const CONTACT = `query ($id: ID!) {
  contact(id: $id) { id optedOut optedOutSource reviewPendingAt }
  contactHistory(contactId: $id) { kind source actorId keyword decision }
}`;
const AWAITING = `query { contacts(filter: { needsReview: true }) { totalCount edges { node { name } } } }`;
const RESOLVE = `mutation ($id: ID!, $decision: ReviewDecision!) {
  resolveContactReview(id: $id, decision: $decision) { id optedOut optedOutSource reviewPendingAt }
}`;

interface ContactView {
  contact: { id: string; optedOut: boolean; optedOutSource: string | null; reviewPendingAt: string | null };
  contactHistory: {
    kind: string;
    source: string;
    actorId: string | null;
    keyword: string | null;
    decision: string | null;
  }[];
}

describe('replies awaiting review, and opting back in by a person', () => {
  let api: TestApi;
  let service: ContactsService;

  beforeAll(async () => {
    api = await startTestApi();
    service = api.running.services.contacts.contacts;
  });
  afterAll(() => api.stop());

  async function bookOf(names: string[]) {
    const em = api.running.orm.em.fork();
    const owner = await createMember(em, await createWorkspace(em), 'owner');
    const ids: Record<string, string> = {};
    for (const [index, name] of names.entries()) {
      const { createContact } = await ok<{ createContact: { id: string } }>(api, owner, CREATE, {
        input: { phone: `0812 4400 ${String(1000 + index)}`, name },
      });
      ids[name] = createContact.id;
    }
    return { owner, ids };
  }

  const reply = (owner: TestMember, id: string, text: string) =>
    service.handleReply(api.running.orm.em.fork(), owner.workspace.id, id, text);

  it('lists the contacts whose reply has a keyword inside a sentence, until a person settles each', async () => {
    const { owner, ids } = await bookOf(['Rina', 'Joko', 'Wati', 'Tono']);
    await reply(owner, ids['Rina']!, 'tolong berhenti kirim promo');
    await reply(owner, ids['Joko']!, 'kapan STOP PROMO lebaran selesai?');
    // A whole-message keyword is acted on, not reviewed; a reply without a keyword is nothing.
    await reply(owner, ids['Wati']!, 'STOP');
    await reply(owner, ids['Tono']!, 'terima kasih');
    const awaiting = await ok<{ contacts: { totalCount: number; edges: { node: { name: string } }[] } }>(
      api,
      owner,
      AWAITING,
    );
    expect(awaiting.contacts.edges.map((edge) => edge.node.name).sort()).toEqual(['Joko', 'Rina']);
    expect(awaiting.contacts.totalCount).toBe(2);
    const others = await ok<{ contacts: { totalCount: number } }>(
      api,
      owner,
      'query { contacts(filter: { needsReview: false }) { totalCount } }',
    );
    expect(others.contacts.totalCount).toBe(2);

    // Rina meant it: the person opts her out of every send.
    const rina = await ok<{ resolveContactReview: ContactView['contact'] }>(api, owner, RESOLVE, {
      id: ids['Rina'],
      decision: 'OPT_OUT',
    });
    expect(rina.resolveContactReview).toMatchObject({
      optedOut: true,
      optedOutSource: 'MANUAL',
      reviewPendingAt: null,
    });
    // Joko asked a question: dismissed, still subscribed.
    const joko = await ok<{ resolveContactReview: ContactView['contact'] }>(api, owner, RESOLVE, {
      id: ids['Joko'],
      decision: 'DISMISS',
    });
    expect(joko.resolveContactReview).toMatchObject({ optedOut: false, reviewPendingAt: null });
    expect((await ok<{ contacts: { totalCount: number } }>(api, owner, AWAITING)).contacts.totalCount).toBe(0);

    const history = await ok<ContactView>(api, owner, CONTACT, { id: ids['Rina'] });
    expect(history.contactHistory).toEqual([
      { kind: 'OPTED_OUT', source: 'MANUAL', actorId: owner.user.id, keyword: null, decision: null },
      { kind: 'REVIEWED', source: 'MANUAL', actorId: owner.user.id, keyword: null, decision: 'OPT_OUT' },
      { kind: 'KEYWORD_REVIEW', source: 'KEYWORD', actorId: null, keyword: 'BERHENTI', decision: null },
    ]);
    const audit = await ok<{ auditLog: { items: { action: string; target: string }[] } }>(
      api,
      owner,
      '{ auditLog { items { action target } } }',
    );
    expect(audit.auditLog.items).toContainEqual({ action: 'contact.reviewed', target: ids['Joko'] });

    // Settled once: a second decision on nothing waiting is refused, in the reader's language.
    const again = await gql(api, owner, RESOLVE, { id: ids['Joko'], decision: 'DISMISS' }, 'id');
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'contacts.noReviewPending' });
    expect(again.errors![0]!.message).toBe('Tidak ada balasan kontak ini yang menunggu ditinjau.');
  });

  it('stops waiting when the contact then sends a whole-message keyword', async () => {
    const { owner, ids } = await bookOf(['Sari']);
    await reply(owner, ids['Sari']!, 'saya mau berhenti saja');
    expect((await ok<ContactView>(api, owner, CONTACT, { id: ids['Sari'] })).contact.reviewPendingAt).not.toBeNull();
    await reply(owner, ids['Sari']!, 'Berhenti.');
    const sari = await ok<ContactView>(api, owner, CONTACT, { id: ids['Sari'] });
    expect(sari.contact).toMatchObject({ optedOut: true, optedOutSource: 'KEYWORD', reviewPendingAt: null });
    expect((await ok<{ contacts: { totalCount: number } }>(api, owner, AWAITING)).contacts.totalCount).toBe(0);
  });

  it('refuses to opt a contact back in for an API token, even with CONTACTS_WRITE, and lets a member do it', async () => {
    const { owner, ids } = await bookOf(['Putri']);
    await ok(api, owner, 'mutation ($ids: [ID!]) { optOutContacts(selection: { ids: $ids }) { affected } }', {
      ids: [ids['Putri']],
    });
    const script = await createApiToken(api.running.orm.em.fork(), owner, [
      Permission.CONTACTS_READ,
      Permission.CONTACTS_WRITE,
    ]);
    const optIn = 'mutation ($id: ID!) { optInContact(id: $id, kind: ALL) { optedOut } }';
    const refused = await gql(api, script.token, optIn, { id: ids['Putri'] }, 'id');
    expect(refused.data).toBeNull();
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', messageKey: 'auth.byPersonOnly' });
    expect(refused.errors![0]!.message).toBe(
      'Hanya orang yang masuk yang dapat melakukan ini (mengikutsertakan kembali kontak adalah keputusan seseorang), bukan token API.',
    );
    const english = await gql(api, script.token, optIn, { id: ids['Putri'] }, 'en');
    expect(english.errors![0]!.message).toBe(
      "Only a person signed in can do this (opting a contact back in is a person's decision), not an API token.",
    );
    // Nothing changed: still opted out, no OPTED_IN in the history.
    const putri = await ok<ContactView>(api, owner, CONTACT, { id: ids['Putri'] });
    expect(putri.contact.optedOut).toBe(true);
    expect(putri.contactHistory.map((entry) => entry.kind)).toEqual(['OPTED_OUT']);

    const member = await ok<{ optInContact: { optedOut: boolean } }>(api, owner, optIn, { id: ids['Putri'] });
    expect(member.optInContact.optedOut).toBe(false);
  });
});
