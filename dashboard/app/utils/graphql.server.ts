import { redirect } from '@remix-run/node';
import { Client, fetchExchange, type AnyVariables, type CombinedError, type TypedDocumentNode } from '@urql/core';
import type { TranslationKey } from '../i18n';
import { getEnv } from './env.server';
import { getLanguage } from './language.server';
import { keyMessage, toMessageParams, type Message, type MessageParams } from './message';
import { getSessionToken, loginRedirect } from './session.server';

/** What a thrown API failure carries to the ErrorBoundary: a key the dashboard translates, never the raw error. */
export interface ApiErrorData {
  messageKey: TranslationKey;
  params?: MessageParams;
}

/** An error the API answered with, ready to show: `message` for the form, `fields` for the inputs it names. */
export interface ApiError {
  /** `extensions.code` (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, ...), or API_UNAVAILABLE when unreachable. */
  code: string;
  message: Message;
  fields: Record<string, Message>;
}

export type GqlResult<TData> = { data: TData; error?: undefined } | { data?: undefined; error: ApiError };

// A loader waiting on a hung API would hang the page; give up well before nginx's own proxy timeout (60 s).
const API_TIMEOUT_MS = 10_000;

// Codes whose `message` the API words for the reader; anything else (internal errors) gets our generic sentence.
const READER_FACING_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'ACCOUNT_LOCKED',
  'RATE_LIMITED',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
]);

let client: Client | undefined;

function getClient(): Client {
  client ??= new Client({
    url: `${getEnv().API_INTERNAL_URL}/api/graphql`,
    // No cache exchange: one client serves every user's requests, so nothing may be remembered between them.
    exchanges: [fetchExchange],
    // Apollo's CSRF prevention rejects the GET that urql would otherwise send for short queries.
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetch: (input, init) =>
      fetch(input, {
        ...init,
        signal: init?.signal
          ? AbortSignal.any([init.signal, AbortSignal.timeout(API_TIMEOUT_MS)])
          : AbortSignal.timeout(API_TIMEOUT_MS),
      }),
  });
  return client;
}

type VariablesArgs<TVariables> =
  Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

/**
 * Runs a codegen-typed GraphQL document against the API on behalf of the browser request being served: with the
 * session token from the `bz_session` cookie, the reader's language, IP and browser. Throws what a loader should
 * answer instead of data: a redirect to /login (session gone), to /change-password (password change pending),
 * a 403/404 page, a 502 (`errors.apiUnavailable`) when the API cannot be reached, a 500 otherwise.
 */
export async function gql<TData, TVariables extends AnyVariables>(
  request: Request,
  document: TypedDocumentNode<TData, TVariables>,
  ...[variables]: VariablesArgs<TVariables>
): Promise<TData> {
  const result = await execute(request, getSessionToken(request), document, variables);
  if (result.error) throw apiErrorResponse(request, result.error);
  return result.data;
}

/** Like `gql` but hands every API error back (never throws), for actions that show errors next to the form. */
export function gqlResult<TData, TVariables extends AnyVariables>(
  request: Request,
  document: TypedDocumentNode<TData, TVariables>,
  ...[variables]: VariablesArgs<TVariables>
): Promise<GqlResult<TData>> {
  return execute(request, getSessionToken(request), document, variables);
}

/** `gqlResult` with a session token that is not in the request's cookie yet (right after signing in). */
export function gqlResultAs<TData, TVariables extends AnyVariables>(
  request: Request,
  token: string,
  document: TypedDocumentNode<TData, TVariables>,
  ...[variables]: VariablesArgs<TVariables>
): Promise<GqlResult<TData>> {
  return execute(request, token, document, variables);
}

/**
 * For a signed-in form: a lost session still leaves the page (to /login or /change-password); anything else
 * comes back as a `failure` to show beside the form.
 */
export async function gqlForm<TData, TVariables extends AnyVariables>(
  request: Request,
  document: TypedDocumentNode<TData, TVariables>,
  ...[variables]: VariablesArgs<TVariables>
): Promise<{ data: TData; failure?: undefined } | { data?: undefined; failure: FormFailure; status: number }> {
  const result = await execute(request, getSessionToken(request), document, variables);
  if (!result.error) return { data: result.data };
  if (result.error.code === 'UNAUTHENTICATED' || result.error.code === 'PASSWORD_CHANGE_REQUIRED') {
    throw apiErrorResponse(request, result.error);
  }
  return { failure: formFailure(result.error), status: formFailureStatus(result.error.code) };
}

// The HTTP status of a page that answers a refused form: the reader's mistake is a 400, the rest say what they are.
const FAILURE_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  API_UNAVAILABLE: 502,
};

export function formFailureStatus(code: string): number {
  return FAILURE_STATUS[code] ?? 400;
}

export interface FormFailure {
  formError?: Message;
  fieldErrors?: Record<string, Message>;
}

/** An API error as a form shows it: field errors by input, and the sentence on top when no field explains it. */
export function formFailure(error: ApiError): FormFailure {
  const hasFields = Object.keys(error.fields).length > 0;
  return hasFields ? { fieldErrors: error.fields, formError: error.message } : { formError: error.message };
}

/**
 * `formFailure` for a form whose inputs are named differently from the API's fields: `{ password: 'newPassword' }`
 * shows the API's refusal of `password` beside the form's `newPassword` input (the invitation and reset forms).
 */
export function formFailureRenamed(error: ApiError, renames: Readonly<Record<string, string>>): FormFailure {
  const failure = formFailure(error);
  if (!failure.fieldErrors) return failure;
  const fieldErrors: Record<string, Message> = {};
  for (const [field, message] of Object.entries(failure.fieldErrors)) fieldErrors[renames[field] ?? field] = message;
  return { ...failure, fieldErrors };
}

async function execute<TData, TVariables extends AnyVariables>(
  request: Request,
  token: string | undefined,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables | undefined,
): Promise<GqlResult<TData>> {
  const requestId = request.headers.get('x-request-id');
  const result = await getClient()
    .query(document, (variables ?? {}) as TVariables, { fetchOptions: { headers: apiHeaders(request, token) } })
    .toPromise();

  if (result.error?.networkError || (!result.error && !result.data)) {
    logApiFailure('api_unreachable', requestId, result.error?.networkError?.message);
    return {
      error: { code: 'API_UNAVAILABLE', message: { key: 'errors.apiUnavailable' }, fields: {} },
    };
  }
  if (result.error || !result.data) {
    const error = toApiError(result.error);
    if (!READER_FACING_CODES.has(error.code)) logApiFailure('api_error', requestId, result.error?.message);
    return { error };
  }
  return { data: result.data };
}

/**
 * What the API learns about the reader: who (the session), in which language, and from where. The dashboard
 * server is the API's only loopback client, so the API trusts its X-Forwarded-For; server.js has already
 * reduced that header to the one address the reader connected from.
 */
export function apiHeaders(request: Request, token: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'accept-language': getLanguage(request) };
  if (token) headers.authorization = `Bearer ${token}`;
  const requestId = request.headers.get('x-request-id');
  if (requestId) headers['x-request-id'] = requestId;
  const clientIp = request.headers.get('x-forwarded-for');
  if (clientIp) headers['x-forwarded-for'] = clientIp;
  const userAgent = request.headers.get('user-agent');
  if (userAgent) headers['user-agent'] = userAgent;
  return headers;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function toApiError(error: CombinedError | undefined): ApiError {
  const first = error?.graphQLErrors[0];
  const extensions: Record<string, unknown> = first?.extensions ?? {};
  const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  // The API names an internal error's request id beside its params: `errors.internal` shows it to quote to support.
  const params = {
    ...toMessageParams(extensions.params),
    ...(typeof extensions.requestId === 'string' ? { requestId: extensions.requestId } : {}),
  };
  const readerFacing = READER_FACING_CODES.has(code);
  const message: Message =
    keyMessage(extensions.messageKey, params) ??
    (readerFacing && first?.message ? { text: first.message } : { key: 'errors.generic' });

  const fields: Record<string, Message> = {};
  if (typeof extensions.fields === 'object' && extensions.fields !== null) {
    const fieldParams = asRecord(extensions.fieldParams);
    const fieldMessages = asRecord(extensions.fieldMessages);
    for (const [path, key] of Object.entries(extensions.fields)) {
      // `input.newPassword` and `newPassword` both name the form's `newPassword` input.
      const field = path.split('.').at(-1) ?? path;
      const translated = fieldMessages[path];
      fields[field] =
        keyMessage(key, fieldParams[path] ? toMessageParams(fieldParams[path]) : params) ??
        // A key the dashboard has no text for: the API's own translation, in the reader's language.
        (typeof translated === 'string' ? { text: translated } : { key: 'validation.invalid' });
      // A nested form (the campaign editor's `variables.2.value`) tells its rows apart by the whole path.
      const nested = path.replace(/^input\./, '');
      if (nested.includes('.')) fields[nested] = fields[field];
    }
  }
  return { code, message, fields };
}

/** The response a loader throws for an API error (see `gql`). */
export function apiErrorResponse(request: Request, error: ApiError): Response {
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return loginRedirect(request);
    case 'PASSWORD_CHANGE_REQUIRED':
      return redirect('/change-password');
    case 'API_UNAVAILABLE':
      return errorResponse({ messageKey: 'errors.apiUnavailable' }, 502);
    case 'FORBIDDEN':
      return errorResponse({ messageKey: 'errors.forbidden.description' }, 403);
    case 'NOT_FOUND':
      return errorResponse({ messageKey: 'errors.notFound.description' }, 404);
    case 'BAD_USER_INPUT':
      return errorResponse(
        'key' in error.message
          ? { messageKey: error.message.key, ...(error.message.params ? { params: error.message.params } : {}) }
          : { messageKey: 'errors.validation' },
        400,
      );
    default: {
      const message = 'key' in error.message ? error.message : undefined;
      return errorResponse(
        message
          ? { messageKey: message.key, ...(message.params ? { params: message.params } : {}) }
          : { messageKey: 'errors.generic' },
        500,
      );
    }
  }
}

function logApiFailure(event: string, requestId: string | null, detail: string | undefined): void {
  console.warn(JSON.stringify({ level: 'warn', event, requestId: requestId ?? undefined, detail }));
}

/** A route that can live without the API (a status card, say) catches this and renders a degraded state. */
export function isApiUnavailable(error: unknown): error is Response {
  return error instanceof Response && error.status === 502;
}

// A thrown Response reaches the nearest ErrorBoundary as `isRouteErrorResponse(error)`, its JSON body as `data`.
export function errorResponse(body: ApiErrorData, status: number): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
