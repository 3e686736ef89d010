import { getEnv } from './env.server';

/** Where Meta and Midtrans reach this installation; nginx routes both paths to the API (ops/nginx/bizone.conf). */
export const WHATSAPP_WEBHOOK_PATH = '/api/webhooks/whatsapp';
export const MIDTRANS_NOTIFICATION_PATH = '/api/wallet/midtrans/notification';

/**
 * This installation's public address: PUBLIC_URL when the operator set it (production always does), else the
 * origin the reader used to reach the dashboard.
 */
export function publicOrigin(request: Request): string {
  return getEnv().PUBLIC_URL ?? new URL(request.url).origin;
}

/** The addresses the help page tells an operator to enter at Meta and Midtrans. */
export function integrationUrls(request: Request) {
  const origin = publicOrigin(request);
  return {
    whatsappWebhookUrl: `${origin}${WHATSAPP_WEBHOOK_PATH}`,
    midtransNotificationUrl: `${origin}${MIDTRANS_NOTIFICATION_PATH}`,
  };
}
