import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ManualClock } from '../../src/core/clock';
import { rupiah } from '../../src/core/money';
import { workspaceEm } from '../../src/db/base.entity';
import { DispatchStore } from '../../src/modules/campaigns/dispatch/store';
import { startMetaSimulator, type MetaSimulatorHandle } from '../../src/simulators/meta';
import { startTestApi, type TestApi, type TestApiOptions } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';
import { waitFor } from '../support/wait';

export const APP_ID = '1000000000000001';
export const APP_SECRET = 'campaigns-test-app-secret-0123456789';
export const TOKEN = 'EAAG-campaigns-system-user-token-0001';
export const WABA_ID = '102290129340398';
export const PHONE_NUMBER_ID = '106540352242922';
export const PORTFOLIO_ID = '7700000000001';
/** PRICE_PER_MESSAGE in these suites: every category costs this much. */
export const PRICE = 500n;

const templates = (
  JSON.parse(
    readFileSync(
      join(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'meta', 'template-list-page.json'),
      'utf8',
    ),
  ) as { data: Record<string, unknown>[] }
).data;

export interface CampaignWorld {
  meta: MetaSimulatorHandle;
  api: TestApi;
  clock: ManualClock;
  owner: TestMember;
  workspaceId: string;
  channelId: string;
  templateId(name: string): Promise<string>;
  em(): EntityManager;
  sql<T>(text: string, params?: unknown[]): Promise<T[]>;
  gql<T>(
    query: string,
    variables?: Record<string, unknown>,
    who?: TestMember,
    language?: string,
  ): Promise<{
    data?: T;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  }>;
  /** Contacts with these phones (E.164), tags and names. */
  addContacts(
    rows: { phone: string; name?: string; tags?: string[]; attributes?: Record<string, string> }[],
  ): Promise<void>;
  /**
   * `count` contacts tagged `tag` in set-based inserts of 10,000 (one insert of 100,000 outlasts the statement
   * timeout on a loaded machine): numbers '+' + `prefix` + a `digits`-digit serial, opted out if asked.
   */
  seedTagged(
    tag: string,
    count: number,
    prefix: string,
    options?: { digits?: number; optedOut?: boolean },
  ): Promise<void>;
  /** A draft of the promo template (PROMO_VARIABLES) to the contacts tagged `tag`; its id. */
  draftForTag(tag: string): Promise<string>;
  fund(amount: bigint): Promise<void>;
  /** Runs the channel's dispatch loop until it has nothing left to do. */
  dispatch(): Promise<void>;
  /** Delivers the simulator's due status webhooks (by the clock) and applies them. */
  deliverStatuses(advanceMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** The Meta simulator on a ManualClock, a live API on the same clock, a workspace with a connected channel and its templates. */
export type CampaignWorldOptions = TestApiOptions & {
  realClock?: boolean;
  /** More templates of the WABA, and more phone numbers (connect them with the channels service). */
  extraTemplates?: Record<string, unknown>[];
  extraNumberIds?: string[];
  /** Where the test's clock starts (a fixed date unless given). */
  startAt?: Date;
  /** The main number's throughput tier: HIGH (1,000 msg/s) for suites that send thousands and test no pacing. */
  throughputLevel?: 'STANDARD' | 'HIGH';
};

export async function startCampaignWorld(options: CampaignWorldOptions = {}): Promise<CampaignWorld> {
  const {
    realClock,
    extraTemplates = [],
    extraNumberIds = [],
    throughputLevel = 'STANDARD',
    startAt = new Date('2026-12-01T03:00:00.000Z'),
    ...apiOptions
  } = options;
  // A real clock when another process (a worker) shares the database: its clock is the system's.
  const clock = new ManualClock(realClock ? new Date() : startAt);
  const meta = await startMetaSimulator({
    port: 0,
    isProduction: false,
    appId: APP_ID,
    appSecret: APP_SECRET,
    ...(realClock ? {} : { clock, deliverEveryMs: 0 }),
  });
  meta.simulator.addAccount({
    wabaId: WABA_ID,
    token: TOKEN,
    portfolioId: PORTFOLIO_ID,
    messagingLimitTier: 'TIER_10K',
    numbers: [
      {
        id: PHONE_NUMBER_ID,
        displayPhoneNumber: '+62 811-0000-0000',
        verifiedName: 'Toko Kampanye',
        qualityRating: 'GREEN',
        throughputLevel,
        isOnBizApp: false,
      },
      ...extraNumberIds.map((id, index) => ({
        id,
        displayPhoneNumber: `+62 811-0000-01${String(index).padStart(2, '0')}`,
        verifiedName: 'Toko Kampanye',
        qualityRating: 'GREEN',
        throughputLevel: 'STANDARD' as const,
        isOnBizApp: false,
      })),
    ],
    templates: [...templates, ...extraTemplates],
  });
  // The simulator's buckets run on the test's clock, which moves only when a test moves it.
  if (!realClock) meta.simulator.sends.configure({ enforceThroughput: false, enforcePairRate: false });
  const api = await startTestApi({
    ...(realClock ? {} : { clock }),
    ...apiOptions,
    env: {
      META_GRAPH_BASE_URL: meta.url,
      META_APP_ID: APP_ID,
      META_APP_SECRET: APP_SECRET,
      PRICE_PER_MESSAGE: PRICE.toString(),
      CAMPAIGN_SEND_TIMEOUT_MS: '2000',
      ...(process.env.CAMPAIGN_TEST_LOG ? { LOG_LEVEL: process.env.CAMPAIGN_TEST_LOG } : {}),
      ...apiOptions.env,
    },
  });
  meta.simulator.sends.configure({ webhooks: { url: `${api.url}/api/webhooks/whatsapp` } });
  const em = () => api.running.orm.em.fork();
  const owner = await createMember(em(), await createWorkspace(em(), 'Toko Kampanye'), 'owner');
  const workspaceId = owner.workspace.id;
  const { channels } = api.running.services.channels;
  const scoped = workspaceEm(api.running.orm.em, workspaceId);
  const channel = await channels.connect(scoped, workspaceId, {
    name: 'Utama',
    phoneNumberId: PHONE_NUMBER_ID,
    wabaId: WABA_ID,
    accessToken: TOKEN,
  });
  await channels.syncTemplates(scoped, workspaceId, channel.id);
  const sql = async <T>(text: string, params: unknown[] = []) =>
    (await api.running.orm.em.fork().getConnection().execute(text, params)) as T[];
  async function templateId(name: string) {
    const [row] = await sql<{ id: string }>('select id from message_template where workspace_id = ? and name = ?', [
      workspaceId,
      name,
    ]);
    return row!.id;
  }
  return {
    meta,
    api,
    clock,
    owner,
    workspaceId,
    channelId: channel.id,
    em,
    sql,
    templateId,
    async gql(query, variables = {}, who = owner, language = 'en') {
      const { body } = await api.graphql(query, variables, {
        authorization: `Bearer ${who.sessionToken}`,
        'accept-language': language,
      });
      return body as never;
    },
    async addContacts(rows) {
      for (const row of rows) {
        await sql(
          `insert into contact (id, created_at, updated_at, workspace_id, phone, name, tags, attributes, source)
           values (gen_random_uuid(), now(), now(), ?, ?, ?, ?::text[], ?::jsonb, 'MANUAL')`,
          [
            workspaceId,
            row.phone,
            row.name ?? null,
            `{${(row.tags ?? []).join(',')}}`,
            JSON.stringify(row.attributes ?? {}),
          ],
        );
      }
    },
    async seedTagged(tag, count, prefix, { digits = 7, optedOut = false } = {}) {
      for (let from = 0; from < count; from += 10_000) {
        await sql(
          `insert into contact (id, created_at, updated_at, workspace_id, phone, tags, attributes, source, opted_out_at)
           select gen_random_uuid(), now(), now(), ?, '+' || ? || lpad(g::text, ?, '0'), ?::text[], '{}', 'MANUAL',
                  case when ? then now() end
           from generate_series(?::int, ?::int - 1) g`,
          [workspaceId, prefix, digits, `{${tag}}`, optedOut, from, Math.min(count, from + 10_000)],
        );
      }
    },
    async draftForTag(tag) {
      const { body } = await api.graphql(
        CREATE,
        {
          input: {
            name: tag,
            channelId: channel.id,
            templateId: await templateId('promo_akhir_tahun'),
            variables: PROMO_VARIABLES,
            audience: { kind: 'TAGS', tags: [tag] },
          },
        },
        { authorization: `Bearer ${owner.sessionToken}` },
      );
      const created = body as { data?: { createCampaign: { id: string } }; errors?: unknown[] };
      if (!created.data) throw new Error(`createCampaign refused: ${JSON.stringify(created.errors)}`);
      return created.data.createCampaign.id;
    },
    async fund(amount) {
      await api.running.services.wallet.wallet.credit(em(), workspaceId, {
        key: `test-topup:${clock.now().getTime()}:${amount}`,
        reference: 'test',
        actor: 'test',
        amount: rupiah(amount),
      });
    },
    async dispatch() {
      const { dispatch } = api.running.services.campaigns;
      await dispatch.runChannel(em, channel.id, async () => undefined);
      if (!apiOptions.runJobs) return;
      // With jobs running, a launch's own dispatch job may hold the channel's lease: this loop then returns at once
      // and that one sends meanwhile, possibly after the test's next clock advance (a delivered status due later than
      // the pass that was to deliver it: erasure.test.ts saw a message SENT instead of DELIVERED, more often after
      // another suite in the same worker, which shifts when the job is picked up). Wait for that loop to end.
      await waitFor(
        async () =>
          // On the database's clock, as every lease check is (dispatch/lease-timing.ts), not the test's.
          (
            await sql<{ held: boolean }>(
              'select expires_at > clock_timestamp() as held from dispatch_lease where channel_id = ?',
              [channel.id],
            )
          ).every((row) => !row.held),
        { what: "the job's dispatch loop to end" },
      );
      await dispatch.runChannel(em, channel.id, async () => undefined);
    },
    async deliverStatuses(advanceMs = 2000) {
      clock.advance(advanceMs);
      while ((await meta.simulator.sends.webhooks.deliverDue()) > 0) {
        // Until nothing due is left.
      }
      // Each POST is applied right after its 200: wait for that, not for a fixed time.
      await waitFor(
        async () =>
          (
            await sql<{ count: number }>('select count(*)::int as count from whatsapp_webhook where applied_at is null')
          )[0]!.count === 0,
        { what: 'stored webhooks applied' },
      );
      await api.running.services.campaigns.dispatch.tick(em());
    },
    async stop() {
      await api.stop();
      await meta.close();
    },
  };
}

export const CREATE = `mutation ($input: CampaignDraftInput!) { createCampaign(input: $input) { id status } }`;
export const START = `mutation ($id: ID!) { startCampaign(id: $id) { id status total: counts { total } } }`;
export const CAMPAIGN = `query ($id: ID!) {
  campaign(id: $id) {
    id status pauseReason pauseReasonText cost price
    counts { total queued sending sent delivered read failed skipped unknown }
  }
}`;

/** The named marketing template of Meta's fixture, mapped from the contact and fixed text. */
export const PROMO_VARIABLES = [
  { parameter: 'first_name', source: 'NAME', fallback: 'Pelanggan' },
  { parameter: 'discount', source: 'TEXT', value: '20%' },
  { parameter: 'end_date', source: 'ATTRIBUTE', value: 'sampai', fallback: '31 Desember' },
];

/**
 * A dispatch store of the world's services, for tests that play the dispatcher's steps (claim, send, record)
 * themselves. `unknownDeadlineMs` long enough that no message a test holds turns UNKNOWN under it.
 */
export function testDispatchStore(world: CampaignWorld): DispatchStore {
  const { services } = world.api.running;
  return new DispatchStore(
    services.wallet.wallet,
    services.contacts.contacts,
    world.clock,
    { unknownDeadlineMs: 60_000, spread: { workerFreshMs: 3_000, graceMs: 5_000 } },
    services.campaigns.campaigns,
    services.contacts.phoneHasher,
    services.channels.erasedMessageIds,
  );
}

/** Connects another number of the world's WABA (one of `extraNumberIds`) as a channel of the workspace; its id. */
export async function connectNumber(world: CampaignWorld, phoneNumberId: string, name: string): Promise<string> {
  const { channels } = world.api.running.services.channels;
  const channel = await channels.connect(workspaceEm(world.api.running.orm.em, world.workspaceId), world.workspaceId, {
    name,
    phoneNumberId,
    wabaId: WABA_ID,
    accessToken: TOKEN,
  });
  return channel.id;
}
