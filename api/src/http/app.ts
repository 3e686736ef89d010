import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Express, type Request } from 'express';
import type { Logger } from '../core/logger';
import { LANGUAGES, type Language } from '../core/messages';
import { GraphQLContext } from '../graphql/context';
import { checkReadiness, type ReadinessCheck } from '../modules/system';
import type { AppServices } from '../services';
import { credentialOf } from './credentials';
import { requestLogging } from './request-logging';

export interface HttpAppOptions {
  orm: MikroORM;
  services: AppServices;
  graphql: ApolloServer<GraphQLContext>;
  logger: Logger;
  readinessChecks: ReadinessCheck[];
  trustProxy: boolean;
}

const languageByHeader = new Map<string, Language>();

/** The caller's language from Accept-Language (cached: a handful of distinct headers recur). */
function languageOf(request: Request): Language {
  const header = request.headers['accept-language'] ?? '';
  let language = languageByHeader.get(header);
  if (!language) {
    language = request.acceptsLanguages(...LANGUAGES) === 'id' ? 'id' : 'en';
    if (languageByHeader.size > 1000) languageByHeader.clear();
    languageByHeader.set(header, language);
  }
  return language;
}

/** The express app: GraphQL, health probes; webhooks join it with their modules. */
export function createHttpApp({
  orm,
  services,
  graphql,
  logger,
  readinessChecks,
  trustProxy,
}: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // ETags hash every response body; API responses are never revalidated by clients.
  app.set('etag', false);
  // Client addresses (for throttling and the audit log) come from X-Forwarded-For only when a
  // trusted proxy sent it: the dashboard server and nginx on loopback, or a private network.
  app.set('trust proxy', trustProxy ? ['loopback', 'linklocal', 'uniquelocal'] : 'loopback');

  app.use(requestLogging(logger));

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });

  app.get('/readyz', async (_request, response) => {
    const report = await checkReadiness(readinessChecks);
    response.status(report.ready ? 200 : 503).json(report);
  });

  app.use(
    '/api/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(graphql, {
      context: async ({ req }) => {
        const meta = { ip: req.ip, userAgent: req.headers['user-agent'] };
        const credential = credentialOf(req);
        // One indexed query when a credential is present; anonymous requests cost nothing. Raw
        // SQL on the root entity manager's connection: no unit of work to fork for it.
        const identity = credential ? await services.identity.access.resolve(orm.em, credential, meta.ip) : undefined;
        return new GraphQLContext(orm, services, {
          requestId: req.id,
          language: languageOf(req),
          log: req.log,
          meta,
          identity,
        });
      },
    }),
  );

  return app;
}
