import { Workspace } from '../../src/modules/identity';
import { createMember, createWorkspace } from '../support/identity';
import { katalogTemplate } from '../support/media-templates';
import {
  CAMPAIGN,
  CREATE,
  PHONE_NUMBER_ID,
  START,
  TOKEN,
  WABA_ID,
  connectNumber,
  startCampaignWorld,
  type CampaignWorld,
} from './support';

const SECOND_NUMBER_ID = '106540352242955';

// Written by hand from Meta's "Coupon code templates" page, as GET /{waba-id}/message_templates lists it.
const KATALOG = katalogTemplate('1234567890128001');
const KUPON = {
  id: '1234567890128002',
  name: 'kupon_akhir_tahun',
  language: 'id',
  status: 'APPROVED',
  category: 'MARKETING',
  parameter_format: 'POSITIONAL',
  components: [
    { type: 'HEADER', format: 'DOCUMENT' },
    { type: 'BODY', text: 'Pakai kode {{1}} untuk diskon akhir tahun.', example: { body_text: [['HEMAT25']] } },
    { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'HEMAT25' }] },
  ],
};

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(256, 7)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(256, 32)]);

const UPDATE = `mutation ($id: ID!, $input: CampaignDraftInput!) {
  updateCampaign(id: $id, input: $input) { id headerMedia { source link fileId fileName mimeType } }
}`;
const TEST_SEND = `mutation ($id: ID!, $phone: String!) { sendTestMessage(id: $id, phone: $phone) { status errorCode } }`;

/** Header media (a link or an upload) and button parameters, from the draft to Meta. */
describe('campaign header media and buttons', () => {
  let world: CampaignWorld;
  let secondChannelId: string;

  beforeAll(async () => {
    world = await startCampaignWorld({ extraTemplates: [KATALOG, KUPON], extraNumberIds: [SECOND_NUMBER_ID] });
    world.meta.simulator.sends.configure({ recordComponents: true });
    secondChannelId = await connectNumber(world, SECOND_NUMBER_ID, 'Kedua');
    await world.fund(1_000_000n);
  });
  afterAll(async () => {
    await world.stop();
  });

  const uploads = () => Object.fromEntries(world.meta.simulator.sends.mediaUploads);

  async function upload(
    body: Buffer,
    type: string,
    { channelId = world.channelId, fileName = 'katalog.png', token = world.owner.sessionToken, language = 'en' } = {},
  ) {
    const url = new URL(`${world.api.url}/api/campaigns/media`);
    url.searchParams.set('channelId', channelId);
    url.searchParams.set('fileName', fileName);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        'content-type': type,
        'accept-language': language,
      },
      body,
    });
    return {
      status: response.status,
      body: (await response.json().catch(() => null)) as {
        id: string;
        fileName: string;
        mimeType: string;
        format: string;
        bytes: number;
        error?: { code: string; message: string; messageKey: string; fields?: Record<string, string> };
      },
    };
  }

  async function draft(tag: string, template: string, variables: unknown[], extra: Record<string, unknown> = {}) {
    const created = await world.gql<{ createCampaign: { id: string } }>(CREATE, {
      input: {
        name: `Media ${tag}`,
        channelId: world.channelId,
        templateId: await world.templateId(template),
        variables,
        audience: { kind: 'TAGS', tags: [tag] },
        ...extra,
      },
    });
    expect(created.errors).toBeUndefined();
    return created.data!.createCampaign.id;
  }

  const KATALOG_VARIABLES = [
    { parameter: '1', source: 'NAME', fallback: 'Pelanggan' },
    { parameter: 'button_1', source: 'ATTRIBUTE', value: 'slug', fallback: 'semua' },
  ];

  it('stores an upload, uploads it to Meta for the channel once, and tells its facts', async () => {
    const before = uploads()[PHONE_NUMBER_ID] ?? 0;
    const answer = await upload(PNG, 'image/png', { fileName: 'Katalog Desember.png' });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      fileName: 'Katalog Desember.png',
      mimeType: 'image/png',
      format: 'IMAGE',
      bytes: PNG.length,
    });
    expect(uploads()[PHONE_NUMBER_ID]).toBe(before + 1);
    const read = await world.gql<{ campaignMediaFile: { fileName: string; bytes: number } }>(
      `query ($id: ID!) { campaignMediaFile(id: $id) { fileName bytes } }`,
      { id: answer.body.id },
    );
    expect(read.data!.campaignMediaFile).toEqual({ fileName: 'Katalog Desember.png', bytes: PNG.length });
  });

  it.each([
    ['a type no header takes', Buffer.from('GIF89a'), 'image/gif', 415, undefined],
    ['a form post', Buffer.from('a=1'), 'application/x-www-form-urlencoded', 415, undefined],
    [
      'an image over 5 MB',
      Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]),
      'image/png',
      400,
      'campaigns.media.tooLarge',
    ],
    ['a PDF named as a PNG', PDF, 'image/png', 400, 'campaigns.media.contentMismatch'],
    ['an empty file', Buffer.alloc(0), 'application/pdf', 400, 'campaigns.media.empty'],
  ])('refuses %s, uploading nothing to Meta', async (_what, body, type, status, key) => {
    const before = uploads()[PHONE_NUMBER_ID] ?? 0;
    const answer = await upload(body, type);
    expect(answer.status).toBe(status);
    if (key)
      expect(answer.body.error).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: key, fields: { file: key } });
    expect(uploads()[PHONE_NUMBER_ID] ?? 0).toBe(before);
  });

  it('answers in the reader’s language', async () => {
    const answer = await upload(PDF, 'image/png', { language: 'id' });
    expect(answer.body.error!.message).toBe('Isi berkas bukan image/png. Periksa apakah berkas sesuai dengan namanya.');
  });

  it('refuses a channel of another workspace (NOT_FOUND), a reader without CAMPAIGNS_WRITE and no credential', async () => {
    const other = await createMember(world.em(), await createWorkspace(world.em(), 'Toko Lain'), 'owner');
    const foreign = await upload(PNG, 'image/png', { token: other.sessionToken });
    expect([foreign.status, foreign.body.error!.code]).toEqual([404, 'NOT_FOUND']);
    const em = world.em();
    const viewer = await createMember(em, em.getReference(Workspace, world.workspaceId), 'viewer');
    const forbidden = await upload(PNG, 'image/png', { token: viewer.sessionToken });
    expect([forbidden.status, forbidden.body.error!.code]).toEqual([403, 'FORBIDDEN']);
    const anonymous = await upload(PNG, 'image/png', { token: '' });
    expect([anonymous.status, anonymous.body.error!.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('refuses an http link, a file of the wrong kind, and a launch without the header’s media', async () => {
    const id = await draft('tanpa-media', 'katalog_desember', KATALOG_VARIABLES);
    const http = await world.gql(UPDATE, {
      id,
      input: { headerMedia: { source: 'LINK', link: 'http://toko.example/k.jpg' } },
    });
    expect(http.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'headerMedia.link': 'campaigns.media.httpsOnly' },
    });
    const pdf = await upload(PDF, 'application/pdf', { fileName: 'kupon.pdf' });
    const wrongKind = await world.gql(UPDATE, {
      id,
      input: { headerMedia: { source: 'UPLOAD', fileId: pdf.body.id } },
    });
    expect(wrongKind.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { headerMedia: 'campaigns.media.formatMismatch' },
    });
    await world.addContacts([{ phone: '+6281300001001', name: 'Ani', tags: ['tanpa-media'] }]);
    const started = await world.gql(START, { id }, world.owner, 'id');
    expect(started.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { headerMedia: 'campaigns.media.required' },
    });
    expect(started.errors![0]!.extensions!.fieldMessages).toEqual({
      headerMedia: 'Header template memerlukan gambar, video, atau dokumen: beri tautan atau unggah berkas.',
    });
  });

  it('sends a link-header + URL-button campaign through the simulator exactly as Meta documents it', async () => {
    await world.addContacts([
      { phone: '+6281300002001', name: 'Budi', tags: ['katalog'], attributes: { slug: 'budi santoso' } },
      { phone: '+6281300002002', name: '', tags: ['katalog'] },
    ]);
    const id = await draft('katalog', 'katalog_desember', KATALOG_VARIABLES, {
      headerMedia: { source: 'LINK', link: 'https://cdn.toko.example/katalog.jpg' },
    });
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    await world.dispatch();
    const campaign = (
      await world.gql<{ campaign: { status: string; counts: { sent: number; failed: number } } }>(CAMPAIGN, { id })
    ).data!.campaign;
    expect(campaign.status).toBe('COMPLETED');
    expect(campaign.counts).toMatchObject({ sent: 2, failed: 0 });
    const messages = await world.sql<{ id: string; phone: string }>(
      'select id, phone from campaign_message where campaign_id = ? order by phone',
      [id],
    );
    const sent = messages.map((message) => world.meta.simulator.sends.acceptedComponents.get(message.id));
    const image = {
      type: 'header',
      parameters: [{ type: 'image', image: { link: 'https://cdn.toko.example/katalog.jpg' } }],
    };
    expect(sent).toEqual([
      [
        image,
        { type: 'body', parameters: [{ type: 'text', text: 'Budi' }] },
        { type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'budi%20santoso' }] },
      ],
      [
        image,
        { type: 'body', parameters: [{ type: 'text', text: 'Pelanggan' }] },
        { type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'semua' }] },
      ],
    ]);

    // Retargeting those not delivered yet keeps the header media: the new campaign launches and sends it.
    const retargeted = await world.gql<{ retargetCampaign: { id: string } }>(
      `mutation ($id: ID!) { retargetCampaign(id: $id, input: { statuses: [SENT] }) { id } }`,
      { id },
    );
    const again = retargeted.data!.retargetCampaign.id;
    expect((await world.gql(START, { id: again })).errors).toBeUndefined();
    await world.dispatch();
    const [resent] = await world.sql<{ id: string }>(
      `select id from campaign_message where campaign_id = ? and phone = '+6281300002001'`,
      [again],
    );
    expect((world.meta.simulator.sends.acceptedComponents.get(resent!.id) as unknown[])[0]).toEqual(image);
  });

  it('uploads a file once per campaign and number (test send, launch), again for another number, and after Meta’s expiry', async () => {
    await world.addContacts([
      { phone: '+6281300003001', name: 'Citra', tags: ['kupon'], attributes: { kode: 'CITRA10' } },
      { phone: '+6281300003002', name: 'Dedi', tags: ['kupon'] },
    ]);
    const pdf = await upload(PDF, 'application/pdf', { fileName: 'Kupon Akhir Tahun.pdf' });
    expect(pdf.status).toBe(201);
    const afterUpload = uploads();
    const variables = [
      { parameter: '1', source: 'ATTRIBUTE', value: 'kode', fallback: 'HEMAT25' },
      { parameter: 'button_0', source: 'ATTRIBUTE', value: 'kode', fallback: 'HEMAT25' },
    ];
    const id = await draft('kupon', 'kupon_akhir_tahun', variables, {
      headerMedia: { source: 'UPLOAD', fileId: pdf.body.id },
    });
    const test = await world.gql<{ sendTestMessage: { status: string } }>(TEST_SEND, { id, phone: '+6281300003001' });
    expect(test.data!.sendTestMessage.status).toBe('SENT');
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    await world.dispatch();
    // The upload's own call to Meta was the only one: the test send and both recipients reused its id.
    expect(uploads()).toEqual(afterUpload);
    const [first] = await world.sql<{ id: string }>(
      `select id from campaign_message where campaign_id = ? and phone = '+6281300003002'`,
      [id],
    );
    const [{ meta_media_id: metaMediaId }] = (await world.sql<{ meta_media_id: string }>(
      'select meta_media_id from campaign_media_upload where file_id = ?',
      [pdf.body.id],
    )) as [{ meta_media_id: string }];
    expect(world.meta.simulator.sends.acceptedComponents.get(first!.id)).toEqual([
      {
        type: 'header',
        parameters: [{ type: 'document', document: { id: metaMediaId, filename: 'Kupon Akhir Tahun.pdf' } }],
      },
      { type: 'body', parameters: [{ type: 'text', text: 'HEMAT25' }] },
      {
        type: 'button',
        sub_type: 'copy_code',
        index: '0',
        parameters: [{ type: 'coupon_code', coupon_code: 'HEMAT25' }],
      },
    ]);

    // The same file on another number: Meta's ids belong to one number, so one more upload, for that number only.
    await world.addContacts([{ phone: '+6281300003003', name: 'Eka', tags: ['kupon-dua'] }]);
    const second = await draft('kupon-dua', 'kupon_akhir_tahun', variables, {
      channelId: secondChannelId,
      headerMedia: { source: 'UPLOAD', fileId: pdf.body.id },
    });
    expect((await world.gql(START, { id: second })).errors).toBeUndefined();
    expect(uploads()).toEqual({ ...afterUpload, [SECOND_NUMBER_ID]: 1 });

    // 24 days on (Meta keeps an id 30 days; the portal reuses one up to 23): the next launch uploads again.
    // (Aged in the table rather than by the clock, which would expire the test's session too.)
    await world.sql(
      `update campaign_media_upload set uploaded_at = uploaded_at - interval '24 days' where file_id = ?`,
      [pdf.body.id],
    );
    await world.addContacts([{ phone: '+6281300003004', name: 'Fajar', tags: ['kupon-tiga'] }]);
    const third = await draft('kupon-tiga', 'kupon_akhir_tahun', variables, {
      headerMedia: { source: 'UPLOAD', fileId: pdf.body.id },
    });
    expect((await world.gql(START, { id: third })).errors).toBeUndefined();
    expect(uploads()[PHONE_NUMBER_ID]).toBe(afterUpload[PHONE_NUMBER_ID]! + 1);
  });

  it('uploads once when two launches of campaigns sharing a file race', async () => {
    const pdf = await upload(PDF, 'application/pdf', { channelId: world.channelId, fileName: 'race.pdf' });
    const variables = [
      { parameter: '1', source: 'TEXT', value: 'HEMAT' },
      { parameter: 'button_0', source: 'TEXT', value: 'HEMAT' },
    ];
    await world.addContacts([{ phone: '+6281300004001', name: 'Gita', tags: ['balap'] }]);
    const ids = await Promise.all(
      [1, 2, 3].map(() =>
        draft('balap', 'kupon_akhir_tahun', variables, {
          channelId: secondChannelId,
          headerMedia: { source: 'UPLOAD', fileId: pdf.body.id },
        }),
      ),
    );
    const before = uploads()[SECOND_NUMBER_ID] ?? 0;
    const results = await Promise.all(ids.map((id) => world.gql(START, { id })));
    expect(results.map((result) => result.errors)).toEqual([undefined, undefined, undefined]);
    expect(uploads()[SECOND_NUMBER_ID]).toBe(before + 1);
  });

  it('pauses a scheduled campaign with MEDIA when its file cannot be uploaded to Meta at its start time', async () => {
    const pdf = await upload(PDF, 'application/pdf', { fileName: 'terjadwal.pdf' });
    await world.addContacts([{ phone: '+6281300005001', name: 'Hana', tags: ['terjadwal'] }]);
    const id = await draft(
      'terjadwal',
      'kupon_akhir_tahun',
      [
        { parameter: '1', source: 'TEXT', value: 'HEMAT' },
        { parameter: 'button_0', source: 'TEXT', value: 'HEMAT' },
      ],
      { channelId: secondChannelId, headerMedia: { source: 'UPLOAD', fileId: pdf.body.id } },
    );
    const at = new Date(world.clock.now().getTime() + 3_600_000);
    const scheduled = await world.gql(
      `mutation ($id: ID!, $at: DateTimeISO!) { scheduleCampaign(id: $id, at: $at) { status } }`,
      { id, at: at.toISOString() },
    );
    expect(scheduled.errors).toBeUndefined();
    // Meta no longer takes the channel's token when the campaign's time comes: the upload for its number fails.
    const account = world.meta.simulator.account(WABA_ID)!;
    account.token = 'EAAG-revoked-token';
    try {
      world.clock.advance(3_600_000);
      await world.api.running.services.campaigns.launch.startDue(world.em());
    } finally {
      account.token = TOKEN;
    }
    const campaign = (
      await world.gql<{ campaign: { status: string; pauseReason: string; counts: { total: number } } }>(CAMPAIGN, {
        id,
      })
    ).data!.campaign;
    expect(campaign).toMatchObject({ status: 'PAUSED', pauseReason: 'MEDIA', counts: { total: 0 } });
    // Resumed once Meta takes the token again: uploaded now, launched.
    const resumed = await world.gql<{ resumeCampaign: { status: string } }>(
      `mutation ($id: ID!) { resumeCampaign(id: $id) { status } }`,
      { id },
    );
    expect(resumed.errors).toBeUndefined();
    expect(resumed.data!.resumeCampaign.status).toBe('RUNNING');
  });
});
