import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Express, type Request } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../core/logger';
import { LANGUAGES, type Language } from '../core/messages';
import type { GraphQLContext } from '../graphql/context';
import { checkReadiness, type ReadinessCheck } from '../modules/system';
import { requestIdOf } from './request-id';

export interface HttpAppOptions {
  orm: MikroORM;
  graphql: ApolloServer<GraphQLContext>;
  logger: Logger;
  readinessChecks: ReadinessCheck[];
  trustProxy: boolean;
}

function languageOf(request: Request): Language {
  const accepted = request.acceptsLanguages(...LANGUAGES);
  return accepted === 'id' ? 'id' : 'en';
}

/** The express app: GraphQL, health probes; webhooks join it with their modules. */
export function createHttpApp({ orm, graphql, logger, readinessChecks, trustProxy }: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy ? 'loopback' : false);

  app.use(
    pinoHttp({
      logger,
      genReqId: (request, response) => {
        const id = requestIdOf(request);
        response.setHeader('x-request-id', id);
        return id;
      },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
      // Probes are polled every few seconds; logging each would drown the useful lines.
      autoLogging: { ignore: (request) => request.url === '/healthz' || request.url === '/readyz' },
    }),
  );

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
      context: async ({ req }) => ({
        requestId: String(req.id),
        language: languageOf(req),
        em: orm.em.fork(),
        logger: req.log,
      }),
    }),
  );

  return app;
}
