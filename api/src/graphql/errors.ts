import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { isAppError } from '../core/app-error';
import { translate, type Language } from '../core/messages';

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
  /** In production an unexpected error shows only a generic message and the request id. */
  exposeInternalMessages: boolean;
}

function validationFields(error: ArgumentValidationError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.extensions.validationErrors) {
    const [message] = Object.values(issue.constraints ?? {});
    if (message) fields[issue.property] = message;
  }
  return fields;
}

/**
 * Shapes every error leaving the API: a known code in `extensions.code`, a message in the
 * request's language, a `messageKey` the dashboard can translate, and never a stack trace,
 * SQL or a secret.
 */
export function shapeError(
  formatted: GraphQLFormattedError,
  raw: unknown,
  { language, requestId, exposeInternalMessages }: ErrorShapingOptions,
): GraphQLFormattedError {
  const original = raw instanceof GraphQLError && raw.originalError ? raw.originalError : raw;
  const base = { locations: formatted.locations, path: formatted.path };

  if (isAppError(original)) {
    return {
      ...base,
      message: translate(language, original.messageKey, original.params),
      extensions: {
        code: original.code,
        messageKey: original.messageKey,
        params: original.params,
        ...(original.fields ? { fields: original.fields } : {}),
      },
    };
  }

  if (original instanceof ArgumentValidationError) {
    return {
      ...base,
      message: translate(language, 'errors.validation'),
      extensions: { code: 'BAD_USER_INPUT', messageKey: 'errors.validation', fields: validationFields(original) },
    };
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
    message: exposeInternalMessages ? formatted.message : translate(language, 'errors.internal', { requestId }),
    extensions: { code: 'INTERNAL_SERVER_ERROR', messageKey: 'errors.internal', requestId },
  };
}
