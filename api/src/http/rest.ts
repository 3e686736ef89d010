import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../core/app-error';
import { mapError, type MappedError } from '../core/error-mapping';
import type { Logger } from '../core/logger';
import type { Language } from '../core/messages';
import { mediaTypeOf, readBody } from './body';

/**
 * REST side routes (webhooks, health probes): declared by module manifests, mounted by the
 * HTTP app. Each route says how large a body it takes and of which media types; the raw body
 * is kept for signature checks; errors go through the platform's one error mapping.
 */
export interface RestRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The body exactly as received (empty for GET). */
  rawBody: Buffer;
  /** The body parsed as JSON; a body that is not JSON is a 400 (`errors.invalidJson`). */
  json<T = unknown>(): T;
  language: Language;
  requestId: string;
  log: Logger;
  ip?: string;
}

export interface RestResult {
  status?: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as text/plain (Meta's verification echo). */
  text?: string;
  /**
   * Streamed as it is produced (a CSV download of a million rows), with the media type in
   * `headers`. An error half-way cuts the response: the client sees an incomplete download.
   */
  stream?: Readable;
  headers?: Record<string, string>;
}

export type RestMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RestRoute {
  method: RestMethod;
  /** The exact path, e.g. `/api/webhooks/whatsapp`. */
  path: string;
  /** The provider whose callbacks this route receives: its answers are counted in bizone_webhook_requests_total. */
  webhook?: 'meta' | 'midtrans';
  /** Largest body accepted (default 64 KiB); larger ones get 413. */
  maxBodyBytes?: number;
  /**
   * Successful answers logged at debug only: a route called thousands of times a second whose
   * answers are counted in metrics (bizone_webhook_requests_total). Errors are logged as ever.
   */
  quiet?: boolean;
  /** Media types accepted for a body (default `application/json`); others get 415. */
  contentTypes?: string[];
  handle(request: RestRequest): Promise<RestResult>;
  /**
   * The error body, for callers that expect an exact shape (Midtrans). By default:
   * `{ error: { code, message, messageKey, params, fields?, fieldMessages? } }`.
   */
  errorBody?(error: MappedError): unknown;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export function defaultErrorBody({ status: _status, ...error }: MappedError): unknown {
  return { error };
}

async function send(response: ServerResponse, result: RestResult): Promise<void> {
  const status = result.status ?? 200;
  for (const [name, value] of Object.entries(result.headers ?? {})) response.setHeader(name, value);
  if (result.stream) {
    response.writeHead(status);
    await pipeline(result.stream, response);
    return;
  }
  if (result.text !== undefined) {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(result.text);
    return;
  }
  if (result.body === undefined) {
    response.writeHead(status);
    response.end();
    return;
  }
  const payload = JSON.stringify(result.body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
  });
  response.end(payload);
}

interface RequestTarget {
  pathname: string;
  search: string;
}

/**
 * The path and query of a request target. The usual origin-form (`/api/webhooks/whatsapp?x=1`)
 * is split at the `?`; anything else (dot segments, an absolute URL, escapes) goes through
 * WHATWG URL parsing. Building a URL per request cost about 1 % of the CPU under webhook load.
 */
function targetOf(target = '/'): RequestTarget {
  if (
    target.startsWith('/') &&
    !target.startsWith('//') &&
    !target.includes('#') &&
    !/[.%\\]/.test(target.split('?', 1)[0]!)
  ) {
    const query = target.indexOf('?');
    return query < 0
      ? { pathname: target, search: '' }
      : { pathname: target.slice(0, query), search: target.slice(query) };
  }
  const url = new URL(target, 'http://api.local');
  return { pathname: url.pathname, search: url.search };
}

export interface RestContext {
  language: Language;
  ip?: string;
}

/** A router over exact paths; a known path with another method is a 405, an unknown one falls through. */
export class RestRouter {
  private readonly routes = new Map<string, Map<string, RestRoute>>();

  constructor(routes: RestRoute[]) {
    for (const route of routes) {
      const methods = this.routes.get(route.path) ?? new Map<string, RestRoute>();
      if (methods.has(route.method)) throw new Error(`REST route ${route.method} ${route.path} is declared twice`);
      methods.set(route.method, route);
      this.routes.set(route.path, methods);
    }
  }

  /** Handles the request if a route owns its path; returns false otherwise. */
  dispatch(request: IncomingMessage, response: ServerResponse, context: RestContext): boolean {
    const url = targetOf(request.url);
    const methods = this.routes.get(url.pathname);
    if (!methods) return false;
    const route = methods.get((request.method ?? 'GET').toUpperCase());
    void this.run(route, [...methods.keys()], url, request, response, context);
    return true;
  }

  private async run(
    route: RestRoute | undefined,
    allowed: string[],
    url: RequestTarget,
    request: IncomingMessage,
    response: ServerResponse,
    { language, ip }: RestContext,
  ): Promise<void> {
    try {
      if (!route) {
        response.setHeader('allow', allowed.join(', '));
        throw new AppError('METHOD_NOT_ALLOWED', 'errors.methodNotAllowed');
      }
      const rawBody = await this.body(route, request);
      let parsed: { value: unknown } | undefined;
      const restRequest: RestRequest = {
        method: route.method,
        path: url.pathname,
        query: new URLSearchParams(url.search),
        headers: request.headers,
        rawBody,
        json: <T>() => {
          if (!parsed) {
            try {
              parsed = { value: JSON.parse(rawBody.toString('utf8')) };
            } catch {
              throw new AppError('BAD_USER_INPUT', 'errors.invalidJson');
            }
          }
          return parsed.value as T;
        },
        language,
        requestId: request.id,
        // Read when used: the request's logger is made on first use (request-logging.ts).
        get log() {
          return request.log;
        },
        ip,
      };
      await send(response, await route.handle(restRequest));
    } catch (error) {
      const mapped = mapError(error, { language, requestId: request.id });
      if (mapped.status >= 500) request.log.error({ err: error, path: url.pathname }, 'REST route failed');
      if (response.headersSent) return void response.end();
      await send(response, { status: mapped.status, body: (route?.errorBody ?? defaultErrorBody)(mapped) });
    }
  }

  private async body(route: RestRoute, request: IncomingMessage): Promise<Buffer> {
    if (route.method === 'GET') {
      request.resume();
      return Buffer.alloc(0);
    }
    const contentTypes = route.contentTypes ?? ['application/json'];
    const declaresBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'];
    const mediaType = mediaTypeOf(request);
    if (declaresBody && (!mediaType || !contentTypes.includes(mediaType))) {
      request.resume();
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'errors.unsupportedMediaType', {
        accepted: contentTypes.join(', '),
      });
    }
    return readBody(request, route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  }
}
