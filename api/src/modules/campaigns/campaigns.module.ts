import { hostname } from 'node:os';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChannelsServices } from '../channels';
import type { ContactsServices } from '../contacts';
import { defineModule } from '../manifest';
import type { NotificationsService } from '../notifications';
import type { WalletServices } from '../wallet';
import { EVERY_AUDIENCE_STATEMENT } from './audience';
import { Campaign, CampaignMessage } from './campaign.entity';
import { CampaignsResolver } from './campaigns.resolver';
import { CampaignsService } from './campaigns.service';
import * as campaignsSql from './campaigns.sql';
import { DispatchService } from './dispatch/dispatch.service';
import type { DispatchHooks } from './dispatch/dispatcher';
import { CloudApiMessenger, type Messenger } from './dispatch/messenger';
import { DispatchStore } from './dispatch/store';
import { DISPATCH_JOB, LaunchService } from './launch.service';
import { Migration20261201130000Campaigns } from './migrations/20261201-130000-campaigns';
import { Migration20261201170000MarketingRetry } from './migrations/20261201-170000-marketing-retry';
import { TestSendService } from './test-send.service';
import { execute } from '../../db/sql';

export interface CampaignsServices {
  campaigns: CampaignsService;
  launch: LaunchService;
  testSend: TestSendService;
  dispatch: DispatchService;
  messenger: Messenger;
  /** A plain object: the resolver container registers service instances by class and skips these. */
  campaignJobs: { tickMs: number; lockLifetimeMs: number };
}

export const CAMPAIGNS_TICK_JOB = 'campaigns.tick';
export { DISPATCH_JOB };

export const campaignsModule = defineModule<
  'campaigns',
  CampaignsServices,
  {
    notifications: { notifications: NotificationsService };
    contacts: ContactsServices;
    wallet: WalletServices;
    channels: ChannelsServices;
  }
>({
  name: 'campaigns',
  requires: ['identity', 'notifications', 'contacts', 'wallet', 'channels'],
  entities: [Campaign, CampaignMessage],
  migrations: [
    { name: 'Migration20261201130000Campaigns', class: Migration20261201130000Campaigns },
    { name: 'Migration20261201170000MarketingRetry', class: Migration20261201170000MarketingRetry },
  ],
  statements: [...Object.values(campaignsSql), ...EVERY_AUDIENCE_STATEMENT],
  resolvers: [CampaignsResolver],
  services: ({ config, clock, logger, jobs }, { notifications, contacts, wallet, channels }) => {
    const options = config.campaigns;
    const log = logger.child({ module: 'campaigns' });
    const messenger = new CloudApiMessenger({
      baseUrl: config.meta.graphBaseUrl,
      apiVersion: config.meta.apiVersion,
      timeoutMs: options.sendTimeoutMs,
    });
    const campaigns = new CampaignsService(clock);
    const launch = new LaunchService(
      campaigns,
      wallet.wallet,
      wallet.billing,
      notifications.notifications,
      jobs,
      clock,
      log,
      { maxSpreadDays: options.maxSpreadDays },
    );
    wallet.wallet.setReversalHandler(launch);
    // Erasing a contact erases its number from campaign messages too (the rows stay for counts and charges).
    contacts.contactBulk.onErase(async (tx, workspaceId, erased) => {
      await execute(tx, campaignsSql.FORGET_CONTACTS, [workspaceId, erased.contactIds]);
    });
    const store = new DispatchStore(wallet.wallet, contacts.contacts, clock, {
      unknownDeadlineMs: options.unknownDeadlineMs,
    });
    const markSent = (channels.channels as unknown as { markSent?: DispatchHooks['markSent'] }).markSent;
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
        maxInFlight: options.maxInFlight,
        housekeepingMs: 1000,
        statusOverlapMs: 10 * 60_000,
        idleMs: 200,
        // Nothing claimable for a second (paused, outside its window, at the limit, retries not yet due): the job ends
        // and the tick starts it again when the lease is free.
        idleExitMs: 1000,
        holder: `${hostname()}:${process.pid}`,
      },
      markSent
        ? (em: EntityManager, channelId: string, at: Date) => markSent.call(channels.channels, em, channelId, at)
        : undefined,
    );
    const testSend = new TestSendService(campaigns, messenger, channels.tokens, wallet.wallet, wallet.billing, clock);
    return {
      campaigns,
      launch,
      testSend,
      dispatch,
      messenger,
      campaignJobs: { tickMs: options.tickMs, lockLifetimeMs: Math.max(60_000, options.leaseTtlMs * 4) },
    };
  },
  jobs: ({ dispatch, campaignJobs }, { orm }) => [
    {
      name: CAMPAIGNS_TICK_JOB,
      repeatEveryMs: campaignJobs.tickMs,
      handler: async () => dispatch.tick(orm.em.fork()),
    },
    {
      name: DISPATCH_JOB,
      // One loop per channel and process at a time is the lease's business; many channels may run side by side.
      concurrency: 50,
      lockLifetimeMs: campaignJobs.lockLifetimeMs,
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
