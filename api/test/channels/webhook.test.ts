import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceEm } from '../../src/db/base.entity';
import { metaSignature } from '../../src/modules/channels';
import { startMetaSimulator, type MetaSimulatorHandle } from '../../src/simulators/meta';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';
import { waitFor } from '../support/wait';

const APP_ID = '1000000000000001';
const APP_SECRET = 'webhook-test-app-secret-0123456789';
const VERIFY_TOKEN = 'webhook-test-verify-token';
const TOKEN = 'EAAG-simulated-webhook-token-0001';
const PHONE_NUMBER_ID = '106540352242922';
const WABA_ID = '102290129340398';

const raw = (name: string) =>
  readFileSync(join(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'meta', name), 'utf8');
const fixture = (name: string) => JSON.parse(raw(name)) as Record<string, unknown>;

/** A fixture with its first status replaced (same wamid, another status and time). */
function statusBody(status: string, timestamp: string, extra: Record<string, unknown> = {}) {
  const body = fixture('status-sent.json') as { entry: { changes: { value: { statuses: object[] } }[] }[] };
  const [sent] = body.entry[0]!.changes[0]!.value.statuses as Record<string, unknown>[];
  body.entry[0]!.changes[0]!.value.statuses = [{ ...sent, status, timestamp, ...extra }];
  return body;
}

/** Meta's webhook end to end: verification, signatures, store-then-apply, and what applying changes. */
describe('the WhatsApp webhook', () => {
  let meta: MetaSimulatorHandle;
  let api: TestApi;
  let owner: TestMember;

  beforeAll(async () => {
    meta = await startMetaSimulator({ port: 0, isProduction: false, appId: APP_ID });
    meta.simulator.addAccount({
      wabaId: WABA_ID,
      token: TOKEN,
      portfolioId: '7000000000001',
      messagingLimitTier: 'TIER_2K',
      numbers: [
        {
          id: PHONE_NUMBER_ID,
          displayPhoneNumber: '+62 811-0000-0000',
          verifiedName: 'Toko',
          qualityRating: 'GREEN',
          throughputLevel: 'STANDARD',
          isOnBizApp: false,
        },
      ],
      templates: (fixture('template-list-page.json') as { data: Record<string, unknown>[] }).data,
    });
    api = await startTestApi({
      env: {
        META_GRAPH_BASE_URL: meta.url,
        META_APP_ID: APP_ID,
        META_APP_SECRET: APP_SECRET,
        META_VERIFY_TOKEN: VERIFY_TOKEN,
      },
    });
    const em = api.running.orm.em.fork();
    owner = await createMember(em, await createWorkspace(em, 'Toko Webhook'), 'owner');
    const { channels } = api.running.services.channels;
    const scoped = workspaceEm(api.running.orm.em, owner.workspace.id);
    const channel = await channels.connect(scoped, owner.workspace.id, {
      name: 'Utama',
      phoneNumberId: PHONE_NUMBER_ID,
      wabaId: WABA_ID,
      accessToken: TOKEN,
    });
    await channels.syncTemplates(scoped, owner.workspace.id, channel.id);
  });
  afterAll(async () => {
    await api.stop();
    await meta.close();
  });

  const url = () => `${api.url}/api/webhooks/whatsapp`;
  const sql = async <T>(text: string, params: unknown[] = []) =>
    api.running.orm.em.fork().getConnection().execute<T[]>(text, params);
  const post = (body: string | object, signature?: string | null) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature !== null) headers['x-hub-signature-256'] = signature ?? metaSignature(text, APP_SECRET);
    return fetch(url(), { method: 'POST', headers, body: text });
  };
  const stored = async () =>
    (await sql<{ count: number }>('select count(*)::int as count from whatsapp_webhook'))[0]!.count;
  const allApplied = () =>
    waitFor(
      async () => {
        const [row] = await sql<{ count: number }>(
          'select count(*)::int as count from whatsapp_webhook where applied_at is null',
        );
        return row!.count === 0;
      },
      { what: 'every stored webhook to be applied' },
    );
  const statusOf = async (wamid: string) =>
    (
      await sql<{ status: string; pricing: unknown; errors: unknown; callback_data: string }>(
        'select status, pricing, errors, callback_data from message_status where wamid = ?',
        [wamid],
      )
    )[0];

  it('echoes hub.challenge for the right verify token and answers 403 otherwise', async () => {
    const good = await fetch(`${url()}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('1158201444');
    const bad = await fetch(`${url()}?hub.mode=subscribe&hub.verify_token=wrong-token&hub.challenge=1158201444`);
    expect(bad.status).toBe(403);
    expect(await bad.text()).not.toContain('1158201444');
  });

  it('answers 401 to a missing or wrong signature and stores nothing', async () => {
    const before = await stored();
    const body = raw('status-sent.json');
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, metaSignature(body, 'another-app-secret'))).status).toBe(401);
    expect((await post(body, 'sha256=abc')).status).toBe(401);
    expect(await stored()).toBe(before);
  });

  it('stores a signed body before answering 200, then applies it (sent, with pricing and callback data)', async () => {
    const body = raw('status-sent.json');
    const response = await post(body);
    expect(response.status).toBe(200);
    const [row] = await sql<{ body: string }>('select body from whatsapp_webhook order by received_at desc limit 1');
    expect(row!.body).toBe(body);
    await allApplied();
    const wamid = 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjQ2QjM4RkI2QjY1QzZBMjhFMQA=';
    expect(await statusOf(wamid)).toMatchObject({
      status: 'sent',
      callback_data: 'cm_0001',
      pricing: { billable: true, pricing_model: 'PMP', category: 'marketing' },
    });
  });

  it('applies a body whose one status has a number for an id, skipping only that status (the body is not retried for ever)', async () => {
    const body = JSON.parse(raw('status-sent.json')) as {
      entry: { changes: { value: { statuses: Record<string, unknown>[] } }[] }[];
    };
    const statuses = body.entry[0]!.changes[0]!.value.statuses;
    const good = { ...statuses[0]!, id: 'wamid.numeric-neighbour-0001', status: 'delivered' };
    body.entry[0]!.changes[0]!.value.statuses = [{ ...statuses[0]!, id: 628123 }, good];
    expect((await post(body)).status).toBe(200);
    await allApplied();
    expect(await statusOf('wamid.numeric-neighbour-0001')).toMatchObject({ status: 'delivered' });
    expect(await statusOf('628123')).toBeUndefined();
  });

  it('moves statuses forward only: read before delivered, duplicates and a late sent change nothing', async () => {
    const wamid = 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjQ2QjM4RkI2QjY1QzZBMjhFMQA=';
    expect((await post(statusBody('read', '1763971300'))).status).toBe(200);
    await allApplied();
    expect((await statusOf(wamid))!.status).toBe('read');
    for (const late of [statusBody('delivered', '1763971250'), statusBody('sent', '1763971200')]) {
      expect((await post(late)).status).toBe(200);
      expect((await post(late)).status).toBe(200);
    }
    await allApplied();
    expect((await statusOf(wamid))!.status).toBe('read');
  });

  it('keeps the pricing of a delivered that arrives after its read (the status stays read)', async () => {
    const wamid = 'wamid.pricing-after-read';
    const pricing = { billable: true, pricing_model: 'PMP', category: 'utility' };
    expect((await post(statusBody('read', '1763971300', { id: wamid, pricing: undefined }))).status).toBe(200);
    await allApplied();
    expect(await statusOf(wamid)).toMatchObject({ status: 'read', pricing: null });
    expect((await post(statusBody('delivered', '1763971250', { id: wamid, pricing }))).status).toBe(200);
    await allApplied();
    expect(await statusOf(wamid)).toMatchObject({ status: 'read', pricing });
  });

  it('keeps a failed status with Meta’s errors', async () => {
    expect((await post(raw('status-failed.json'))).status).toBe(200);
    expect((await post(raw('status-failed-131049.json'))).status).toBe(200);
    await allApplied();
    const failed = await statusOf('wamid.HBgNNjI4NTc3NzAwMDAwMBUCABEYEkM5QTQ0RTk2RTA1RjY3RTlBMgA=');
    expect(failed).toMatchObject({ status: 'failed', errors: [expect.objectContaining({ code: 131026 })] });
  });

  it('records a failed that follows delivered (Meta documents it), keeping its errors and that it was delivered', async () => {
    const wamid = 'wamid.failed-after-delivered';
    const errors = [{ code: 131000, title: 'Something went wrong', message: 'Something went wrong' }];
    expect((await post(statusBody('delivered', '1763971250', { id: wamid }))).status).toBe(200);
    await allApplied();
    expect((await post(statusBody('failed', '1763971260', { id: wamid, errors, pricing: undefined }))).status).toBe(
      200,
    );
    await allApplied();
    expect(await statusOf(wamid)).toMatchObject({ status: 'failed', errors });
    const [row] = await sql<{ delivered_at: string | null }>(
      'select delivered_at from message_status where wamid = ?',
      [wamid],
    );
    expect(new Date(row!.delivered_at!)).toEqual(new Date(1763971250 * 1000));
    // Forward only for the rest: a late delivered or sent never undoes the failure.
    for (const late of [
      statusBody('delivered', '1763971250', { id: wamid }),
      statusBody('sent', '1763971200', { id: wamid }),
    ]) {
      expect((await post(late)).status).toBe(200);
    }
    await allApplied();
    expect(await statusOf(wamid)).toMatchObject({ status: 'failed', errors });
  });

  it('keeps read over a failed that arrives after it, with the failure’s errors', async () => {
    const wamid = 'wamid.failed-after-read';
    const errors = [{ code: 131000, title: 'Something went wrong' }];
    expect((await post(statusBody('read', '1763971300', { id: wamid }))).status).toBe(200);
    await allApplied();
    expect((await post(statusBody('failed', '1763971310', { id: wamid, errors }))).status).toBe(200);
    await allApplied();
    expect(await statusOf(wamid)).toMatchObject({ status: 'read', errors });
  });

  it('records a failed with no delivery before it as never delivered', async () => {
    const wamid = 'wamid.failed-after-sent';
    expect((await post(statusBody('sent', '1763971200', { id: wamid }))).status).toBe(200);
    expect((await post(statusBody('failed', '1763971210', { id: wamid, errors: [{ code: 131026 }] }))).status).toBe(
      200,
    );
    await allApplied();
    const [row] = await sql<{ status: string; delivered_at: string | null }>(
      'select status, delivered_at from message_status where wamid = ?',
      [wamid],
    );
    expect(row).toEqual({ status: 'failed', delivered_at: null });
  });

  it('stores an inbound STOP on a new inbound contact and opts the contact out', async () => {
    expect((await post(raw('inbound-text.json'))).status).toBe(200);
    expect((await post(raw('inbound-text.json'))).status).toBe(200);
    await allApplied();
    const contacts = await sql<{ id: string; source: string; opted_out_at: Date | null }>(
      "select id, source, opted_out_at from contact where workspace_id = ? and phone = '+6281234567890'",
      [owner.workspace.id],
    );
    expect(contacts).toHaveLength(1);
    expect(contacts[0]!.source).toBe('INBOUND');
    expect(contacts[0]!.opted_out_at).not.toBeNull();
    const replies = await sql<{ text: string }>('select text from contact_reply where contact_id = ?', [
      contacts[0]!.id,
    ]);
    expect(replies.map((reply) => reply.text)).toEqual(['STOP']);
  });

  it('applies user_preferences stop as a marketing opt-out', async () => {
    expect((await post(raw('user-preferences-stop.json'))).status).toBe(200);
    await allApplied();
    const [contact] = await sql<{ marketing_opt_out_at: Date | null }>(
      "select marketing_opt_out_at from contact where workspace_id = ? and phone = '+6281234567890'",
      [owner.workspace.id],
    );
    expect(contact!.marketing_opt_out_at).not.toBeNull();
  });

  it('clears the marketing opt-out of a user_preferences stop when the user resumes, leaving a keyword STOP alone', async () => {
    // A contact of its own: Meta's stop fixture, for another number.
    const preference = (value: 'stop' | 'resume') => {
      const body = fixture('user-preferences-stop.json') as {
        entry: { changes: { value: { contacts: { wa_id: string }[]; user_preferences: object[] } }[] }[];
      };
      const change = body.entry[0]!.changes[0]!.value;
      change.contacts[0]!.wa_id = '6281298765432';
      const [stop] = change.user_preferences as Record<string, unknown>[];
      change.user_preferences = [
        {
          ...stop,
          wa_id: '6281298765432',
          value,
          detail: `User requested to ${value} marketing messages`,
          timestamp: value === 'stop' ? 1763971400 : 1763971500,
        },
      ];
      return body;
    };
    const contact = async () =>
      (
        await sql<{ id: string; marketing_opt_out_at: Date | null; opted_out_at: Date | null }>(
          "select id, marketing_opt_out_at, opted_out_at from contact where workspace_id = ? and phone = '+6281298765432'",
          [owner.workspace.id],
        )
      )[0]!;
    expect((await post(preference('stop'))).status).toBe(200);
    await allApplied();
    expect((await contact()).marketing_opt_out_at).not.toBeNull();

    expect((await post(preference('resume'))).status).toBe(200);
    await allApplied();
    const resumed = await contact();
    expect(resumed.marketing_opt_out_at).toBeNull();
    const history = await sql<{ kind: string; source: string }>(
      'select kind, source from contact_event where contact_id = ? order by created_at, id',
      [resumed.id],
    );
    expect(history.slice(-2)).toEqual([
      { kind: 'MARKETING_OPT_OUT', source: 'USER_PREFERENCES' },
      { kind: 'MARKETING_OPT_IN', source: 'USER_PREFERENCES' },
    ]);

    // A STOP typed by the user stops every message: Meta's resume is about marketing only and lifts nothing else.
    const typed = fixture('inbound-text.json') as {
      entry: { changes: { value: { contacts: { wa_id: string }[]; messages: Record<string, unknown>[] } }[] }[];
    };
    const inbound = typed.entry[0]!.changes[0]!.value;
    inbound.contacts[0]!.wa_id = '6281298765432';
    inbound.messages[0] = { ...inbound.messages[0], from: '6281298765432', id: 'wamid.resume-keeps-keyword-stop' };
    expect((await post(typed)).status).toBe(200);
    await allApplied();
    expect((await contact()).opted_out_at).not.toBeNull();
    expect((await post(preference('resume'))).status).toBe(200);
    await allApplied();
    expect((await contact()).opted_out_at).not.toBeNull();
  });

  it('gives an inbound message no other sender’s ids when its `from` matches no contact profile of the body', async () => {
    const typed = fixture('inbound-text.json') as {
      entry: { changes: { value: { contacts: object[]; messages: Record<string, unknown>[] } }[] }[];
    };
    const value = typed.entry[0]!.changes[0]!.value;
    value.contacts = [{ profile: { name: 'Sari' }, wa_id: '6281277700011', user_id: 'US.13491208655302749911' }];
    value.messages = [
      { ...value.messages[0], from: '6281277700011', id: 'wamid.profile-own', timestamp: '1763971200' },
      { ...value.messages[0], from: '6281277700012', id: 'wamid.profile-none', timestamp: '1763971201' },
    ];
    expect((await post(typed)).status).toBe(200);
    await allApplied();
    const contacts = await sql<{ phone: string; wa_id: string | null; wa_user_id: string | null }>(
      `select phone, wa_id, wa_user_id from contact where workspace_id = ? and phone in (?, ?) order by phone`,
      [owner.workspace.id, '+6281277700011', '+6281277700012'],
    );
    expect(contacts).toEqual([
      { phone: '+6281277700011', wa_id: '6281277700011', wa_user_id: 'US.13491208655302749911' },
      { phone: '+6281277700012', wa_id: '6281277700012', wa_user_id: null },
    ]);
  });

  it('knows a contact by Meta’s business-scoped user_id too: a new number or a user_id-only event reaches the same contact', async () => {
    const USER_ID = 'US.13491208655302741918';
    const message = (from: string, id: string, body: string, timestamp: string) => {
      const typed = fixture('inbound-text.json') as {
        entry: { changes: { value: { contacts: object[]; messages: Record<string, unknown>[] } }[] }[];
      };
      const value = typed.entry[0]!.changes[0]!.value;
      value.contacts = [{ profile: { name: 'Rina' }, wa_id: from, user_id: USER_ID }];
      value.messages[0] = { ...value.messages[0], from, id, timestamp, text: { body } };
      return typed;
    };
    const rows = () =>
      sql<{ id: string; phone: string; wa_id: string; wa_user_id: string; marketing_opt_out_at: Date | null }>(
        `select c.id, c.phone, c.wa_id, c.wa_user_id, c.marketing_opt_out_at from contact c
         where c.workspace_id = ? and (c.wa_user_id = ? or c.phone in ('+6281277700001', '+6281277700002'))`,
        [owner.workspace.id, USER_ID],
      );
    // A first message: a new INBOUND contact with both of Meta's ids.
    expect((await post(message('6281277700001', 'wamid.bsuid-first', 'Halo, masih buka?', '1763971300'))).status).toBe(
      200,
    );
    await allApplied();
    const [first, ...others] = await rows();
    expect(others).toEqual([]);
    expect(first).toMatchObject({ phone: '+6281277700001', wa_id: '6281277700001', wa_user_id: USER_ID });

    // The same person writes from a new number (Meta keeps the user_id): the reply lands on the same contact.
    expect((await post(message('6281277700002', 'wamid.bsuid-second', 'Ganti nomor ya', '1763971360'))).status).toBe(
      200,
    );
    await allApplied();
    expect((await rows()).map((row) => row.id)).toEqual([first!.id]);
    const replies = await sql<{ text: string }>(
      'select text from contact_reply where contact_id = ? order by received_at',
      [first!.id],
    );
    expect(replies.map((reply) => reply.text)).toEqual(['Halo, masih buka?', 'Ganti nomor ya']);

    // A user_preferences stop that names only the user_id opts that contact out of marketing.
    const stop = fixture('user-preferences-stop.json') as {
      entry: { changes: { value: { contacts: object[]; user_preferences: Record<string, unknown>[] } }[] }[];
    };
    const change = stop.entry[0]!.changes[0]!.value;
    change.contacts = [{ profile: { name: 'Rina' }, user_id: USER_ID }];
    // As Meta sends it for a user known by user_id alone: no wa_id.
    change.user_preferences = [
      {
        user_id: USER_ID,
        detail: 'User requested to stop marketing messages',
        category: 'marketing_messages',
        value: 'stop',
        timestamp: 1763971400,
      },
    ];
    expect((await post(stop)).status).toBe(200);
    await allApplied();
    const after = await rows();
    expect(after.map((row) => row.id)).toEqual([first!.id]);
    expect(after[0]!.marketing_opt_out_at).not.toBeNull();
  });

  it('applies a capability update to the portfolio and a template status update to the local copy', async () => {
    expect((await post(raw('business-capability-update.json'))).status).toBe(200);
    expect((await post(raw('template-status-update.json'))).status).toBe(200);
    await allApplied();
    const [portfolio] = await sql<{ messaging_limit: number }>(
      "select messaging_limit from business_portfolio where id = '7000000000001'",
    );
    expect(portfolio!.messaging_limit).toBe(10_000);
    const [template] = await sql<{ status: string }>(
      "select status from message_template where name = 'promo_akhir_tahun' and language = 'id'",
    );
    expect(template!.status).toBe('PAUSED');
  });

  it('raises the number’s throughput to 1000 on THROUGHPUT_UPGRADE', async () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: WABA_ID,
          time: 1763971600,
          changes: [
            {
              field: 'phone_number_quality_update',
              value: {
                display_phone_number: '6281100000000',
                event: 'THROUGHPUT_UPGRADE',
                current_limit: 'TIER_UNLIMITED',
              },
            },
          ],
        },
      ],
    };
    expect((await post(body)).status).toBe(200);
    await allApplied();
    const [channel] = await sql<{ throughput: number }>('select throughput from channel where phone_number_id = ?', [
      PHONE_NUMBER_ID,
    ]);
    expect(channel!.throughput).toBe(1000);
  });

  it('keeps a coexistence number (also on the WhatsApp Business app) at its fixed 20 on THROUGHPUT_UPGRADE', async () => {
    const number = meta.simulator.account(WABA_ID)!.numbers[0]!;
    number.isOnBizApp = true;
    const { channels } = api.running.services.channels;
    const [{ id }] = await sql<{ id: string }>('select id from channel where phone_number_id = ?', [PHONE_NUMBER_ID]);
    const checked = await channels.check(workspaceEm(api.running.orm.em, owner.workspace.id), owner.workspace.id, id);
    expect(checked.throughput).toBe(20);
    const upgrade = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: WABA_ID,
          time: 1763971700,
          changes: [
            {
              field: 'phone_number_quality_update',
              value: { display_phone_number: '6281100000000', event: 'THROUGHPUT_UPGRADE' },
            },
          ],
        },
      ],
    };
    expect((await post(upgrade)).status).toBe(200);
    await allApplied();
    const [channel] = await sql<{ throughput: number }>('select throughput from channel where id = ?', [id]);
    expect(channel!.throughput).toBe(20);
    // Back to the number the other tests use.
    number.isOnBizApp = false;
    await sql('update channel set throughput = 1000, coexistence = false where id = ?', [id]);
  });

  it('stores bodies sharing a group commit each exactly, multi-byte text included (bytes not UTF-8 as U+FFFD)', async () => {
    const bodies = Array.from({ length: 20 }, (_, index) => {
      const body = statusBody('delivered', String(1763972000 + index)) as {
        entry: { changes: { value: Record<string, unknown> }[] }[];
      };
      body.entry[0]!.changes[0]!.value.note = `Ibu Siti ${index} “☕ kopi” 😀 ${'é'.repeat(index)}`;
      return Buffer.from(JSON.stringify(body));
    });
    // One body with a byte that is not UTF-8 inside a string (still JSON once decoded).
    const broken = Buffer.concat([
      Buffer.from('{"object":"whatsapp_business_account","note":"a'),
      Buffer.from([0xff]),
      Buffer.from('b","entry":[]}'),
    ]);
    const send = (bytes: Buffer) =>
      fetch(url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(bytes, APP_SECRET) },
        body: bytes,
      });
    const answers = await Promise.all([...bodies, broken].map(send));
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 21 }, () => 200));
    const rows = await sql<{ body: string }>('select body from whatsapp_webhook order by received_at desc limit 21');
    const storedBodies = new Set(rows.map((row) => row.body));
    for (const body of bodies) expect(storedBodies.has(body.toString('utf8'))).toBe(true);
    expect(storedBodies.has('{"object":"whatsapp_business_account","note":"a\ufffdb","entry":[]}')).toBe(true);
    await allApplied();
  });

  it('applies every status of a body batching 1,000 updates, as Meta may send them', async () => {
    const body = statusBody('delivered', '1763972000') as {
      entry: { changes: { value: { statuses: Record<string, unknown>[] } }[] }[];
    };
    const [template] = body.entry[0]!.changes[0]!.value.statuses;
    const wamids = Array.from({ length: 1000 }, (_, index) => `wamid.batch-of-1000-${String(index).padStart(4, '0')}`);
    body.entry[0]!.changes[0]!.value.statuses = wamids.map((id, index) => ({
      ...template,
      id,
      status: index % 2 === 0 ? 'delivered' : 'read',
      biz_opaque_callback_data: `batch_${index}`,
    }));
    expect((await post(body)).status).toBe(200);
    await allApplied();
    const rows = await sql<{ status: string; count: number }>(
      `select status, count(*)::int as count from message_status where wamid like 'wamid.batch-of-1000-%'
       group by status order by status`,
    );
    expect(rows).toEqual([
      { status: 'delivered', count: 500 },
      { status: 'read', count: 500 },
    ]);
  });

  it('accepts a signed body of 1 MB', async () => {
    const body = statusBody('delivered', '1763971999') as {
      entry: { changes: { value: Record<string, unknown> }[] }[];
    };
    body.entry[0]!.changes[0]!.value.padding = 'x'.repeat(1024 * 1024);
    expect((await post(body)).status).toBe(200);
    await allApplied();
  });

  it('applies a body stored but never applied (the process died after the 200) exactly once', async () => {
    const { webhooks } = api.running.services.channels;
    const em = api.running.orm.em.fork();
    const body = JSON.stringify(statusBody('delivered', '1763972000', { id: 'wamid.crash-after-200' }));
    const id = await webhooks.store(em, Buffer.from(body));
    expect(await statusOf('wamid.crash-after-200')).toBeUndefined();
    // The job only takes bodies older than its grace period: none with a grace period of an hour.
    expect(await webhooks.applyPending(em, 3_600_000)).toBe(0);
    expect(await webhooks.applyPending(em, -1_000)).toBe(1);
    expect((await statusOf('wamid.crash-after-200'))!.status).toBe('delivered');
    expect(await webhooks.apply(em, id)).toBe(false);
  });
});
