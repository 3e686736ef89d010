import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { Kind, type GraphQLFormattedError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { GraphQLContext } from './context';
import { toAppError } from '../core/error-mapping';
import { shapeError, unwrapError } from './errors';
import { inputHygienePlugin } from './input-hygiene';
import { complexityPlugin, limitValidationRules, type QueryLimits } from './limits';
import { graphqlErrors, graphqlOperations } from '../metrics/platform';

export interface GraphQLServerOptions {
  schema: GraphQLSchema;
  limits: QueryLimits & { introspection: boolean };
}

/**
 * Counted by operation type and the first root field: both come from the schema, so the label
 * values are bounded (a client's operation name is not). A request that never parsed is "invalid".
 */
function countOperation(operation: OperationDefinitionNode | undefined, errors?: readonly GraphQLFormattedError[]) {
  const first = operation?.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
  graphqlOperations.inc({
    type: operation?.operation ?? 'invalid',
    field: first && first.kind === Kind.FIELD ? first.name.value : 'none',
    outcome: errors?.length ? 'error' : 'ok',
  });
  for (const error of errors ?? []) {
    const code = error.extensions?.code;
    graphqlErrors.inc({ code: typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : 'OTHER' });
  }
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
            async willSendResponse({ response, errors, operation }) {
              if (response.body.kind !== 'single') return countOperation(operation);
              const result = response.body.singleResult;
              if (result.errors) {
                const raw = errors ?? [];
                result.errors = result.errors.map((formatted, index) =>
                  shapeError(formatted, raw[index] ?? formatted, {
                    language: contextValue.language,
                    requestId: contextValue.requestId,
                  }),
                );
              }
              // After shaping: the codes counted are the ones clients see.
              countOperation(operation, result.errors);
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
