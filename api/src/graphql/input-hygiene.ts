import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  GraphQLID,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { AppError } from '../core/app-error';
import { isUuid } from '../core/ids';
import type { GraphQLContext } from './context';

/**
 * Rules every argument obeys, checked once per operation against the schema's own types (so
 * a new field, argument or input field cannot forget them): an `ID` is a UUID, and no string
 * carries a NUL byte (PostgreSQL refuses it in text, which would otherwise surface as an
 * internal error). A violation is BAD_USER_INPUT with a key per field path, and nothing runs.
 */
function check(value: unknown, type: GraphQLInputType, path: string, problems: Record<string, string>): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return check(value, type.ofType, path, problems);
  if (isListType(type)) {
    for (const item of Array.isArray(value) ? value : [value]) check(item, type.ofType, path, problems);
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return;
    for (const [name, field] of Object.entries(type.getFields())) {
      check((value as Record<string, unknown>)[name], field.type, `${path}.${name}`, problems);
    }
    return;
  }
  if (!isScalarType(type) || typeof value !== 'string') return;
  if (value.includes('\u0000')) problems[path] = 'validation.nulByte';
  else if (type === GraphQLID && !isUuid(value)) problems[path] = 'validation.isUuid';
}

export function inputProblems(
  schema: GraphQLSchema,
  document: Parameters<typeof visit>[0],
  variables: Record<string, unknown>,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const definition = typeInfo.getArgument();
        if (!definition) return;
        const value =
          node.value.kind === Kind.VARIABLE
            ? variables[node.value.name.value]
            : valueFromAST(node.value, definition.type, variables);
        check(value, definition.type, definition.name, problems);
      },
    }),
  );
  return problems;
}

export function inputHygienePlugin(schema: GraphQLSchema): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const problems = inputProblems(schema, document, request.variables ?? {});
          if (Object.keys(problems).length === 0) return;
          const error = new AppError('BAD_USER_INPUT', 'errors.validation', {}, problems);
          throw new GraphQLError(error.messageKey, {
            originalError: error,
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        },
      };
    },
  };
}
