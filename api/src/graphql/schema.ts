import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { identityResolvers } from '../modules/identity';
import { SystemResolver } from '../modules/system';
import { authChecker } from './authorization';

/** Every resolver of the API. A module's resolvers join this list when the module lands. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [SystemResolver, ...identityResolvers];

export async function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    // Every query and mutation declares its rule (see authorization.ts); the authorization
    // matrix test fails for one that does not.
    authChecker,
    // type-graphql 2 runs class-validator on inputs only when asked.
    validate: { forbidUnknownValues: true },
  });
}
