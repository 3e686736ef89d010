import { counter, histogram } from './registry';

/**
 * The platform's own metrics, declared once here so their names and labels stay consistent.
 * Modules add theirs with the helpers in ./registry (the campaigns module declares messages by
 * status and the dispatch rate in modules/campaigns/campaign-metrics.ts).
 */

/** Seconds; from 5 ms (a probe) to 10 s (a slow export). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpRequestDuration = histogram(
  'bizone_http_request_duration_seconds',
  'API HTTP request latency, by route (a known path or "unmatched"), method and status code',
  ['route', 'method', 'status'],
  LATENCY_BUCKETS,
);

export const graphqlOperations = counter(
  'bizone_graphql_operations_total',
  'GraphQL operations by type and first root field; outcome "error" when the response carried errors',
  ['type', 'field', 'outcome'],
);

export const graphqlErrors = counter('bizone_graphql_errors_total', 'GraphQL errors returned, by error code', ['code']);

export const webhookRequests = counter(
  'bizone_webhook_requests_total',
  'Provider callbacks received (Meta webhooks, Midtrans notifications) by answer status',
  ['provider', 'status'],
);

export const paymentNotifications = counter(
  'bizone_payment_notifications_total',
  'Midtrans notifications by what they did to the payment (CREDITED, DUPLICATE, BAD_SIGNATURE, FLAGGED...)',
  ['outcome'],
);

export const walletAnomalies = counter(
  'bizone_wallet_anomalies_total',
  'Payments flagged for the platform admin (amount mismatch, expired or failed after being paid...)',
  ['reason'],
);

export const jobRuns = counter('bizone_job_runs_total', 'Jobs run by this process, by name and outcome', [
  'name',
  'outcome',
]);
