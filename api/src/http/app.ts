import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import { AppError } from '../core/app-error';
import { mapError } from '../core/error-mapping';
import type { Logger } from '../core/logger';
import { GraphQLContext } from '../graphql/context';
import type { AccessService } from '../modules/identity';
import { checkReadiness, type ReadinessCheck } from '../modules/system';
import { clientAddressResolver, languageOf } from './client';
import { credentialOf } from './credentials';
import { graphqlHandler, isGraphQLRequest } from './graphql-handler';
import { beginRequest } from './request-logging';
import { httpRequestDuration, webhookRequests } from '../metrics/platform';
import { defaultErrorBody, RestRouter, type RestRoute } from './rest';

export interface HttpAppOptions {
  orm: MikroORM;
  access: AccessService;
  graphql: ApolloServer<GraphQLContext>;
  logger: Logger;
  readinessChecks: ReadinessCheck[];
  /** The modules' REST side routes (webhooks). */
  routes: RestRoute[];
  trustProxy: boolean;
}

const GRAPHQL_PATH = '/api/graphql';

const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);

/**
 * Latency per route, and each provider callback's answer. Labels only from fixed sets: a path
 * no route owns is "unmatched" (a scanner's random URLs must not each become a series).
 */
function measureRequests(routes: RestRoute[]) {
  const known = new Set([GRAPHQL_PATH, ...routes.map((route) => route.path)]);
  const providers = new Map(routes.flatMap((route) => (route.webhook ? [[route.path, route.webhook] as const] : [])));
  return (request: IncomingMessage, response: ServerResponse) => {
    const stop = httpRequestDuration.startTimer();
    response.once('finish', () => {
      const path = (request.url ?? '').split('?')[0] ?? '';
      const route = known.has(path) ? path : 'unmatched';
      const method = METHODS.has(request.method ?? '') ? request.method! : 'other';
      const status = String(response.statusCode);
      stop({ route, method, status });
      const provider = providers.get(path);
      if (provider) webhookRequests.inc({ provider, status });
    });
  };
}

function probeRoutes(readinessChecks: ReadinessCheck[]): RestRoute[] {
  return [
    { method: 'GET', path: '/healthz', handle: async () => ({ body: { status: 'ok' } }) },
    {
      method: 'GET',
      path: '/readyz',
      handle: async () => {
        const report = await checkReadiness(readinessChecks);
        return { status: report.ready ? 200 : 503, body: report };
      },
    },
  ];
}

/**
 * The API's HTTP entry, on plain Node: GraphQL on its own lean path, the REST side routes
 * (health probes, the modules' webhooks) through one small router, and a 404 in the
 * platform's error shape for anything else.
 */
export function createHttpApp({
  orm,
  access,
  graphql,
  logger,
  readinessChecks,
  routes,
  trustProxy,
}: HttpAppOptions): RequestListener {
  const clientAddress = clientAddressResolver(trustProxy);
  const allRoutes = [...probeRoutes(readinessChecks), ...routes];
  const router = new RestRouter(allRoutes);
  const measure = measureRequests(allRoutes);
  const quietPaths = new Set([
    '/healthz',
    '/readyz',
    ...allRoutes.filter((route) => route.quiet).map((route) => route.path),
  ]);

  const graphqlRequest = graphqlHandler(graphql, async (request) => {
    const meta = { ip: clientAddress(request), userAgent: request.headers['user-agent'] };
    const credential = credentialOf(request);
    // One indexed query when a credential is present; anonymous requests cost nothing. Named
    // SQL on the root entity manager's pool: no unit of work to fork for it.
    const identity = credential ? await access.resolve(orm.em, credential, meta.ip) : undefined;
    return new GraphQLContext(orm, {
      requestId: request.id,
      language: languageOf(request),
      log: request.log,
      meta,
      identity,
    });
  });

  function sendError(request: IncomingMessage, response: ServerResponse, error: unknown): void {
    const mapped = mapError(error, { language: languageOf(request), requestId: request.id });
    if (!response.headersSent) response.writeHead(mapped.status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(defaultErrorBody(mapped)));
  }

  return (request: IncomingMessage, response: ServerResponse) => {
    beginRequest(request, response, logger, quietPaths);
    measure(request, response);
    if (isGraphQLRequest(request, GRAPHQL_PATH)) {
      graphqlRequest(request, response).catch((error: unknown) => {
        request.log.error({ err: error }, 'graphql request failed outside Apollo');
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        response.end(
          JSON.stringify({
            errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
          }),
        );
      });
      return;
    }
    const routed = router.dispatch(request, response, { language: languageOf(request), ip: clientAddress(request) });
    if (!routed) {
      request.resume();
      sendError(request, response, new AppError('NOT_FOUND', 'errors.notFound'));
    }
  };
}
