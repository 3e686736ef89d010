import type { EntityManager } from '@mikro-orm/postgresql';
import type { RestRoute } from '../../http/rest';
import type { WebhookService } from './webhook.service';
import { sameVerifyToken, validMetaSignature } from './webhook-signature';

export const WEBHOOK_PATH = '/api/webhooks/whatsapp';
/** The largest body the route takes; ops/nginx/bizone.conf lets as much through (nginx-config.test.ts). */
export const WEBHOOK_MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * `GET /api/webhooks/whatsapp`: Meta's verification, echoing `hub.challenge` for the right
 * verify token (403 otherwise). `POST`: the signed body (401 without a valid
 * X-Hub-Signature-256), stored before the 200 and applied after; a database outage is a 503,
 * so Meta retries. Batches of 1,000 updates stay well under the 4 MiB limit.
 *
 * `root` is the ORM's root entity manager: a POST runs one named statement (the group commit's
 * insert) on its pool and needs no unit of work, so none is forked per request (a fork cost
 * about 5 % of the API's CPU under webhook load). Applying forks one per batch.
 */
export function webhookRoutes(
  root: EntityManager,
  webhooks: WebhookService,
  meta: { appSecret: string; verifyToken: string },
): RestRoute[] {
  const forkPerBatch = () => root.fork();
  const errorBody = ({ status, message }: { status: number; message: string }) => ({
    error: { status, message: status >= 500 ? 'Temporarily unavailable; retry later.' : message },
  });
  return [
    {
      method: 'GET',
      path: WEBHOOK_PATH,
      webhook: 'meta',
      async handle(request) {
        const mode = request.query.get('hub.mode');
        const token = request.query.get('hub.verify_token');
        const challenge = request.query.get('hub.challenge');
        if (mode !== 'subscribe' || !sameVerifyToken(token, meta.verifyToken) || !challenge) {
          return { status: 403, text: 'Forbidden' };
        }
        return { status: 200, text: challenge };
      },
    },
    {
      method: 'POST',
      path: WEBHOOK_PATH,
      webhook: 'meta',
      maxBodyBytes: WEBHOOK_MAX_BODY_BYTES,
      contentTypes: ['application/json'],
      // Thousands a second under a campaign: counted in bizone_webhook_requests_total, not logged one by one.
      quiet: true,
      async handle(request) {
        const signature = request.headers['x-hub-signature-256'];
        if (
          !validMetaSignature(request.rawBody, typeof signature === 'string' ? signature : undefined, meta.appSecret)
        ) {
          return { status: 401, body: { error: { status: 401, message: 'Invalid X-Hub-Signature-256.' } } };
        }
        // Refuse what is not JSON before storing it (400: Meta does not retry what it cannot fix).
        request.json();
        await webhooks.store(root, request.rawBody);
        // Applied after the answer, in batches; the job picks it up if this process dies first.
        webhooks.applySoon(forkPerBatch);
        return { status: 200, body: { received: true } };
      },
      errorBody,
    },
  ];
}
