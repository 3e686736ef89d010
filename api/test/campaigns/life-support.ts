import type { EntityManager } from '@mikro-orm/postgresql';
import { rupiah } from '../../src/core/money';
import type { TestMember } from '../support/identity';
import {
  CAMPAIGN,
  CREATE,
  PROMO_VARIABLES,
  START,
  startCampaignWorld,
  type CampaignWorld,
  type CampaignWorldOptions,
} from './support';

/** What the campaign-life suites ask of a campaign, its wallet and its notifications. */
export const SCHEDULE = `mutation ($id: ID!, $at: DateTimeISO!) { scheduleCampaign(id: $id, at: $at) { id status scheduledAt } }`;
export const UPDATE = `mutation ($id: ID!, $input: CampaignDraftInput!) {
  updateCampaign(id: $id, input: $input) { id status name windowStart windowEnd audience { kind tags } variables { parameter source value } }
}`;
export const ESTIMATE = `query ($id: ID!) {
  estimateCampaign(id: $id) { matched recipients cost messagingLimit limitRemainingToday days exceedsSpread }
}`;
export const TEST_SEND = `mutation ($id: ID!, $phone: String!) { sendTestMessage(id: $id, phone: $phone) { status wamid errorCode } }`;
export const RETARGET = `mutation ($id: ID!, $input: RetargetInput!) {
  retargetCampaign(id: $id, input: $input) { id status name retargetOf audience { kind } templateId channelId }
}`;
export const RESUME = `mutation ($id: ID!) { resumeCampaign(id: $id) { status pauseReason } }`;
const NOTIFICATIONS = `query { notifications(first: 100) { items { type title body link } } }`;

export interface Read {
  status: string;
  pauseReason: string | null;
  pauseReasonText: string | null;
  cost: number;
  counts: Record<string, number>;
}

/** Helpers over a world (set in `beforeAll`, hence the getter): drafts of their own tag, money, notifications. */
export function campaignLife(current: () => CampaignWorld) {
  let serial = 0;
  let topups = 0;
  const wallet = () => current().api.running.services.wallet.wallet;
  const em = (): EntityManager => current().em();
  const money = async () => {
    const world = current();
    const summary = await wallet().summary(em(), world.workspaceId);
    const sums = await wallet().ledgerSums(em(), world.workspaceId);
    return { ...summary, ledgerBalance: sums.balance, ledgerHeld: sums.held };
  };
  /** A draft to `count` new contacts of its own tag; returns its id, tag and the contacts' wa_ids. */
  async function draft(count: number, who?: TestMember) {
    const world = current();
    serial += 1;
    const tag = `hidup${serial}`;
    const phones = Array.from(
      { length: count },
      (_, index) => `+62818${String(serial).padStart(2, '0')}${String(index).padStart(5, '0')}`,
    );
    await world.addContacts(phones.map((phone) => ({ phone, name: 'Sari', tags: [tag] })));
    const created = await world.gql<{ createCampaign: { id: string } }>(
      CREATE,
      {
        input: {
          name: `Kampanye ${tag}`,
          channelId: world.channelId,
          templateId: await world.templateId('promo_akhir_tahun'),
          variables: PROMO_VARIABLES,
          audience: { kind: 'TAGS', tags: [tag] },
        },
      },
      who ?? world.owner,
    );
    expect(created.errors).toBeUndefined();
    return { id: created.data!.createCampaign.id, tag, waIds: phones.map((phone) => phone.slice(1)) };
  }
  return {
    /** The tag (and name suffix) of the last draft. */
    serial: () => serial,
    wallet,
    money,
    draft,
    /** A running campaign to `count` new contacts of its own tag (started by the Owner); as `draft`. */
    async launch(count: number) {
      const drafted = await draft(count);
      expect((await current().gql(START, { id: drafted.id })).errors).toBeUndefined();
      return drafted;
    },
    read: async (id: string) => (await current().gql<{ campaign: Read }>(CAMPAIGN, { id })).data!.campaign,
    /** The campaign message row to one recipient (its wa_id), as the error-policy suites read it. */
    message: async (waId: string) =>
      (
        await current().sql<{ status: string; error_code: number | null; attempt: number; charged: string }>(
          `select status, error_code, attempt, charged::text as charged from campaign_message where phone = ?`,
          [`+${waId}`],
        )
      )[0]!,
    /** The owner's notifications about one campaign, in a language. */
    notificationsOf: async (campaignId: string, language = 'en') =>
      (
        await current().gql<{
          notifications: { items: { type: string; title: string; body: string; link: string }[] };
        }>(NOTIFICATIONS, {}, current().owner, language)
      ).data!.notifications.items.filter((item) => item.link === `/campaigns/${campaignId}`),
    /** A top-up of its own (world.fund's key is the clock's time and the amount, which these tests repeat). */
    async fund(amount: bigint) {
      topups += 1;
      await wallet().credit(em(), current().workspaceId, {
        key: `life-topup:${topups}`,
        reference: 'test',
        actor: 'test',
        amount: rupiah(amount),
      });
    },
    /** Empties the wallet's available balance (a platform correction), so the next step starts from zero. */
    async drain() {
      const { available } = await money();
      if (available <= 0n) return;
      topups += 1;
      await wallet().adjust(em(), current().workspaceId, {
        key: `life-drain:${topups}`,
        reference: 'test',
        actor: 'test',
        amount: rupiah(-available),
        reason: 'test',
      });
    },
  };
}

/**
 * A suite's own campaign world: started (and funded, if asked) before its tests, stopped after them, the simulator's
 * faults cleared after each test. `assign` hands the world to the suite's `let world`.
 */
export function useCampaignWorld(
  assign: (world: CampaignWorld) => void,
  { fund, ...worldOptions }: CampaignWorldOptions & { fund?: bigint } = {},
): void {
  let world: CampaignWorld | undefined;
  beforeAll(async () => {
    world = await startCampaignWorld(worldOptions);
    if (fund !== undefined) await world.fund(fund);
    assign(world);
  });
  afterAll(async () => {
    await world?.stop();
  });
  afterEach(() => resetSends(world!));
}

/** Clears what a test asked of the simulator. */
export function resetSends(world: CampaignWorld): void {
  world.meta.simulator.sends.reset();
  world.meta.simulator.sends.configure({
    enforceThroughput: false,
    enforcePairRate: false,
    webhooks: { url: `${world.api.url}/api/webhooks/whatsapp` },
  });
}
