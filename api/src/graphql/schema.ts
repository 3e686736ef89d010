import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { SystemResolver } from '../modules/system';

/** Every resolver of the API. A module's resolver joins this list when the module lands. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [SystemResolver];

export async function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    // type-graphql 2 runs class-validator on inputs only when asked.
    validate: { forbidUnknownValues: true },
  });
}
