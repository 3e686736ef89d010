import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { GraphQLContext } from './context';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
  maxAliases: number;
}

/**
 * A limit breach reported as a validation error carrying a message key; the error shaper
 * translates it into the caller's language (validation rules cannot see the request).
 */
function rejectWith(messageKey: string, maximum: number) {
  return (context: ValidationContext | null) =>
    context?.reportError(new GraphQLError(messageKey, { extensions: { messageKey, params: { maximum } } }));
}

/** Depth and alias caps run during validation, before any resolver. */
export function limitValidationRules(limits: QueryLimits): ValidationRule[] {
  return [
    maxDepthRule({
      n: limits.maxDepth,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [rejectWith('errors.queryTooDeep', limits.maxDepth)],
    }) as ValidationRule,
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [rejectWith('errors.tooManyAliases', limits.maxAliases)],
    }) as ValidationRule,
  ];
}

/**
 * Rejects an operation whose estimated cost is over the limit. Fields declare their cost
 * with type-graphql's `complexity` option (lists multiply by their page size); every other
 * field costs 1.
 */
export function complexityPlugin(schema: GraphQLSchema, maximum: number): ApolloServerPlugin<GraphQLContext> {
  // The cost of an operation without variables never changes: compute it once per document
  // (Apollo hands us the same parsed document object for the same query text).
  const constantCosts = new WeakMap<DocumentNode, Map<string, number>>();
  const estimators = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const cacheable = !request.variables || Object.keys(request.variables).length === 0;
          const name = request.operationName ?? '';
          let complexity = cacheable ? constantCosts.get(document)?.get(name) : undefined;
          if (complexity === undefined) {
            try {
              complexity = getComplexity({
                schema,
                operationName: request.operationName,
                query: document,
                variables: request.variables,
                estimators,
              });
            } catch {
              // Variables that do not fit their types: execution reports them as BAD_USER_INPUT
              // (with the scalar's own message), and nothing runs, so there is no cost to bound.
              return;
            }
            if (cacheable) {
              const byName = constantCosts.get(document) ?? new Map<string, number>();
              byName.set(name, complexity);
              constantCosts.set(document, byName);
            }
          }
          if (complexity > maximum) {
            throw new GraphQLError('errors.queryTooComplex', {
              extensions: {
                code: 'QUERY_TOO_COMPLEX',
                messageKey: 'errors.queryTooComplex',
                params: { complexity, maximum },
                http: { status: 400 },
              },
            });
          }
        },
      };
    },
  };
}

/**
 * The cost of a list field, in proportion to the rows it can return: `page` is the page
 * size argument's name (a page of 200 costs 200 times its selection), or a fixed upper
 * estimate for a short list without paging (members, roles, sessions). Every list field
 * declares one (`@Query(() => [X], { complexity: listCost(...) })`).
 */
export function listCost(page: string | number) {
  return ({ args, childComplexity }: { args: Record<string, unknown>; childComplexity: number }): number => {
    const rows = typeof page === 'number' ? page : Number(args[page] ?? 1);
    return 1 + Math.max(1, rows) * Math.max(1, childComplexity);
  };
}
