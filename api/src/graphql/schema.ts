import type { GraphQLSchema } from 'graphql';
import { buildSchema, type ContainerType, type NonEmptyArray } from 'type-graphql';
import { appModules } from '../modules';
import { authChecker } from './authorization';

/** Every resolver of the API, from the module manifests. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers = appModules.flatMap((module) => module.resolvers ?? []) as NonEmptyArray<Function>;

/**
 * The schema. `container` gives resolvers their services (graphql/container.ts); emitting
 * the schema file needs none. Money fields use the scalars of graphql/scalars.ts
 * (`@Field(() => RupiahScalar)`).
 */
export async function buildApiSchema(container?: ContainerType): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    container,
    // Every query and mutation declares its rule (see authorization.ts); the authorization
    // matrix test fails for one that does not.
    authChecker,
    // type-graphql 2 runs class-validator on inputs only when asked.
    validate: { forbidUnknownValues: true },
  });
}
