import { registerEnumType } from 'type-graphql';
import { translate, type Language } from '../../core/messages';
import { formatRupiah, rupiah } from '../../core/money';

/**
 * Every kind of notification the portal sends, with the parameters its text needs and where
 * it leads. Modules call `notify` with one of these; the text lives in core/messages under
 * `notifications.<type>.title` / `.body`, in both languages.
 */
export enum NotificationType {
  PAYMENT_SETTLED = 'PAYMENT_SETTLED',
  PAYMENT_FAILED = 'PAYMENT_FAILED',
  PAYMENT_EXPIRED = 'PAYMENT_EXPIRED',
  PAYMENT_REVERSED = 'PAYMENT_REVERSED',
  PAYMENT_FLAGGED = 'PAYMENT_FLAGGED',
  CAMPAIGN_STARTED = 'CAMPAIGN_STARTED',
  CAMPAIGN_COMPLETED = 'CAMPAIGN_COMPLETED',
  CAMPAIGN_PAUSED = 'CAMPAIGN_PAUSED',
  CAMPAIGN_FAILED = 'CAMPAIGN_FAILED',
  LOW_BALANCE = 'LOW_BALANCE',
  WALLET_DEBT = 'WALLET_DEBT',
  TEMPLATE_REJECTED = 'TEMPLATE_REJECTED',
  TEMPLATE_PAUSED = 'TEMPLATE_PAUSED',
  MESSAGING_LIMIT_CHANGED = 'MESSAGING_LIMIT_CHANGED',
  CHANNEL_NO_WEBHOOKS = 'CHANNEL_NO_WEBHOOKS',
  NEW_DEVICE_SIGN_IN = 'NEW_DEVICE_SIGN_IN',
}
registerEnumType(NotificationType, { name: 'NotificationType' });

/**
 * How a parameter is stored (JSON) and shown: money is stored as its digits and shown as `Rp50.000`; a campaign's
 * pause or failure reason is stored as its code and shown as `campaigns.pauseReason.<code>` in the reader's language;
 * Meta's reason for rejecting a template likewise (`channels.templateRejection.<code>`, OTHER for a code it does
 * not list); a messaging limit is a count, -1 meaning unlimited (`channels.unlimitedRecipients`).
 */
type ParamKind = 'text' | 'rupiah' | 'count' | 'campaignReason' | 'templateReason' | 'messagingLimit';

/** Meta's `reason` of a template rejection (GATEWAYS.md 1.5); any other is shown as OTHER. */
export const TEMPLATE_REJECTION_REASONS = [
  'NONE',
  'ABUSIVE_CONTENT',
  'INCORRECT_CATEGORY',
  'INVALID_FORMAT',
  'PROMOTIONAL',
  'SCAM',
  'TAG_CONTENT_MISMATCH',
] as const;

export type NotificationParams = Record<string, string | number>;

interface TypeSpec {
  params: Record<string, ParamKind>;
  /** The dashboard page it leads to (`:id` filled from the parameter of that name). */
  link: string;
}

export const NOTIFICATION_TYPES: Record<NotificationType, TypeSpec> = {
  PAYMENT_SETTLED: { params: { orderId: 'text', amount: 'rupiah' }, link: '/wallet' },
  PAYMENT_FAILED: { params: { orderId: 'text', amount: 'rupiah' }, link: '/wallet' },
  PAYMENT_EXPIRED: { params: { orderId: 'text', amount: 'rupiah' }, link: '/wallet' },
  PAYMENT_REVERSED: { params: { orderId: 'text', amount: 'rupiah' }, link: '/wallet' },
  PAYMENT_FLAGGED: { params: { orderId: 'text', reason: 'text' }, link: '/wallet' },
  CAMPAIGN_STARTED: {
    params: { campaignId: 'text', name: 'text', recipients: 'count' },
    link: '/campaigns/:campaignId',
  },
  CAMPAIGN_COMPLETED: { params: { campaignId: 'text', name: 'text', sent: 'count' }, link: '/campaigns/:campaignId' },
  CAMPAIGN_PAUSED: {
    params: { campaignId: 'text', name: 'text', reason: 'campaignReason' },
    link: '/campaigns/:campaignId',
  },
  CAMPAIGN_FAILED: {
    params: { campaignId: 'text', name: 'text', reason: 'campaignReason' },
    link: '/campaigns/:campaignId',
  },
  LOW_BALANCE: { params: { available: 'rupiah' }, link: '/wallet' },
  WALLET_DEBT: { params: { debt: 'rupiah' }, link: '/wallet' },
  TEMPLATE_REJECTED: { params: { template: 'text', reason: 'templateReason' }, link: '/templates' },
  TEMPLATE_PAUSED: { params: { template: 'text' }, link: '/templates' },
  MESSAGING_LIMIT_CHANGED: { params: { limit: 'messagingLimit' }, link: '/channels' },
  CHANNEL_NO_WEBHOOKS: { params: { channel: 'text' }, link: '/channels' },
  NEW_DEVICE_SIGN_IN: { params: { device: 'text', ip: 'text' }, link: '/settings/profile' },
};

/** Refuses parameters the type does not declare, or lacks (a notification that cannot render is a bug). */
export function checkParams(type: NotificationType, params: NotificationParams): void {
  const spec = NOTIFICATION_TYPES[type].params;
  const given = Object.keys(params).sort();
  const declared = Object.keys(spec).sort();
  if (given.join() !== declared.join()) {
    throw new Error(`notification ${type} takes ${declared.join(', ')}; got ${given.join(', ')}`);
  }
  for (const [name, kind] of Object.entries(spec)) {
    if (kind === 'rupiah') rupiah(params[name] as string);
  }
}

/** The parameters as the text shows them (money formatted; counts grouped the reader's way). */
export function displayParams(
  type: NotificationType,
  params: NotificationParams,
  locale: string,
  language: Language = 'en',
) {
  const spec = NOTIFICATION_TYPES[type].params;
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      const kind = spec[name];
      if (kind === 'rupiah') return [name, formatRupiah(rupiah(String(value)))];
      if (kind === 'count') return [name, new Intl.NumberFormat(locale).format(Number(value))];
      if (kind === 'campaignReason') return [name, translate(language, `campaigns.pauseReason.${String(value)}`)];
      if (kind === 'templateReason') {
        const known = (TEMPLATE_REJECTION_REASONS as readonly string[]).includes(String(value));
        return [name, translate(language, `channels.templateRejection.${known ? String(value) : 'OTHER'}`)];
      }
      if (kind === 'messagingLimit') {
        const limit = Number(value);
        return [
          name,
          limit < 0 ? translate(language, 'channels.unlimitedRecipients') : new Intl.NumberFormat(locale).format(limit),
        ];
      }
      return [name, String(value)];
    }),
  );
}

export function linkOf(type: NotificationType, params: NotificationParams): string {
  return NOTIFICATION_TYPES[type].link.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(String(params[name] ?? '')),
  );
}
