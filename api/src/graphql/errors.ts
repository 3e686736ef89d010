import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { mapAppError, toAppError } from '../core/error-mapping';
import { translate, type Language } from '../core/messages';
import { validationAppError } from './validation';

/** Codes produced by graphql-js and Apollo itself that are safe to show as they are. */
const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

export interface ErrorShapingOptions {
  language: Language;
  requestId: string;
}

/** graphql-js wraps a scalar's error twice (coercion, then the variable): the cause under the wrappers. */
export function unwrapError(raw: unknown): unknown {
  let original = raw;
  while (original instanceof GraphQLError && original.originalError) original = original.originalError;
  return original;
}

/**
 * Shapes every error leaving the API through the platform's one error mapping
 * (core/error-mapping.ts): a known code in `extensions.code`, a message in the request's
 * language, a `messageKey` the dashboard can translate, per-field keys and messages, and
 * never a stack trace, SQL or a secret.
 */
export function shapeError(
  formatted: GraphQLFormattedError,
  raw: unknown,
  { language, requestId }: ErrorShapingOptions,
): GraphQLFormattedError {
  const original = unwrapError(raw);
  const base = { locations: formatted.locations, path: formatted.path };

  const known = original instanceof ArgumentValidationError ? validationAppError(original) : toAppError(original);
  if (known) {
    const { status: _status, message, ...extensions } = mapAppError(known, { language });
    return { ...base, message, extensions };
  }

  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    const { messageKey, params } = extensions as { messageKey?: unknown; params?: Record<string, unknown> };
    const message = typeof messageKey === 'string' ? translate(language, messageKey, params) : formatted.message;
    return { ...formatted, message, extensions };
  }

  return {
    ...base,
    // In every mode: the request id, never the error's own text (SQL, bound values, paths); the log has it.
    message: translate(language, 'errors.internal', { requestId }),
    extensions: { code: 'INTERNAL_SERVER_ERROR', messageKey: 'errors.internal', requestId },
  };
}
