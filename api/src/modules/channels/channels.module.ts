import { execute, query } from '../../db/sql';
import type { ContactsServices } from '../contacts';
import type { IdentityServices } from '../identity';
import { defineModule } from '../manifest';
import type { NotificationsService } from '../notifications';
import { Channel } from './channel.entity';
import { postForward } from './forward-http';
import { ChannelsResolver } from './channels.resolver';
import { ChannelsService } from './channels.service';
import * as channelsSql from './channels.sql';
import * as keyRotationSql from './key-rotation.sql';
import { ErasedMessageIds } from './erased-message-ids';
import * as erasedMessageIdsSql from './erased-message-ids.sql';
import { MetaGraph } from './meta-graph';
import { Migration20261201110000Channels } from './migrations/20261201-110000-channels';
import { Migration20261201120000WhatsappWebhook } from './migrations/20261201-120000-whatsapp-webhook';
import { Migration20261201140000ReplyForwarding } from './migrations/20261201-140000-reply-forwarding';
import { Migration20261201150000WabaCallBudget } from './migrations/20261201-150000-waba-call-budget';
import { Migration20261201170000FailedAfterDelivered } from './migrations/20261201-170000-failed-after-delivered';
import { Migration20261201171000WebhookRetention } from './migrations/20261201-171000-webhook-retention';
import { Migration20261202060000ChannelSilenceNotice } from './migrations/20261202-060000-channel-silence-notice';
import { Migration20261202070000ReplyMedia } from './migrations/20261202-070000-reply-media';
import { Migration20261202170000ErasedMessageId } from './migrations/20261202-170000-erased-message-id';
import { Migration20261203100000WebhookSubject } from './migrations/20261203-100000-webhook-subject';
import { Migration20261203180000ContactReplyByContact } from './migrations/20261203-180000-contact-reply-by-contact';
import { Migration20261204190000ChannelCoexistence } from './migrations/20261204-190000-channel-coexistence';
import { Migration20261204191000TemplatesUnsupported } from './migrations/20261204-191000-templates-unsupported';
import { BusinessPortfolio } from './portfolio.entity';
import { RepliesResolver } from './replies.resolver';
import { RepliesService } from './replies.service';
import * as repliesSql from './replies.sql';
import { ReplyForwardingService } from './reply-forwarding.service';
import { MessageTemplate } from './template.entity';
import { TokenBox } from './token-box';
import { WabaBudget } from './waba-budget';
import * as wabaBudgetSql from './waba-budget.sql';
import { webhookRoutes } from './webhook.route';
import { WebhookSubjects } from './webhook-subjects';
import { WebhookSilenceWatch } from './webhook-silence';
import { WebhookService } from './webhook.service';
import * as webhookSql from './webhook.sql';
import { SEARCH_TEMPLATES, templateSearchSource } from './templates.search';

export interface ChannelsServices {
  channels: ChannelsService;
  tokens: TokenBox;
  webhooks: WebhookService;
  /** The `CHANNEL_NO_WEBHOOKS` notification's pass (the `channels.webhook-silence` job). */
  silence: WebhookSilenceWatch;
  replies: RepliesService;
  forwarding: ReplyForwardingService;
  /** Erased contacts' message ids, for the modules that keep wamids of their own (campaign messages). */
  erasedMessageIds: ErasedMessageIds;
  /** A plain object: the resolver container registers service instances by class and skips these. */
  webhookNeeds: { appSecret: string; verifyToken: string };
}

export const APPLY_WEBHOOKS_JOB = 'channels.apply-webhooks';
export const FORWARD_REPLIES_JOB = 'channels.forward-replies';
export const WEBHOOK_SILENCE_JOB = 'channels.webhook-silence';

export const channelsModule = defineModule<
  'channels',
  ChannelsServices,
  { identity: IdentityServices; notifications: { notifications: NotificationsService }; contacts: ContactsServices }
>({
  name: 'channels',
  requires: ['identity', 'notifications', 'contacts'],
  entities: [Channel, BusinessPortfolio, MessageTemplate],
  migrations: [
    { name: 'Migration20261201110000Channels', class: Migration20261201110000Channels },
    { name: 'Migration20261201120000WhatsappWebhook', class: Migration20261201120000WhatsappWebhook },
    { name: 'Migration20261201140000ReplyForwarding', class: Migration20261201140000ReplyForwarding },
    { name: 'Migration20261201150000WabaCallBudget', class: Migration20261201150000WabaCallBudget },
    { name: 'Migration20261201170000FailedAfterDelivered', class: Migration20261201170000FailedAfterDelivered },
    { name: 'Migration20261201171000WebhookRetention', class: Migration20261201171000WebhookRetention },
    { name: 'Migration20261202060000ChannelSilenceNotice', class: Migration20261202060000ChannelSilenceNotice },
    { name: 'Migration20261202070000ReplyMedia', class: Migration20261202070000ReplyMedia },
    { name: 'Migration20261202170000ErasedMessageId', class: Migration20261202170000ErasedMessageId },
    { name: 'Migration20261203100000WebhookSubject', class: Migration20261203100000WebhookSubject },
    { name: 'Migration20261203180000ContactReplyByContact', class: Migration20261203180000ContactReplyByContact },
    { name: 'Migration20261204190000ChannelCoexistence', class: Migration20261204190000ChannelCoexistence },
    { name: 'Migration20261204191000TemplatesUnsupported', class: Migration20261204191000TemplatesUnsupported },
  ],
  statements: [
    ...Object.values(channelsSql),
    ...Object.values(webhookSql),
    ...Object.values(erasedMessageIdsSql),
    ...Object.values(repliesSql),
    ...Object.values(keyRotationSql),
    ...Object.values(wabaBudgetSql),
    SEARCH_TEMPLATES,
  ],
  searchSources: [templateSearchSource],
  resolvers: [ChannelsResolver, RepliesResolver],
  services: ({ config, clock, logger }, { identity, notifications, contacts }) => {
    const tokens = new TokenBox(config.secrets.encryptionKey, config.secrets.previousEncryptionKey);
    const graph = new MetaGraph({
      baseUrl: config.meta.graphBaseUrl,
      apiVersion: config.meta.apiVersion,
      timeoutMs: 15_000,
    });
    const channels = new ChannelsService(
      graph,
      tokens,
      clock,
      logger.child({ module: 'channels' }),
      config.meta.appId,
      identity.audit,
      new WabaBudget(clock, config.meta.wabaCallsPerHour),
    );
    const forwarding = new ReplyForwardingService(
      tokens,
      identity.audit,
      clock,
      logger.child({ module: 'channels.forwarding' }),
      config.isProduction,
      postForward,
    );
    // Meta's bodies and what was copied from them carry phone numbers and names: the same retention as contacts'.
    contacts.personalDataPurge.addStep(
      'webhookBodies',
      async (em, cutoff) => (await execute(em, webhookSql.PURGE_WEBHOOK_BODIES, [cutoff])).rowCount,
    );
    contacts.personalDataPurge.addStep(
      'statusRecipients',
      async (em, cutoff) => (await execute(em, webhookSql.PURGE_STATUS_RECIPIENTS, [cutoff])).rowCount,
    );
    contacts.personalDataPurge.addStep(
      'replyPayloads',
      async (em, cutoff) => (await execute(em, webhookSql.PURGE_REPLY_PAYLOADS, [cutoff])).rowCount,
    );
    contacts.personalDataPurge.addStep(
      'inboundTexts',
      async (em, cutoff) => (await execute(em, webhookSql.PURGE_REPLY_TEXTS, [cutoff])).rowCount,
    );
    // Erasing a contact erases its number from statuses and Meta's stored bodies now, not at the purge. (Its replies
    // go with the contact row.)
    // The statuses' wamids carry the number too: they become erased ids (campaigns erase their messages' the same way).
    const subjects = new WebhookSubjects(contacts.phoneHasher);
    const erasedMessageIds = new ErasedMessageIds(contacts.phoneHasher, subjects);
    contacts.contactBulk.onErase(async (tx, workspaceId, erased) => {
      const tokens = [...new Set([...erased.phones.map((phone) => phone.replace(/^\+/, '')), ...erased.waIds])];
      if (tokens.length === 0) return;
      const statuses = await query(tx, webhookSql.FORGET_STATUS_RECIPIENTS, [workspaceId, tokens]);
      const wamids = statuses.map((row) => row.wamid);
      await erasedMessageIds.erase(tx, workspaceId, wamids);
      await subjects.deleteNaming(tx, [...tokens, ...wamids]);
    });
    const webhooks = new WebhookService(
      contacts.contacts,
      forwarding,
      clock,
      logger.child({ module: 'channels.webhook' }),
      notifications.notifications,
      erasedMessageIds,
      subjects,
    );
    return {
      channels,
      tokens,
      webhooks,
      silence: new WebhookSilenceWatch(notifications.notifications, clock),
      replies: new RepliesService(contacts.contacts),
      forwarding,
      erasedMessageIds,
      webhookNeeds: { appSecret: config.meta.appSecret, verifyToken: config.meta.verifyToken },
    };
  },
  // Bodies a crash left stored but unapplied (each POST applies its own right after the 200).
  jobs: ({ webhooks, forwarding, silence }, { orm }) => [
    {
      name: APPLY_WEBHOOKS_JOB,
      repeatEveryMs: 60_000,
      handler: async () => void (await webhooks.applyPending(orm.em.fork())),
    },
    // Replies to forward and retries that are due (deliveries are leased: two runs never send one twice at once).
    {
      name: FORWARD_REPLIES_JOB,
      repeatEveryMs: 5_000,
      handler: async () => void (await forwarding.deliverDue(orm.em.fork())),
    },
    // Channels that sent and hear no webhooks: told once per silence (the warning shows from a minute after a send).
    {
      name: WEBHOOK_SILENCE_JOB,
      repeatEveryMs: 60_000,
      handler: async () => void (await silence.announce(orm.em.fork())),
    },
  ],
  routes: ({ webhooks, webhookNeeds }, { orm }) => webhookRoutes(orm.em, webhooks, webhookNeeds),
});
