import type { EntityManager } from '@mikro-orm/postgresql';
import type { RestRoute } from '../../http/rest';
import { paymentNotifications } from '../../metrics/platform';
import type { PaymentsService } from './payments.service';

export const NOTIFICATION_PATH = '/api/wallet/midtrans/notification';

const REASONS: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  404: 'Not Found',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  503: 'Service Unavailable',
};

/** Midtrans' side of the answers: exact, English, never a stack or a key (it only logs them). */
const MESSAGES: Record<string, string> = {
  BAD_SIGNATURE: 'Invalid Midtrans notification signature.',
  INVALID_JSON: 'Malformed JSON.',
  UNKNOWN_ORDER: 'Unknown order.',
  STATUS_UNAVAILABLE: 'Payment status could not be confirmed; retry later.',
};

/** Outcomes are the service's own words (a fixed set of upper-case names); anything else is counted as one. */
function countedOutcome(outcome: string): string {
  return /^[A-Z_]{1,40}$/.test(outcome) ? outcome : 'OTHER';
}

function answer(statusCode: number, message: string) {
  return { message, error: REASONS[statusCode] ?? 'Error', statusCode };
}

/**
 * `POST /api/wallet/midtrans/notification`: JSON only, at most 32 KiB (Midtrans' bodies are a
 * few hundred bytes). Everything else happens in PaymentsService.handleNotification, on the
 * ORM's root entity manager `root` (named SQL and transactions of its own: nothing to fork per
 * notification).
 */
export function notificationRoute(root: EntityManager, payments: PaymentsService): RestRoute {
  return {
    method: 'POST',
    path: NOTIFICATION_PATH,
    webhook: 'midtrans',
    maxBodyBytes: 32 * 1024,
    contentTypes: ['application/json'],
    async handle(request) {
      const { status, outcome } = await payments.handleNotification(root, request.rawBody);
      request.log.info({ outcome, status }, 'midtrans notification');
      paymentNotifications.inc({ outcome: countedOutcome(outcome) });
      return {
        status,
        body: status === 200 ? { status: 'OK', outcome } : answer(status, MESSAGES[outcome] ?? outcome),
      };
    },
    errorBody: ({ status, message }) => answer(status, status >= 500 ? MESSAGES.STATUS_UNAVAILABLE! : message),
  };
}
