import { IncomingMessage, type ServerResponse } from 'node:http';
import type { Logger } from '../core/logger';
import { requestIdOf } from './request-id';

declare module 'http' {
  interface IncomingMessage {
    id: string;
    log: Logger;
  }
}

const QUIET_PATHS = new Set(['/healthz', '/readyz']);

const BASE_LOGGER = Symbol('bizone.baseLogger');
const REQUEST_LOGGER = Symbol('bizone.requestLogger');

interface LoggedRequest extends IncomingMessage {
  [BASE_LOGGER]?: Logger;
  [REQUEST_LOGGER]?: Logger;
}

/*
 * `request.log` is made the first time something logs for the request: most requests (a
 * webhook's 200) never do, and pino's child() serialises and redacts its bindings each time
 * (about 3 % of the API's CPU under a webhook load, measured with --cpu-prof).
 */
Object.defineProperty(IncomingMessage.prototype, 'log', {
  configurable: true,
  get(this: LoggedRequest): Logger | undefined {
    const base = this[BASE_LOGGER];
    if (!this[REQUEST_LOGGER] && base) this[REQUEST_LOGGER] = base.child({ reqId: this.id });
    return this[REQUEST_LOGGER];
  },
  set(this: LoggedRequest, value: Logger) {
    this[REQUEST_LOGGER] = value;
  },
});

/**
 * Gives a request an id (echoed in `x-request-id`) and a logger carrying it, and logs one
 * line when the response is done. Deliberately lighter than pino-http: a child logger with
 * the whole request as bindings is serialised and redacted on every request, which cost
 * about a tenth of the API's CPU under load. Headers are never logged, so nothing in them
 * (cookies, tokens, signatures) can leak. Runs on the plain Node request, before routing.
 * Successful answers on `quietPaths` (probes, and routes that take thousands of calls a second
 * and count them in metrics) are logged at debug only.
 */
export function beginRequest(
  request: IncomingMessage,
  response: ServerResponse,
  logger: Logger,
  quietPaths: ReadonlySet<string> = QUIET_PATHS,
): void {
  const id = requestIdOf(request);
  const started = performance.now();
  request.id = id;
  (request as LoggedRequest)[BASE_LOGGER] = logger;
  response.setHeader('x-request-id', id);
  response.once('finish', () => {
    const status = response.statusCode;
    const path = (request.url ?? '').split('?')[0] ?? '';
    const level =
      status >= 500
        ? 'error'
        : status >= 400
          ? 'warn'
          : QUIET_PATHS.has(path) || quietPaths.has(path)
            ? 'debug'
            : 'info';
    if (!logger.isLevelEnabled(level)) return;
    request.log[level](
      { method: request.method, path, status, ms: Math.round((performance.now() - started) * 10) / 10 },
      'request completed',
    );
  });
}
