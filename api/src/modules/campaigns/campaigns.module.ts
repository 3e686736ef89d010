import { hostname } from 'node:os';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChannelsServices } from '../channels';
import type { ContactsServices } from '../contacts';
import type { IdentityServices } from '../identity';
import { defineModule } from '../manifest';
import type { NotificationsService } from '../notifications';
import type { WalletServices } from '../wallet';
import { EVERY_AUDIENCE_STATEMENT } from './audience';
import { CampaignInsightsResolver } from './campaign-insights.resolver';
import { CampaignInsightsService } from './campaign-insights.service';
import * as insightsSql from './campaign-insights.sql';
import { Campaign, CampaignMessage } from './campaign.entity';
import { CampaignsResolver } from './campaigns.resolver';
import { CampaignsService } from './campaigns.service';
import * as campaignsSql from './campaigns.sql';
import { campaignSearchSource, SEARCH_CAMPAIGNS } from './campaigns.search';
import { observeCampaignMessages } from './campaign-metrics';
import { DispatchService } from './dispatch/dispatch.service';
import { CloudApiMessenger, type Messenger } from './dispatch/messenger';
import { DispatchStore } from './dispatch/store';
import { DISPATCH_JOB, LaunchService } from './launch.service';
import { Migration20261201130000Campaigns } from './migrations/20261201-130000-campaigns';
import { Migration20261201170000MarketingRetry } from './migrations/20261201-170000-marketing-retry';
import { Migration20261201200000MessageTallies } from './migrations/20261201-200000-message-tallies';
import { MessageStatisticsResolver } from './message-statistics.resolver';
import { MessageStatisticsService } from './message-statistics.service';
import * as talliesSql from './message-tallies.sql';
import { Migration20261201200000LaunchSnapshot } from './migrations/20261201-200000-launch-snapshot';
import { SnapshotService } from './snapshot.service';
import { TestSendService } from './test-send.service';
import { CampaignMediaFile, CampaignMediaUpload } from './media/media-file.entity';
import { CampaignMediaResolver } from './media/media.resolver';
import { mediaRoutes } from './media/media.routes';
import { CampaignMediaService } from './media/media.service';
import { CloudApiMediaGateway } from './media/meta-media';
import { Migration20261201200000CampaignMedia } from './migrations/20261201-200000-campaign-media';
import { Migration20261202090000PortfolioRecipientHash } from './migrations/20261202-090000-portfolio-recipient-hash';
import { Migration20261202180000DispatchWorkers } from './migrations/20261202-180000-dispatch-workers';
import { Migration20261203090000UnansweredRefund } from './migrations/20261203-090000-unanswered-refund';
import { Migration20261203180000MessageByContact } from './migrations/20261203-180000-message-by-contact';
import { Migration20261203200000MessageMoney } from './migrations/20261203-200000-message-money';
import { Migration20261204180000WamidIndexPartial } from './migrations/20261204-180000-wamid-index-partial';
import { Migration20261204190000PortfolioUsage } from './migrations/20261204-190000-portfolio-usage';
import { takeoverWindowMs } from './dispatch/lease-timing';
import type { AccessService } from '../identity';
import { execute, query } from '../../db/sql';

export interface CampaignsServices {
  campaigns: CampaignsService;
  launch: LaunchService;
  testSend: TestSendService;
  dispatch: DispatchService;
  messenger: Messenger;
  insights: CampaignInsightsService;
  media: CampaignMediaService;
  /** A plain object: the resolver container registers service instances by class and skips these. */
  mediaRouteNeeds: { access: AccessService };
  statistics: MessageStatisticsService;
  /** A plain object: the resolver container registers service instances by class and skips these. */
  campaignJobs: { tickMs: number; tickLockMs: number; dispatchLockMs: number };
}

export const CAMPAIGNS_TICK_JOB = 'campaigns.tick';

/**
 * Spreading channels over workers (issue 21 point 2): a worker beats every second; three missed beats and it is not
 * live; a free lease declined by a busier worker goes to anyone five seconds after its first decline, so a registry
 * that still lists a dead worker delays a channel by seconds, never stalls it.
 */
const DISPATCH_HEARTBEAT_MS = 1_000;
/** How often the tick's lock is renewed within its lifetime while it runs (campaignJobs.tickLockMs). */
const TICK_TOUCHES_PER_LOCK = 4;
const DISPATCH_SPREAD = { workerFreshMs: 3_000, graceMs: 5_000 };
/** Folds the tallies' delta rows (every statement on campaign_message adds a few) into one row per key. */
export const COMPACT_TALLIES_JOB = 'campaigns.compact-tallies';
/** Daily: messages accepted 30 days ago with no final status are refunded (the charge policy). */
export const REFUND_UNANSWERED_JOB = 'campaigns.refund-unanswered';
export { DISPATCH_JOB };

export const campaignsModule = defineModule<
  'campaigns',
  CampaignsServices,
  {
    identity: IdentityServices;
    notifications: { notifications: NotificationsService };
    contacts: ContactsServices;
    wallet: WalletServices;
    channels: ChannelsServices;
  }
>({
  name: 'campaigns',
  requires: ['identity', 'notifications', 'contacts', 'wallet', 'channels'],
  entities: [Campaign, CampaignMessage, CampaignMediaFile, CampaignMediaUpload],
  migrations: [
    { name: 'Migration20261201130000Campaigns', class: Migration20261201130000Campaigns },
    { name: 'Migration20261201170000MarketingRetry', class: Migration20261201170000MarketingRetry },
    { name: 'Migration20261201200000CampaignMedia', class: Migration20261201200000CampaignMedia },
    { name: 'Migration20261201200000MessageTallies', class: Migration20261201200000MessageTallies },
    { name: 'Migration20261201200000LaunchSnapshot', class: Migration20261201200000LaunchSnapshot },
    { name: 'Migration20261202090000PortfolioRecipientHash', class: Migration20261202090000PortfolioRecipientHash },
    { name: 'Migration20261202180000DispatchWorkers', class: Migration20261202180000DispatchWorkers },
    { name: 'Migration20261203090000UnansweredRefund', class: Migration20261203090000UnansweredRefund },
    { name: 'Migration20261203180000MessageByContact', class: Migration20261203180000MessageByContact },
    { name: 'Migration20261203200000MessageMoney', class: Migration20261203200000MessageMoney },
    { name: 'Migration20261204180000WamidIndexPartial', class: Migration20261204180000WamidIndexPartial },
    { name: 'Migration20261204190000PortfolioUsage', class: Migration20261204190000PortfolioUsage },
  ],
  statements: [
    ...Object.values(campaignsSql),
    ...EVERY_AUDIENCE_STATEMENT,
    ...Object.values(insightsSql),
    ...Object.values(talliesSql),
    SEARCH_CAMPAIGNS,
  ],
  searchSources: [campaignSearchSource],
  resolvers: [CampaignsResolver, CampaignInsightsResolver, CampaignMediaResolver, MessageStatisticsResolver],
  services: ({ config, clock, logger, jobs }, { identity, notifications, contacts, wallet, channels }) => {
    const options = config.campaigns;
    const log = logger.child({ module: 'campaigns' });
    const messenger = new CloudApiMessenger({
      baseUrl: config.meta.graphBaseUrl,
      apiVersion: config.meta.apiVersion,
      timeoutMs: options.sendTimeoutMs,
      maxIdleSockets: options.maxInFlight,
    });
    const campaigns = new CampaignsService(clock, notifications.notifications, identity.audit);
    const media = new CampaignMediaService(
      new CloudApiMediaGateway({
        baseUrl: config.meta.graphBaseUrl,
        apiVersion: config.meta.apiVersion,
        // Meta takes up to 100 MB: a minute for the upload, far beyond any send's timeout.
        timeoutMs: 60_000,
      }),
      channels.tokens,
      clock,
      log.child({ part: 'media' }),
    );
    const snapshots = new SnapshotService(wallet.wallet, clock);
    const launch = new LaunchService(
      campaigns,
      wallet.wallet,
      wallet.billing,
      notifications.notifications,
      jobs,
      clock,
      log,
      { maxSpreadDays: options.maxSpreadDays },
      media,
      snapshots,
    );
    wallet.wallet.setReversalHandler(launch);
    // Erasing a contact erases its number from campaign messages too (the rows stay for counts and charges), and
    // from their wamids: they take erased ids, on which Meta's later statuses still land.
    contacts.contactBulk.onErase(async (tx, workspaceId, erased) => {
      const wamids = (await query(tx, campaignsSql.ERASING_MESSAGE_IDS, [workspaceId, erased.contactIds])).map(
        (row) => row.wamid,
      );
      const renamed = [...(await channels.erasedMessageIds.erase(tx, workspaceId, wamids))];
      if (renamed.length > 0) {
        await execute(tx, campaignsSql.RENAME_ERASED_MESSAGES, [
          workspaceId,
          renamed.map(([wamid]) => wamid),
          renamed.map(([, erasedId]) => erasedId),
        ]);
      }
      await execute(tx, campaignsSql.FORGET_CONTACTS, [workspaceId, erased.contactIds]);
    });
    // Recipients whose 24 h window is over count nothing: the personal-data purge deletes them (as hashes they are
    // no personal data, but nothing is kept without a purpose).
    contacts.personalDataPurge.addStep(
      'portfolioRecipients',
      async (em) =>
        (await execute(em, campaignsSql.PURGE_PORTFOLIO_RECIPIENTS, [new Date(clock.now().getTime() - 24 * 3_600_000)]))
          .rowCount,
    );
    // The dispatcher counts each portfolio's recipients (portfolio_recipient); a channel read shows that count.
    channels.channels.useMessagingLimitUsage(
      async (em, portfolioIds, since) =>
        new Map(
          (await query(em, campaignsSql.PORTFOLIOS_USED, [portfolioIds, since])).map((row) => [
            row.portfolio_id,
            row.used,
          ]),
        ),
    );
    const store = new DispatchStore(
      wallet.wallet,
      contacts.contacts,
      clock,
      { unknownDeadlineMs: options.unknownDeadlineMs, spread: DISPATCH_SPREAD },
      campaigns,
      contacts.phoneHasher,
      channels.erasedMessageIds,
    );
    const dispatch = new DispatchService(
      store,
      messenger,
      channels.tokens,
      launch,
      jobs,
      clock,
      log,
      {
        leaseTtlMs: options.leaseTtlMs,
        batchSize: options.batchSize,
        claimSliceMs: options.claimSliceMs,
        maxInFlight: options.maxInFlight,
        housekeepingMs: 1000,
        statusOverlapMs: 10 * 60_000,
        idleMs: 200,
        // Nothing claimable for a second (paused, outside its window, at the limit, retries not yet due): the job ends
        // and the tick starts it again when the lease is free.
        idleExitMs: 1000,
        takeoverWindowMs: takeoverWindowMs(options.leaseTtlMs, options.tickMs),
        holder: `${hostname()}:${process.pid}`,
        heartbeatMs: DISPATCH_HEARTBEAT_MS,
      },
      // The channel's "last sent" (shown on the channels page) follows each batch with accepted sends.
      (em: EntityManager, channelId: string, at: Date) => channels.channels.markSent(em, channelId, at),
      // A launch snapshot still being written is written on by the loop that sends it.
      (em: EntityManager, workspaceId: string, campaignId: string) => snapshots.fill(em, workspaceId, campaignId),
    );
    const testSend = new TestSendService(
      campaigns,
      messenger,
      channels.tokens,
      wallet.wallet,
      wallet.billing,
      clock,
      media,
    );
    return {
      campaigns,
      launch,
      testSend,
      dispatch,
      messenger,
      insights: new CampaignInsightsService(campaigns),
      media,
      mediaRouteNeeds: { access: identity.access },
      statistics: new MessageStatisticsService(clock),
      // Short job locks, kept alive by touch(): a worker killed while it held one blocks nobody for longer. The tick
      // is one job for the whole cluster (it starts scheduled campaigns and hands channels whose lease expired to
      // a live worker); with the store's default lock (10 minutes) a worker killed mid-tick stopped both for that
      // long. The dispatch job is renewed with its lease (every quarter TTL).
      campaignJobs: {
        tickMs: options.tickMs,
        // Kept alive by a timer while the tick runs (TICK_TOUCHES_PER_LOCK per lifetime), so the floor only has to outlast
        // a stalled event loop, not the longest step: a worker killed mid-tick held every takeover back for the whole
        // lock (10 s when this floor was 10 s, most of a crash-test kill's gap at a 250 ms tick).
        tickLockMs: Math.max(2_000, options.tickMs * 3),
        dispatchLockMs: Math.max(10_000, options.leaseTtlMs * 2),
      },
    };
  },
  routes: ({ media, mediaRouteNeeds }, { orm }) => mediaRoutes({ orm, access: mediaRouteNeeds.access, media }),
  // Messages by status from the tallies at each scrape; the dispatch counters are counted by the dispatcher itself.
  metrics: ({ statistics }, { orm }) => observeCampaignMessages(() => statistics.messagesByStatus(orm.em.fork())),
  jobs: ({ dispatch, campaignJobs, statistics }, { orm }) => [
    // A busy campaign adds a few delta rows a second to each tally; folded every 30 s, a read sums a few hundred.
    {
      name: COMPACT_TALLIES_JOB,
      repeatEveryMs: 30_000,
      handler: async () => void (await statistics.compact(orm.em.fork())),
    },
    {
      name: REFUND_UNANSWERED_JOB,
      repeatEveryMs: 24 * 3_600_000,
      handler: async () => void (await dispatch.refundUnanswered(orm.em.fork())),
    },
    {
      name: CAMPAIGNS_TICK_JOB,
      repeatEveryMs: campaignJobs.tickMs,
      lockLifetimeMs: campaignJobs.tickLockMs,
      handler: async (job) => {
        let touching: Promise<unknown> = Promise.resolve();
        const keepAlive = setInterval(
          () => {
            touching = touching.then(() => job.touch()).catch(() => undefined);
          },
          Math.floor(campaignJobs.tickLockMs / TICK_TOUCHES_PER_LOCK),
        );
        try {
          await dispatch.tick(orm.em.fork(), async () => void (await job.touch()));
        } finally {
          clearInterval(keepAlive);
          // A touch landing after the job's own end would lock it again (touch saves lockedAt): wait for it first.
          await touching;
        }
      },
    },
    {
      name: DISPATCH_JOB,
      // One loop per channel and process at a time is the lease's business; many channels may run side by side.
      concurrency: 50,
      lockLifetimeMs: campaignJobs.dispatchLockMs,
      handler: async (job) => {
        const { channelId } = (job.attrs.data ?? {}) as { channelId?: string };
        if (!channelId) return;
        await dispatch.runChannel(
          () => orm.em.fork(),
          channelId,
          async () => void (await job.touch()),
        );
      },
    },
  ],
});
