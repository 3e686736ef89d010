import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '../../src/core/clock';
import { FORWARD_MAX_ATTEMPTS } from '../../src/modules/channels';
import { startMetaSimulator, type InboundContent, type MetaSimulatorHandle } from '../../src/simulators/meta';
import {
  PHONE_NUMBER_ID as CAMPAIGN_NUMBER_ID,
  START,
  startCampaignWorld,
  type CampaignWorld,
} from '../campaigns/support';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';
import { addAccount, allApplied, connect, inboundBody, metaEnv, postWebhook, sql } from './support';

const PHONE_NUMBER_ID = '106540352242901';
const WABA_ID = '102290129340301';
const SARI = '6281234567001';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A workspace's own webhook receiver: records each POST and answers with the next status queued (200 by default). */
async function startReceiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/replies`,
    received,
    statuses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const SET = `mutation ($url: String!, $enabled: Boolean!, $rotate: Boolean) {
  setReplyForwarding(url: $url, enabled: $enabled, rotateSecret: $rotate) { forwarding { url enabled } secret }
}`;
const REPLIES = `query ($contactId: ID!, $first: Int, $after: String) {
  contactReplies(contactId: $contactId, first: $first, after: $after) {
    edges { cursor node { text type wamid channelId receivedAt } } pageInfo { hasNextPage endCursor }
  }
}`;

/** Replies on the contact (newest first, paged) and their signed forwarding to the workspace's webhook. */
describe('contact replies and reply forwarding', () => {
  const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
  let meta: MetaSimulatorHandle;
  let api: TestApi;
  let owner: TestMember;
  let viewer: TestMember;
  let stranger: TestMember;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let channelId: string;
  let secret: string;

  beforeAll(async () => {
    meta = await startMetaSimulator({ port: 0, isProduction: false, appId: '1000000000000001' });
    addAccount(meta, WABA_ID, PHONE_NUMBER_ID, '7000000000301');
    api = await startTestApi({ env: metaEnv(meta), clock });
    const em = api.running.orm.em.fork();
    const workspace = await createWorkspace(em, 'Toko Balasan');
    owner = await createMember(em, workspace, 'owner');
    viewer = await createMember(em, workspace, 'viewer');
    stranger = await createMember(em, await createWorkspace(em, 'Toko Lain'), 'owner');
    channelId = (await connect(api, owner.workspace.id, WABA_ID, PHONE_NUMBER_ID)).id;
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await api.stop();
    await meta.close();
  });

  const gql = <T>(query: string, variables: Record<string, unknown> = {}, who = owner, language = 'en') =>
    api.graphql<T>(query, variables, { authorization: `Bearer ${who.sessionToken}`, 'accept-language': language });
  const contactOf = async (phone: string) =>
    (
      await sql<{ id: string }>(api, 'select id from contact where workspace_id = ? and phone = ?', [
        owner.workspace.id,
        phone,
      ])
    )[0]!.id;
  const inbound = async (wamid: string, text: string, timestamp: number, from = SARI) => {
    const response = await postWebhook(
      api,
      inboundBody(PHONE_NUMBER_ID, WABA_ID, from, {
        id: wamid,
        timestamp: String(timestamp),
        type: 'text',
        text: { body: text },
      }),
    );
    expect(response.status).toBe(200);
    await allApplied(api);
  };
  const forwards = () =>
    sql<{ attempts: number; delivered_at: Date | null; gave_up_at: Date | null; last_error: string | null }>(
      api,
      'select attempts, delivered_at, gave_up_at, last_error from reply_forward order by next_attempt_at',
    );
  const deliverDue = () => api.running.services.channels.forwarding.deliverDue(api.running.orm.em.fork());
  const expectSigned = (request: Received) => {
    const timestamp = request.headers['x-bizone-timestamp'] as string;
    const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex')}`;
    expect(request.headers['x-bizone-signature-256']).toBe(expected);
  };

  it('lists a contact’s replies newest first, a page at a time, to anyone who may read contacts', async () => {
    await inbound('wamid.reply-1', 'Halo, masih ada stok?', 1764576000);
    await inbound('wamid.reply-3', 'Oke, saya ambil dua', 1764576120);
    await inbound('wamid.reply-2', 'Ukuran L ya', 1764576060);
    const contactId = await contactOf(`+${SARI}`);
    type Page = {
      contactReplies: {
        edges: { cursor: string; node: { text: string; channelId: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const first = await gql<Page>(REPLIES, { contactId, first: 2 }, viewer);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.contactReplies.edges.map((edge) => edge.node.text)).toEqual([
      'Oke, saya ambil dua',
      'Ukuran L ya',
    ]);
    expect(first.body.data!.contactReplies.edges[0]!.node.channelId).toBe(channelId);
    expect(first.body.data!.contactReplies.pageInfo.hasNextPage).toBe(true);
    const second = await gql<Page>(
      REPLIES,
      { contactId, first: 2, after: first.body.data!.contactReplies.pageInfo.endCursor },
      viewer,
    );
    expect(second.body.data!.contactReplies.edges.map((edge) => edge.node.text)).toEqual(['Halo, masih ada stok?']);
    expect(second.body.data!.contactReplies.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
  });

  it('does not show another workspace’s contact: NOT_FOUND', async () => {
    const contactId = await contactOf(`+${SARI}`);
    const { body } = await gql(REPLIES, { contactId, first: 5 }, stranger);
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps an inbound image’s and document’s media facts on the reply, the caption as its text, past the purge of the raw copy', async () => {
    const RINA = '6281234567077';
    const now = Math.floor(clock.now().getTime() / 1000);
    // Meta's message objects (Cloud API webhook reference, "Image" and "Document" messages).
    const post = async (message: Record<string, unknown>) => {
      expect((await postWebhook(api, inboundBody(PHONE_NUMBER_ID, WABA_ID, RINA, message))).status).toBe(200);
      await allApplied(api);
    };
    await post({
      id: 'wamid.media-image',
      timestamp: String(now),
      type: 'image',
      image: {
        caption: 'Yang warna biru ini ada?',
        mime_type: 'image/jpeg',
        sha256: 'WBz3Y1dE0rY7i2pVNpOlV8tYlG4n3Y5c5v9u9oUrP0w=',
        id: '1545196789539731',
      },
    });
    // Received 100 days ago: past the retention period (90 days by default).
    await post({
      id: 'wamid.media-document',
      timestamp: String(now - 100 * 86_400),
      type: 'document',
      document: {
        filename: 'Daftar pesanan.pdf',
        mime_type: 'application/pdf',
        sha256: 'rB9zQm7n8Y1dE0rY7i2pVNpOlV8tYlG4n3Y5c5v9u9o=',
        id: '2145196789539732',
      },
    });
    const MEDIA = `query ($contactId: ID!) {
      contactReplies(contactId: $contactId, first: 10) {
        edges { node { wamid type text mediaId mimeType fileName location { latitude longitude } } }
      }
    }`;
    type Media = { contactReplies: { edges: { node: Record<string, unknown> }[] } };
    const read = async () =>
      (await gql<Media>(MEDIA, { contactId: await contactOf(`+${RINA}`) })).body.data!.contactReplies.edges.map(
        (edge) => edge.node,
      );
    const image = {
      wamid: 'wamid.media-image',
      type: 'image',
      text: 'Yang warna biru ini ada?',
      mediaId: '1545196789539731',
      mimeType: 'image/jpeg',
      fileName: null,
      location: null,
    };
    expect(await read()).toEqual([
      image,
      {
        wamid: 'wamid.media-document',
        type: 'document',
        text: null,
        mediaId: '2145196789539732',
        mimeType: 'application/pdf',
        fileName: 'Daftar pesanan.pdf',
        location: null,
      },
    ]);

    // The purge empties the old reply's raw copy and the person's words (the file name too); what it was stays.
    await api.running.services.contacts.personalDataPurge.run(api.running.orm);
    const [old] = await sql<{ payload: unknown }>(api, 'select payload from contact_reply where wamid = ?', [
      'wamid.media-document',
    ]);
    expect(old!.payload).toEqual({});
    expect(await read()).toEqual([
      image,
      {
        wamid: 'wamid.media-document',
        type: 'document',
        text: null,
        mediaId: '2145196789539732',
        mimeType: 'application/pdf',
        fileName: null,
        location: null,
      },
    ]);
  });

  it('keeps a shared place: its coordinates, and its name as the text', async () => {
    const DANI = '6281234567078';
    const post = {
      id: 'wamid.media-location',
      timestamp: String(Math.floor(clock.now().getTime() / 1000)),
      type: 'location',
      location: { latitude: -6.2, longitude: 106.816666, name: 'Toko Cabang Sudirman', address: 'Jl. Sudirman 1' },
    };
    expect((await postWebhook(api, inboundBody(PHONE_NUMBER_ID, WABA_ID, DANI, post))).status).toBe(200);
    await allApplied(api);
    const { body } = await gql<{ contactReplies: { edges: { node: Record<string, unknown> }[] } }>(
      `query ($contactId: ID!) { contactReplies(contactId: $contactId) { edges { node { type text mediaId location { latitude longitude } } } } }`,
      { contactId: await contactOf(`+${DANI}`) },
    );
    expect(body.data!.contactReplies.edges.map((edge) => edge.node)).toEqual([
      {
        type: 'location',
        text: 'Toko Cabang Sudirman',
        mediaId: null,
        location: { latitude: -6.2, longitude: 106.816666 },
      },
    ]);
  });

  it('queues nothing while forwarding was never set', async () => {
    expect(await forwards()).toEqual([]);
  });

  it('refuses a URL that is not https (loopback aside) or not a URL, in the reader’s language, and keeps nothing', async () => {
    const http = await gql(SET, { url: 'http://hooks.toko.co.id/replies', enabled: true });
    expect(http.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(http.body.errors?.[0]?.message).toBe('The address must start with https://.');
    const garbage = await gql(SET, { url: 'bukan sebuah alamat', enabled: true }, owner, 'id');
    expect(garbage.body.errors?.[0]?.message).toContain('Masukkan alamat web lengkap');
    const { body } = await gql<{ replyForwarding: unknown }>('{ replyForwarding { url } }');
    expect(body.data!.replyForwarding).toBeNull();
  });

  it('shows the signing secret once: when it is made and when it is rotated', async () => {
    const made = await gql<{ setReplyForwarding: { secret: string | null; forwarding: { enabled: boolean } } }>(SET, {
      url: receiver.url,
      enabled: true,
    });
    expect(made.body.errors).toBeUndefined();
    expect(made.body.data!.setReplyForwarding.secret).toMatch(/^whsec_[\w-]{43}$/);
    const again = await gql<{ setReplyForwarding: { secret: string | null } }>(SET, {
      url: receiver.url,
      enabled: true,
    });
    expect(again.body.data!.setReplyForwarding.secret).toBeNull();
    const rotated = await gql<{ setReplyForwarding: { secret: string } }>(SET, {
      url: receiver.url,
      enabled: true,
      rotate: true,
    });
    secret = rotated.body.data!.setReplyForwarding.secret;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(made.body.data!.setReplyForwarding.secret);
    const audit = await sql<{ details: { secretRotated: boolean; enabled: boolean } }>(
      api,
      "select details from audit_log where action = 'replyForwarding.changed' order by created_at",
    );
    expect(audit.map((row) => row.details.secretRotated)).toEqual([true, false, true]);
    expect(JSON.stringify(audit)).not.toContain('whsec_');
    // The dashboard reads the setting back, with when it last changed.
    const read = await gql<{ replyForwarding: { url: string; enabled: boolean; updatedAt: string } }>(
      '{ replyForwarding { url enabled updatedAt } }',
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.replyForwarding).toMatchObject({ url: receiver.url, enabled: true });
    expect(Number.isNaN(Date.parse(read.body.data!.replyForwarding.updatedAt))).toBe(false);
  });

  it('forwards a new reply by the job, signed with the secret, once even when Meta redelivers it', async () => {
    await inbound('wamid.forward-1', 'Jam berapa buka?', 1764576300);
    await inbound('wamid.forward-1', 'Jam berapa buka?', 1764576300);
    // Nothing is sent from the webhook itself: the job delivers.
    expect(receiver.received).toHaveLength(0);
    expect(await deliverDue()).toBe(1);
    expect(await deliverDue()).toBe(0);
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expectSigned(request!);
    expect(JSON.parse(request!.body)).toMatchObject({
      object: 'bizone.reply',
      reply: { wamid: 'wamid.forward-1', text: 'Jam berapa buka?', phone: `+${SARI}`, channelId, type: 'text' },
    });
  });

  it('forwards nothing while forwarding is turned off', async () => {
    const off = await gql<{ setReplyForwarding: { forwarding: { enabled: boolean } } }>(SET, {
      url: receiver.url,
      enabled: false,
    });
    expect(off.body.errors).toBeUndefined();
    expect(off.body.data!.setReplyForwarding.forwarding.enabled).toBe(false);
    const before = (await forwards()).length;
    await inbound('wamid.forward-4', 'Terima kasih', 1764576600);
    expect((await forwards()).length).toBe(before);
    // Turned on again, the same secret keeps signing.
    const on = await gql<{ setReplyForwarding: { secret: string | null } }>(SET, { url: receiver.url, enabled: true });
    expect(on.body.data!.setReplyForwarding.secret).toBeNull();
  });

  it('retries a refused delivery after 30 s, then 2 min, and stops after the last attempt', async () => {
    receiver.received.length = 0;
    receiver.statuses.push(500, 503);
    await inbound('wamid.forward-2', 'Kirim ke Bandung bisa?', 1764576400);
    expect(await deliverDue()).toBe(0);
    // Not due again before its backoff.
    clock.advance(29_000);
    expect(await deliverDue()).toBe(0);
    expect(receiver.received).toHaveLength(1);
    clock.advance(1_000);
    expect(await deliverDue()).toBe(0);
    clock.advance(119_000);
    expect(await deliverDue()).toBe(0);
    expect(receiver.received).toHaveLength(2);
    clock.advance(1_000);
    expect(await deliverDue()).toBe(1);
    expect(receiver.received).toHaveLength(3);
    for (const request of receiver.received) expectSigned(request);
    expect(new Set(receiver.received.map((request) => request.headers['x-bizone-delivery'])).size).toBe(1);

    receiver.received.length = 0;
    receiver.statuses.push(...Array<number>(FORWARD_MAX_ATTEMPTS + 2).fill(500));
    await inbound('wamid.forward-3', 'Halo?', 1764576500);
    for (let attempt = 0; attempt < FORWARD_MAX_ATTEMPTS + 2; attempt += 1) {
      await deliverDue();
      clock.advance(6 * 3_600_000);
    }
    expect(receiver.received).toHaveLength(FORWARD_MAX_ATTEMPTS);
    const last = (await forwards()).at(-1)!;
    expect(last).toMatchObject({ attempts: FORWARD_MAX_ATTEMPTS, delivered_at: null, last_error: 'HTTP 500' });
    expect(last.gave_up_at).not.toBeNull();
    receiver.statuses.length = 0;
  });
});

/**
 * A photo, a document and a shared place, sent by a campaign's recipient through the simulator: each reads the same
 * in the contact's replies, the campaign's replies and the body forwarded to the workspace's webhook.
 */
describe('media and place replies, alike in every place a reply is read', () => {
  const RINA = '6281700000011';
  let world: CampaignWorld;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let campaignId: string;
  let contactId: string;

  // Meta's message objects as the Cloud API webhook reference shows them, with the facts a reader must see.
  const IMAGE = {
    type: 'image',
    text: 'Yang warna biru ada ukuran M?',
    caption: 'Yang warna biru ada ukuran M?',
    mediaId: '1545196789539731',
    mimeType: 'image/jpeg',
    fileName: null,
    location: null,
  };
  const DOCUMENT = {
    type: 'document',
    text: null,
    caption: null,
    mediaId: '2145196789539732',
    mimeType: 'application/pdf',
    fileName: 'Daftar pesanan.pdf',
    location: null,
  };
  const PLACE = {
    type: 'location',
    text: 'Toko Cabang Sudirman',
    caption: null,
    mediaId: null,
    mimeType: null,
    fileName: null,
    location: {
      latitude: -6.2088,
      longitude: 106.8456,
      name: 'Toko Cabang Sudirman',
      address: 'Jl. Jend. Sudirman No. 1, Jakarta',
    },
  };
  const FACTS = 'type text caption mediaId mimeType fileName location { latitude longitude name address }';

  beforeAll(async () => {
    world = await startCampaignWorld();
    receiver = await startReceiver();
    await world.addContacts([{ phone: `+${RINA}`, name: 'Rina', tags: ['media'] }]);
    await world.fund(10_000n);
    const set = await world.gql(SET, { url: receiver.url, enabled: true });
    expect(set.errors).toBeUndefined();
    campaignId = await world.draftForTag('media');
    expect((await world.gql(START, { id: campaignId })).errors).toBeUndefined();
    await world.dispatch();
    await world.deliverStatuses(1000);
    const inbound = async (message: InboundContent) => {
      world.meta.simulator.sends.inbound({ phoneNumberId: CAMPAIGN_NUMBER_ID, from: RINA, message });
      // A second apart, so newest-first is one order.
      await world.deliverStatuses(1000);
    };
    await inbound({
      type: 'image',
      mediaId: '1545196789539731',
      mimeType: 'image/jpeg',
      caption: 'Yang warna biru ada ukuran M?',
    });
    await inbound({
      type: 'document',
      mediaId: '2145196789539732',
      mimeType: 'application/pdf',
      fileName: 'Daftar pesanan.pdf',
    });
    await inbound({
      type: 'location',
      latitude: -6.2088,
      longitude: 106.8456,
      name: 'Toko Cabang Sudirman',
      address: 'Jl. Jend. Sudirman No. 1, Jakarta',
    });
    const [contact] = await world.sql<{ id: string }>('select id from contact where workspace_id = ? and phone = ?', [
      world.workspaceId,
      `+${RINA}`,
    ]);
    contactId = contact!.id;
  });
  afterAll(async () => {
    await receiver.close();
    await world.stop();
  });

  it('shows a photo’s caption, a document’s file name and a place’s name and address on the contact’s replies', async () => {
    const answer = await world.gql<{ contactReplies: { edges: { node: Record<string, unknown> }[] } }>(
      `query ($id: ID!) { contactReplies(contactId: $id) { edges { node { ${FACTS} } } } }`,
      { id: contactId },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.contactReplies.edges.map((edge) => edge.node)).toEqual([PLACE, DOCUMENT, IMAGE]);
  });

  it('shows the same facts on the campaign’s replies', async () => {
    const answer = await world.gql<{ campaignReplies: { items: Record<string, unknown>[] } }>(
      `query ($id: ID!) { campaignReplies(campaignId: $id) { items { ${FACTS} } } }`,
      { id: campaignId },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.campaignReplies.items).toEqual([PLACE, DOCUMENT, IMAGE]);
  });

  it('forwards the same facts to the workspace’s webhook', async () => {
    expect(await world.api.running.services.channels.forwarding.deliverDue(world.em())).toBe(3);
    const forwarded = receiver.received.map(
      (request) => (JSON.parse(request.body) as { reply: Record<string, unknown> }).reply,
    );
    const byType = (type: string) => forwarded.find((reply) => reply.type === type);
    expect(forwarded).toHaveLength(3);
    expect(byType('image')).toMatchObject({ ...IMAGE, phone: `+${RINA}`, contactId });
    expect(byType('document')).toMatchObject({ ...DOCUMENT, phone: `+${RINA}`, contactId });
    expect(byType('location')).toMatchObject({ ...PLACE, phone: `+${RINA}`, contactId });
  });
});
