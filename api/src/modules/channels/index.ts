/** The channels module's public face: WhatsApp channels, portfolios and templates, for the engine and the webhook. */
export {
  channelsModule,
  APPLY_WEBHOOKS_JOB,
  FORWARD_REPLIES_JOB,
  WEBHOOK_SILENCE_JOB,
  type ChannelsServices,
} from './channels.module';
export { WEBHOOK_MAX_BODY_BYTES, WEBHOOK_PATH } from './webhook.route';
export { metaSignature } from './webhook-signature';
export { STATUS_RANK, WEBHOOK_FIELDS } from './webhook.service';
export { ChannelsService, type ChannelView } from './channels.service';
export { Channel } from './channel.entity';
export { BusinessPortfolio } from './portfolio.entity';
export { MessageTemplate } from './template.entity';
export { LOCK_PORTFOLIO } from './channels.sql';
export type { MessagingLimitUsage } from './messaging-usage';
export { TokenBox, UnreadableSecretError } from './token-box';
export { channelToken } from './channel-token';
export { forwardSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER, DELIVERY_HEADER } from './forward-http';
export { FORWARD_MAX_ATTEMPTS, FORWARD_RETRY_DELAYS_MS } from './reply-forwarding.service';
export { rotateChannelSecrets, type RotationReport } from './key-rotation';
export { replyFacts, type StoredReplyColumns } from './inbound-media';
export { ReplyMediaFacts } from './replies.types';
export { ErasedMessageIds } from './erased-message-ids';
