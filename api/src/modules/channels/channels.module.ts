import { defineModule } from '../manifest';
import { Channel } from './channel.entity';
import { ChannelsResolver } from './channels.resolver';
import { ChannelsService } from './channels.service';
import * as channelsSql from './channels.sql';
import { MetaGraph } from './meta-graph';
import { Migration20261201110000Channels } from './migrations/20261201-110000-channels';
import { BusinessPortfolio } from './portfolio.entity';
import { MessageTemplate } from './template.entity';
import { TokenBox } from './token-box';

export interface ChannelsServices {
  channels: ChannelsService;
  tokens: TokenBox;
}

export const channelsModule = defineModule<'channels', ChannelsServices>({
  name: 'channels',
  requires: ['identity'],
  entities: [Channel, BusinessPortfolio, MessageTemplate],
  migrations: [{ name: 'Migration20261201110000Channels', class: Migration20261201110000Channels }],
  statements: [...Object.values(channelsSql)],
  resolvers: [ChannelsResolver],
  services: ({ config, clock, logger }) => {
    const tokens = new TokenBox(config.secrets.encryptionKey);
    const graph = new MetaGraph({
      baseUrl: config.meta.graphBaseUrl,
      apiVersion: config.meta.apiVersion,
      timeoutMs: 15_000,
    });
    const channels = new ChannelsService(graph, tokens, clock, logger.child({ module: 'channels' }), config.meta.appId);
    return { channels, tokens };
  },
});
