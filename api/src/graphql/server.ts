import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { GraphQLContext } from './context';
import { toAppError } from '../core/error-mapping';
import { shapeError, unwrapError } from './errors';
import { inputHygienePlugin } from './input-hygiene';
import { complexityPlugin, limitValidationRules, type QueryLimits } from './limits';

export interface GraphQLServerOptions {
  schema: GraphQLSchema;
  limits: QueryLimits & { introspection: boolean };
}

export function createGraphQLServer({ schema, limits }: GraphQLServerOptions) {
  return new ApolloServer<GraphQLContext>({
    schema,
    introspection: limits.introspection,
    // Field suggestions ("Did you mean ...?") go with introspection.
    hideSchemaDetailsFromClientErrors: !limits.introspection,
    // Our lifecycle stops Apollo in order; its own signal handlers would race it and re-raise.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    validationRules: limitValidationRules(limits),
    plugins: [
      inputHygienePlugin(schema),
      complexityPlugin(schema, limits.maxComplexity),
      ApolloServerPluginLandingPageDisabled(),
      {
        // Error shaping needs the request's language and id, which formatError does not see.
        async requestDidStart({ contextValue }) {
          return {
            async willSendResponse({ response, errors }) {
              if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
              const raw = errors ?? [];
              response.body.singleResult.errors = response.body.singleResult.errors.map((formatted, index) =>
                shapeError(formatted, raw[index] ?? formatted, {
                  language: contextValue.language,
                  requestId: contextValue.requestId,
                }),
              );
            },
            async didEncounterErrors({ errors }) {
              for (const error of errors) {
                const known = toAppError(unwrapError(error));
                if (known && known.code !== 'INTERNAL_SERVER_ERROR') {
                  // The caller's own mistake (or a dependency away): a line to count, not a stack to read.
                  const level = known.code === 'SERVICE_UNAVAILABLE' ? 'warn' : 'info';
                  contextValue.logger[level](
                    { code: known.code, messageKey: known.messageKey },
                    'graphql request refused',
                  );
                } else if (!error.extensions?.code || error.extensions.code === 'INTERNAL_SERVER_ERROR') {
                  contextValue.logger.error({ err: error.originalError ?? error }, 'graphql request failed');
                }
              }
            },
          };
        },
      },
    ],
  });
}
