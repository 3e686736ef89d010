import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client } from 'pg';
import { newId } from '../src/core/ids';
import { inTransaction } from '../src/db/transaction';
import { subjectsOf, WebhookSubjects } from '../src/modules/channels/webhook-subjects';
import { benchApi, median, threadCpuMs } from './support';

/**
 * UU PDP erasure at scale (issue 16 point 5): one contact with a long history erased from a large book, over GraphQL
 * as a user erases it (`deleteContacts` with one id). The book: BZ_BENCH_ERASURE_CONTACTS contacts (default
 * 100,000); BZ_BENCH_ERASURE_CAMPAIGNS finished campaigns (default 1,000), each to the erased contacts and to 100
 * others, so each erased contact has that many messages (with their statuses, and Meta's stored bodies of its sent,
 * delivered and read statuses) and 100 replies (each with its stored body); every other message has a status and a
 * stored body too. Each of ERASED contacts is erased in turn (each with its own history), and the erasure's work
 * checked: the number gone from messages, statuses and stored bodies.
 *
 * The second part is what the erasure's subject index (`whatsapp_webhook_subject`) costs webhook ingestion: the
 * applier records each body's subjects (HMAC-SHA256 of each number, WhatsApp id and wamid, one insert per applying
 * transaction); timed here on one-status bodies, alone (the event loop's CPU and the insert's wall time), in
 * transactions of 1 and of 100 bodies, less the same empty transactions (the applier opens its own anyway). `npm run bench -- webhooks` is the whole ingestion path.
 *
 * Runs on the PostgreSQL of BENCH_DATABASE_URL in a database of its own; the API in this process, no job runner.
 */
const ERASED = 5;
const OTHERS_PER_CAMPAIGN = 100;
const REPLIES = 100;
const PHONE_NUMBER_ID = '106540352248888';
const WABA_ID = '102290129348888';

export interface ErasureBench {
  contacts: number;
  campaigns: number;
  messages: number;
  storedBodies: number;
  subjectRows: number;
  seedS: number;
  erasures: { ms: number; messages: number; bodiesGone: number }[];
  medianMs: number;
  maxMs: number;
  leftNaming: number;
  sizesMb: Record<string, number>;
  ingestion: { batch: number; bodies: number; cpuUsPerBody: number; wallUsPerBody: number; subjectsPerBody: number }[];
}

const phoneOf = (serial: number) => `+62812${String(serial).padStart(8, '0')}`;

export async function benchErasure(): Promise<ErasureBench> {
  const contacts = Number(process.env.BZ_BENCH_ERASURE_CONTACTS ?? 100_000);
  const campaigns = Number(process.env.BZ_BENCH_ERASURE_CAMPAIGNS ?? 1000);
  const api = await benchApi('erasure');
  const { running, db } = api;
  try {
    const owner = await api.owner('Bench erasure');
    const workspaceId = owner.workspace.id;
    const seedStarted = performance.now();
    await seed(db, workspaceId, contacts, campaigns);
    const subjects = new WebhookSubjects(running.services.contacts.phoneHasher);
    const subjectRows = await indexSubjects(db, running.orm.em.fork(), subjects);
    await db.query('vacuum analyze');
    const seedS = (performance.now() - seedStarted) / 1000;
    const count = async (sql: string, params: unknown[] = []) =>
      Number((await db.query<{ n: string }>(sql, params)).rows[0]!.n);
    const messages = await count('select count(*) as n from campaign_message');
    const storedBodies = await count('select count(*) as n from whatsapp_webhook');

    const erasures: ErasureBench['erasures'] = [];
    let leftNaming = 0;
    for (let serial = 0; serial < ERASED; serial += 1) {
      const phone = phoneOf(serial);
      const digits = phone.slice(1);
      const { id } = (await db.query<{ id: string }>('select id from contact where phone = $1', [phone])).rows[0]!;
      const wamids = (
        await db.query<{ wamid: string }>('select wamid from campaign_message where contact_id = $1', [id])
      ).rows.map((row) => row.wamid);
      const history = wamids.length;
      const bodiesBefore = await count('select count(*) as n from whatsapp_webhook');
      const started = performance.now();
      const { deleteContacts } = await api.graphql<{ deleteContacts: { affected: number } }>(
        owner,
        'mutation ($ids: [ID!]) { deleteContacts(selection: { ids: $ids }) { affected } }',
        { ids: [id] },
      );
      const ms = performance.now() - started;
      if (deleteContacts.affected !== 1) throw new Error(`erasure refused: affected ${deleteContacts.affected}`);
      erasures.push({
        ms: Math.round(ms),
        messages: history,
        bodiesGone: bodiesBefore - (await count('select count(*) as n from whatsapp_webhook')),
      });
      // The erasure's work, checked: nothing names the number any more (the messages stay, for counts and charges).
      leftNaming += await count('select count(*) as n from campaign_message where phone = $1 or wamid = any($2)', [
        phone,
        wamids,
      ]);
      leftNaming += await count('select count(*) as n from message_status where recipient_id = $1 or wamid = any($2)', [
        digits,
        wamids,
      ]);
      leftNaming += await count('select count(*) as n from contact_reply where contact_id = $1', [id]);
      leftNaming += await count('select count(*) as n from whatsapp_webhook where strpos(body, $1) > 0', [digits]);
      if (history !== campaigns) throw new Error(`contact ${serial} had ${history} messages, not ${campaigns}`);
    }

    const sizesMb: Record<string, number> = {};
    for (const table of [
      'contact',
      'campaign_message',
      'message_status',
      'whatsapp_webhook',
      'whatsapp_webhook_subject',
    ]) {
      const { rows } = await db.query<{ bytes: string }>('select pg_total_relation_size($1) as bytes', [table]);
      sizesMb[table] = Math.round((Number(rows[0]!.bytes) / 2 ** 20) * 10) / 10;
    }
    const ingestion = [];
    for (const batch of [1, 100]) ingestion.push(await subjectCost(db, running.orm.em.fork(), subjects, batch));
    const times = erasures.map((erasure) => erasure.ms);
    return {
      contacts,
      campaigns,
      messages,
      storedBodies,
      subjectRows,
      seedS: Math.round(seedS),
      erasures,
      medianMs: median(times),
      maxMs: Math.max(...times),
      leftNaming,
      sizesMb,
      ingestion,
    };
  } finally {
    await api.stop();
  }
}

/** A status body as Meta posts it (Meta's status webhook docs), as SQL over a message's columns. */
const statusBody = (status: string) => `json_build_object(
  'object', 'whatsapp_business_account',
  'entry', json_build_array(json_build_object('id', '${WABA_ID}', 'changes', json_build_array(json_build_object(
    'field', 'messages',
    'value', json_build_object(
      'messaging_product', 'whatsapp',
      'metadata', json_build_object('display_phone_number', '6281100008888', 'phone_number_id', '${PHONE_NUMBER_ID}'),
      'statuses', json_build_array(json_build_object(
        'id', m.wamid, 'status', ${status}, 'timestamp', extract(epoch from m.sent_at)::bigint::text,
        'recipient_id', substr(m.phone, 2), 'biz_opaque_callback_data', m.id::text,
        'pricing', json_build_object('billable', true, 'pricing_model', 'PMP', 'category', 'marketing',
                                     'type', 'regular')))))))))::text`;

/** A wamid like Meta's: base64 of a record that starts with the recipient's digits. */
const wamidOf = (digits: string, salt: string) =>
  `'wamid.' || replace(encode(convert_to('HBgN' || ${digits} || 'FQIAERgS' || left(md5(${salt}), 24), 'UTF8'), 'base64'), E'\\n', '')`;

async function seed(db: Client, workspaceId: string, contacts: number, campaigns: number): Promise<void> {
  const channelId = newId();
  await db.query(
    `insert into channel (id, created_at, updated_at, workspace_id, phone_number_id, waba_id, name, access_token_sealed, token_key_id)
     values ($1, now(), now(), $2, $3, $4, 'Bench', 'ct1.none.x', 'none')`,
    [channelId, workspaceId, PHONE_NUMBER_ID, WABA_ID],
  );
  for (let from = 0; from < contacts; from += 50_000) {
    await db.query(
      `insert into contact (id, created_at, updated_at, workspace_id, phone, name, tags, attributes, source, wa_id)
       select gen_random_uuid(), now(), now(), $1, '+62812' || lpad(g::text, 8, '0'), 'Pelanggan ' || g,
              '{pelanggan}', '{"kota": "Bandung"}', 'IMPORT', '62812' || lpad(g::text, 8, '0')
       from generate_series($2::int, $3::int - 1) g`,
      [workspaceId, from, Math.min(contacts, from + 50_000)],
    );
  }
  await db.query(
    `insert into campaign (id, created_at, updated_at, workspace_id, name, status, channel_id, template_name,
                           template_language, template_category, price, total, started_at, completed_at)
     select gen_random_uuid(), now() - interval '40 days', now(), $1, 'Promo ' || lpad(g::text, 5, '0'), 'COMPLETED',
            $2, 'promo_akhir_tahun', 'id', 'MARKETING', 500, $3, now() - interval '40 days', now() - interval '39 days'
     from generate_series(1, $4::int) g`,
    [workspaceId, channelId, ERASED + OTHERS_PER_CAMPAIGN, campaigns],
  );
  // Each campaign to the erased contacts (serials 0..ERASED-1) and to 100 others, spread over the book.
  await db.query(
    `with c as (select id, row_number() over (order by name) as n from campaign where workspace_id = $1),
     recipients as (
       select c.id as campaign_id, g as serial from c cross join generate_series(0, $2::int - 1) g
       union all
       select c.id, $2::int + ((c.n * $3::int + k) % ($4::int - $2::int)) from c cross join generate_series(0, $3::int - 1) k
     )
     insert into campaign_message (id, created_at, updated_at, workspace_id, campaign_id, contact_id, phone, status,
                                   status_rank, attempt, wamid, charged, sent_at, delivered_at, read_at)
     select gen_random_uuid(), now(), now(), $1, r.campaign_id, ct.id, ct.phone, 'READ', 4, 1,
            ${wamidOf('substr(ct.phone, 2)', 'r.campaign_id::text || ct.id::text')}, 500,
            now() - interval '40 days', now() - interval '40 days', now() - interval '40 days'
     from recipients r join contact ct on ct.workspace_id = $1 and ct.phone = '+62812' || lpad(r.serial::text, 8, '0')`,
    [workspaceId, ERASED, OTHERS_PER_CAMPAIGN, contacts],
  );
  await db.query(
    `insert into message_status (wamid, workspace_id, phone_number_id, callback_data, recipient_id, status, rank,
                                 status_at, pricing, updated_at, delivered_at)
     select wamid, workspace_id, $2, id::text, substr(phone, 2), 'read', 4, read_at,
            '{"billable": true, "pricing_model": "PMP", "category": "marketing", "type": "regular"}', read_at, delivered_at
     from campaign_message where workspace_id = $1`,
    [workspaceId, PHONE_NUMBER_ID],
  );
  // Meta's stored bodies: the erased contacts' sent, delivered and read statuses; one per other message.
  await db.query(
    `insert into whatsapp_webhook (id, received_at, body, applied_at)
     select gen_random_uuid(), m.sent_at, ${statusBody('s.status')}, m.sent_at
     from campaign_message m join contact ct on ct.id = m.contact_id
     cross join (values ('sent'), ('delivered'), ('read')) s(status)
     where m.workspace_id = $1 and ct.phone <= '+62812' || lpad(($2::int - 1)::text, 8, '0')`,
    [workspaceId, ERASED],
  );
  await db.query(
    `insert into whatsapp_webhook (id, received_at, body, applied_at)
     select gen_random_uuid(), m.sent_at, ${statusBody("'read'")}, m.sent_at
     from campaign_message m join contact ct on ct.id = m.contact_id
     where m.workspace_id = $1 and ct.phone > '+62812' || lpad(($2::int - 1)::text, 8, '0')`,
    [workspaceId, ERASED],
  );
  // Their replies, with the profile name and text Meta sends, stored as replies and as bodies.
  await db.query(
    `with r as (
       select ct.id as contact_id, ct.wa_id, ct.name, g, ${wamidOf('ct.wa_id', "ct.id::text || 'reply' || g")} as wamid,
              now() - interval '39 days' + g * interval '1 minute' as at
       from contact ct cross join generate_series(1, $3::int) g
       where ct.workspace_id = $1 and ct.phone <= '+62812' || lpad(($2::int - 1)::text, 8, '0')
     ), replies as (
       insert into contact_reply (id, workspace_id, contact_id, channel_id, wamid, type, text, payload, received_at)
       select gen_random_uuid(), $1, contact_id, $4, wamid, 'text', 'Halo, promo masih ada? ' || g,
              json_build_object('from', wa_id, 'id', wamid, 'type', 'text'), at from r
     )
     insert into whatsapp_webhook (id, received_at, body, applied_at)
     select gen_random_uuid(), at, json_build_object('object', 'whatsapp_business_account', 'entry', json_build_array(
       json_build_object('id', '${WABA_ID}', 'changes', json_build_array(json_build_object('field', 'messages',
         'value', json_build_object('messaging_product', 'whatsapp',
           'metadata', json_build_object('display_phone_number', '6281100008888', 'phone_number_id', '${PHONE_NUMBER_ID}'),
           'contacts', json_build_array(json_build_object('profile', json_build_object('name', name), 'wa_id', wa_id)),
           'messages', json_build_array(json_build_object('from', wa_id, 'id', wamid,
             'timestamp', extract(epoch from at)::bigint::text, 'type', 'text',
             'text', json_build_object('body', 'Halo, promo masih ada? ' || g)))))))))::text, at
     from r`,
    [workspaceId, ERASED, REPLIES, channelId],
  );
}

/** Every stored body's subjects, recorded by the applier's own code, as the applier would have on applying it. */
async function indexSubjects(db: Client, em: EntityManager, subjects: WebhookSubjects): Promise<number> {
  let recorded = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await db.query<{ id: string; body: string }>(
      'select id, body from whatsapp_webhook where id > $1 order by id limit 5000',
      [after],
    );
    if (rows.length === 0) break;
    const bodies = rows.map((row) => [row.id, subjectsOf(JSON.parse(row.body))] as const);
    await inTransaction(em, {}, (tx) => subjects.record(tx, bodies));
    recorded += bodies.reduce((sum, [, named]) => sum + named.size, 0);
    after = rows[rows.length - 1]!.id;
  }
  await db.query('update whatsapp_webhook set subjects_indexed = true');
  return recorded;
}

/**
 * What recording subjects adds to applying one-status bodies (like the webhooks bench's), `batch` bodies per
 * applying transaction: parsing aside (the applier parses each body anyway), finding the subjects, hashing them and
 * the insert, on stored bodies of their own.
 */
async function subjectCost(db: Client, em: EntityManager, subjects: WebhookSubjects, batch: number) {
  const bodies = batch === 1 ? 2000 : 20_000;
  const ids: string[] = [];
  const parsed: unknown[] = [];
  for (let n = 0; n < bodies; n += 1) {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: WABA_ID,
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '6281100008888', phone_number_id: PHONE_NUMBER_ID },
                statuses: [
                  {
                    id: `wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjBCNkM${batch}x${n}`,
                    status: 'delivered',
                    timestamp: '1764730000',
                    recipient_id: `62813${String(n).padStart(8, '0')}`,
                    biz_opaque_callback_data: newId(),
                    pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' },
                  },
                ],
              },
            },
          ],
        },
      ],
    };
    ids.push(newId());
    parsed.push(body);
  }
  await db.query(
    `insert into whatsapp_webhook (id, body, applied_at) select id, b, now() from unnest($1::uuid[], $2::text[]) as v(id, b)`,
    [ids, parsed.map((body) => JSON.stringify(body))],
  );
  let named = 0;
  // The same transactions with nothing recorded: what the applying transaction costs anyway, subtracted.
  const emptyCpuBefore = threadCpuMs();
  const emptyStarted = performance.now();
  for (let start = 0; start < bodies; start += batch) await inTransaction(em, {}, (tx) => subjects.record(tx, []));
  const emptyWallMs = performance.now() - emptyStarted;
  const emptyCpuMs = threadCpuMs() - emptyCpuBefore;
  const cpuBefore = threadCpuMs();
  const started = performance.now();
  for (let start = 0; start < bodies; start += batch) {
    const slice = ids.slice(start, start + batch).map((id, index) => {
      const found = subjectsOf(parsed[start + index]);
      named += found.size;
      return [id, found] as const;
    });
    await inTransaction(em, {}, (tx) => subjects.record(tx, slice));
  }
  const wallMs = performance.now() - started - emptyWallMs;
  const cpuMs = threadCpuMs() - cpuBefore - emptyCpuMs;
  return {
    batch,
    bodies,
    cpuUsPerBody: Math.round((cpuMs / bodies) * 1000),
    wallUsPerBody: Math.round((wallMs / bodies) * 1000),
    subjectsPerBody: Math.round((named / bodies) * 10) / 10,
  };
}

export function describeErasure(result: ErasureBench): string[] {
  return [
    `Erasure of one contact (${result.erasures[0]?.messages ?? 0} campaign messages with statuses and stored bodies, ` +
      `${REPLIES} replies) in a book of ${result.contacts} contacts, ${result.campaigns} campaigns, ` +
      `${result.messages} messages, ${result.storedBodies} stored bodies (${result.subjectRows} subject rows; seeded in ${result.seedS} s):`,
    `  deleteContacts over GraphQL: median ${result.medianMs} ms, max ${result.maxMs} ms over ${result.erasures.length} ` +
      `erasures (${result.erasures.map((erasure) => `${erasure.ms} ms / ${erasure.bodiesGone} bodies`).join(', ')}); ` +
      `left naming an erased number: ${result.leftNaming}`,
    `  sizes (MB, with indexes): ${Object.entries(result.sizesMb)
      .map(([table, mb]) => `${table} ${mb}`)
      .join(', ')}`,
    ...result.ingestion.map(
      (cost) =>
        `  subject index on ingestion, ${cost.batch} per applying transaction: ${cost.cpuUsPerBody} µs event-loop CPU ` +
        `and ${cost.wallUsPerBody} µs wall per body (${cost.subjectsPerBody} subjects each, ${cost.bodies} bodies)`,
    ),
  ];
}
