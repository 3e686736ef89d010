import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup } from './forward-target';

export const SIGNATURE_HEADER = 'x-bizone-signature-256';
export const TIMESTAMP_HEADER = 'x-bizone-timestamp';
export const DELIVERY_HEADER = 'x-bizone-delivery';

/**
 * The signature a receiver checks: hex HMAC-SHA256, keyed with the workspace's signing secret,
 * of `<timestamp>.<raw body>` (the timestamp inside the MAC lets receivers refuse old replays).
 */
export function forwardSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface ForwardRequest {
  url: URL;
  body: string;
  headers: Record<string, string>;
  isProduction: boolean;
  timeoutMs: number;
}

/** How a delivery ended: a 2xx, or why not (kept on the outbox row, so no body or secret in it). */
export type ForwardOutcome = { ok: true } | { ok: false; error: string };

export type ForwardPoster = (request: ForwardRequest) => Promise<ForwardOutcome>;

/**
 * One POST, no redirects followed (a redirect could point inside the network), through the
 * guarded lookup so production connects only to public addresses.
 */
export const postForward: ForwardPoster = ({ url, body, headers, isProduction, timeoutMs }) =>
  new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        lookup: guardedLookup(isProduction) as never,
        timeout: timeoutMs,
      },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        resolve(status >= 200 && status < 300 ? { ok: true } : { ok: false, error: `HTTP ${status}` });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ ok: false, error: error.code ? `${error.code}: ${error.message}` : error.message }),
    );
    request.end(body);
  });
