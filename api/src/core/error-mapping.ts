import { AppError, ERROR_CODES, isAppError, type ErrorCode, type ErrorParams } from './app-error';
import { translate, type Language } from './messages';

/**
 * The one mapping from an error to what a caller sees, shared by GraphQL (extensions) and
 * REST routes (status and body): a code, a message in the caller's language, the key and
 * parameters it came from, per-field keys and messages for forms, and never a stack trace,
 * SQL or a secret. Anything that is not an AppError is either the database being away
 * (SERVICE_UNAVAILABLE, 503) or a bug (INTERNAL_SERVER_ERROR, 500, with the request id).
 */
export interface MappedError {
  status: number;
  code: ErrorCode;
  message: string;
  messageKey: string;
  params: ErrorParams;
  fields?: Record<string, string>;
  fieldParams?: Record<string, ErrorParams>;
  fieldMessages?: Record<string, string>;
}

export interface ErrorMappingOptions {
  language: Language;
  requestId: string;
}

/** PostgreSQL classes and client errors that mean "the database is not reachable right now". */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3]|53300)/;
const UNAVAILABLE_MESSAGES =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|Knex: Timeout acquiring a connection|the database system is (starting up|shutting down)/i;

/** The MongoDB driver's errors for a server that is away (killed, restarting, unreachable). */
const UNAVAILABLE_MONGO_ERRORS =
  /^Mongo(Network|NetworkTimeout|ServerSelection|NotConnected|TopologyClosed|PoolClosed)Error$/;

export function isUnavailable(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; cause && depth < 5; depth++) {
    const { code, message, name } = cause as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof name === 'string' && UNAVAILABLE_MONGO_ERRORS.test(name)) return true;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_MESSAGES.test(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * What a database refusal means to a caller: a lock not obtained in time (lock_timeout), a
 * serialization failure or a deadlock is contention, safe to retry (CONFLICT, errors.busy); a
 * statement cancelled by statement_timeout is the service being slow (SERVICE_UNAVAILABLE).
 */
const CONTENTION_SQLSTATES = new Set(['55P03', '40001', '40P01']);
const STATEMENT_TIMEOUT_SQLSTATE = '57014';
/**
 * A constraint a request ran into that no code path checked first (a race the code did not
 * foresee): still the caller's conflict, never a 500. Paths that can expect one check it and
 * say so precisely; this is the net under them.
 */
const CONSTRAINT_SQLSTATES: Record<string, string> = { '23505': 'errors.alreadyExists', '23503': 'errors.inUse' };

export function databaseAppError(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && CONTENTION_SQLSTATES.has(code)) return new AppError('CONFLICT', 'errors.busy');
  if (code === STATEMENT_TIMEOUT_SQLSTATE) return new AppError('SERVICE_UNAVAILABLE', 'errors.unavailable');
  if (isUnavailable(error)) return new AppError('SERVICE_UNAVAILABLE', 'errors.unavailable');
  return undefined;
}

/**
 * At the boundary only (GraphQL, REST): a constraint violation that reached the caller. Not in
 * `databaseAppError`, which transactions apply: code that expects a violation (a name already
 * taken) must still see its SQLSTATE and say precisely what it means.
 */
export function constraintAppError(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && CONSTRAINT_SQLSTATES[code]
    ? new AppError('CONFLICT', CONSTRAINT_SQLSTATES[code])
    : undefined;
}

export function toAppError(error: unknown): AppError | undefined {
  if (isAppError(error)) return error;
  return databaseAppError(error) ?? constraintAppError(error);
}

function translateFields(language: Language, error: AppError): Record<string, string> {
  return Object.fromEntries(
    Object.entries(error.fields ?? {}).map(([field, key]) => [
      field,
      translate(language, key, error.fieldParams?.[field] ?? error.params),
    ]),
  );
}

export function mapAppError(error: AppError, { language }: Pick<ErrorMappingOptions, 'language'>): MappedError {
  return {
    status: ERROR_CODES[error.code],
    code: error.code,
    message: translate(language, error.messageKey, error.params),
    messageKey: error.messageKey,
    params: error.params,
    ...(error.fields
      ? {
          fields: error.fields,
          ...(error.fieldParams ? { fieldParams: error.fieldParams } : {}),
          fieldMessages: translateFields(language, error),
        }
      : {}),
  };
}

export function mapError(error: unknown, options: ErrorMappingOptions): MappedError {
  const known = toAppError(error);
  if (known) return mapAppError(known, options);
  return mapAppError(
    new AppError('INTERNAL_SERVER_ERROR', 'errors.internal', { requestId: options.requestId }),
    options,
  );
}
