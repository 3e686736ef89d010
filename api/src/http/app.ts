import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import type { Logger } from '../core/logger';
import { GraphQLContext } from '../graphql/context';
import { checkReadiness, type ReadinessCheck } from '../modules/system';
import type { AppServices } from '../services';
import { clientAddressResolver, languageOf } from './client';
import { credentialOf } from './credentials';
import { graphqlHandler, isGraphQLRequest } from './graphql-handler';
import { beginRequest } from './request-logging';

export interface HttpAppOptions {
  orm: MikroORM;
  services: AppServices;
  graphql: ApolloServer<GraphQLContext>;
  logger: Logger;
  readinessChecks: ReadinessCheck[];
  trustProxy: boolean;
}

const GRAPHQL_PATH = '/api/graphql';

/**
 * The API's HTTP entry: GraphQL on its own lean path, everything else (health probes; the
 * webhooks join with their modules) through express.
 */
export function createHttpApp({
  orm,
  services,
  graphql,
  logger,
  readinessChecks,
  trustProxy,
}: HttpAppOptions): RequestListener {
  const clientAddress = clientAddressResolver(trustProxy);

  const app = express();
  app.disable('x-powered-by');
  // ETags hash every response body; API responses are never revalidated by clients.
  app.set('etag', false);

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });

  app.get('/readyz', async (_request, response) => {
    const report = await checkReadiness(readinessChecks);
    response.status(report.ready ? 200 : 503).json(report);
  });

  const graphqlRequest = graphqlHandler(graphql, async (request) => {
    const meta = { ip: clientAddress(request), userAgent: request.headers['user-agent'] };
    const credential = credentialOf(request);
    // One indexed query when a credential is present; anonymous requests cost nothing. Raw
    // SQL on the root entity manager's connection: no unit of work to fork for it.
    const identity = credential ? await services.identity.access.resolve(orm.em, credential, meta.ip) : undefined;
    return new GraphQLContext(orm, services, {
      requestId: request.id,
      language: languageOf(request),
      log: request.log,
      meta,
      identity,
    });
  });

  return (request: IncomingMessage, response: ServerResponse) => {
    beginRequest(request, response, logger);
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
    app(request, response);
  };
}
