import type { ContactsServices } from '../contacts';
import { defineModule } from '../manifest';
import { Channel } from './channel.entity';
import { ChannelsResolver } from './channels.resolver';
import { ChannelsService } from './channels.service';
import * as channelsSql from './channels.sql';
import { MetaGraph } from './meta-graph';
import { Migration20261201110000Channels } from './migrations/20261201-110000-channels';
import { Migration20261201120000WhatsappWebhook } from './migrations/20261201-120000-whatsapp-webhook';
import { BusinessPortfolio } from './portfolio.entity';
import { MessageTemplate } from './template.entity';
import { TokenBox } from './token-box';
import { webhookRoutes } from './webhook.route';
import { WebhookService } from './webhook.service';
import * as webhookSql from './webhook.sql';

export interface ChannelsServices {
  channels: ChannelsService;
  tokens: TokenBox;
  webhooks: WebhookService;
  /** A plain object: the resolver container registers service instances by class and skips these. */
  webhookNeeds: { appSecret: string; verifyToken: string };
}

export const APPLY_WEBHOOKS_JOB = 'channels.apply-webhooks';

export const channelsModule = defineModule<'channels', ChannelsServices, { contacts: ContactsServices }>({
  name: 'channels',
  requires: ['identity', 'contacts'],
  entities: [Channel, BusinessPortfolio, MessageTemplate],
  migrations: [
    { name: 'Migration20261201110000Channels', class: Migration20261201110000Channels },
    { name: 'Migration20261201120000WhatsappWebhook', class: Migration20261201120000WhatsappWebhook },
  ],
  statements: [...Object.values(channelsSql), ...Object.values(webhookSql)],
  resolvers: [ChannelsResolver],
  services: ({ config, clock, logger }, { contacts }) => {
    const tokens = new TokenBox(config.secrets.encryptionKey);
    const graph = new MetaGraph({
      baseUrl: config.meta.graphBaseUrl,
      apiVersion: config.meta.apiVersion,
      timeoutMs: 15_000,
    });
    const channels = new ChannelsService(graph, tokens, clock, logger.child({ module: 'channels' }), config.meta.appId);
    const webhooks = new WebhookService(contacts.contacts, clock, logger.child({ module: 'channels.webhook' }));
    return {
      channels,
      tokens,
      webhooks,
      webhookNeeds: { appSecret: config.meta.appSecret, verifyToken: config.meta.verifyToken },
    };
  },
  // Bodies a crash left stored but unapplied (each POST applies its own right after the 200).
  jobs: ({ webhooks }, { orm }) => [
    {
      name: APPLY_WEBHOOKS_JOB,
      repeatEveryMs: 60_000,
      handler: async () => void (await webhooks.applyPending(orm.em.fork())),
    },
  ],
  routes: ({ webhooks, webhookNeeds }, { orm }) => webhookRoutes(() => orm.em.fork(), webhooks, webhookNeeds),
});
