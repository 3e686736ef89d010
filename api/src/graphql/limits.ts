import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema, type ValidationRule } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { GraphQLContext } from './context';
import { translate } from '../core/messages';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
  maxAliases: number;
}

/** Depth and alias caps run during validation, before any resolver. */
export function limitValidationRules(limits: QueryLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, exposeLimits: true }) as ValidationRule,
    maxAliasesRule({ n: limits.maxAliases, exposeLimits: true }) as ValidationRule,
  ];
}

/**
 * Rejects an operation whose estimated cost is over the limit. Fields declare their cost
 * with type-graphql's `complexity` option (lists multiply by their page size); every other
 * field costs 1.
 */
export function complexityPlugin(schema: GraphQLSchema, maximum: number): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, contextValue }) {
          const complexity = getComplexity({
            schema,
            operationName: request.operationName,
            query: document,
            variables: request.variables,
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > maximum) {
            throw new GraphQLError(
              translate(contextValue.language, 'errors.queryTooComplex', { complexity, maximum }),
              { extensions: { code: 'QUERY_TOO_COMPLEX', messageKey: 'errors.queryTooComplex', complexity, maximum } },
            );
          }
        },
      };
    },
  };
}
