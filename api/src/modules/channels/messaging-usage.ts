import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Today's use of the messaging limit: the unique recipients each portfolio reached since `since`
 * (now - 24 h), for many portfolios at once, in one query. The channels module shows the limit
 * but does not send, so it does not count: the module that sends (campaigns, which requires
 * channels) provides the count from its own table through `ChannelsService.useMessagingLimitUsage`.
 * A portfolio missing from the answer reached nobody.
 */
export type MessagingLimitUsage = (
  em: EntityManager,
  portfolioIds: readonly string[],
  since: Date,
) => Promise<ReadonlyMap<string, number>>;

/** No module sends (campaigns not installed): nobody was reached through the portal. */
export const NO_MESSAGING_USAGE: MessagingLimitUsage = async () => new Map();
