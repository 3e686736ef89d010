import { Client, fetchExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { isTranslationKey, type TranslationKey } from '../i18n';
import { getEnv } from './env.server';
import { getLanguage } from './language.server';

/** What a thrown API failure carries to the ErrorBoundary: a key the dashboard translates, never the raw error. */
export interface ApiErrorData {
  messageKey: TranslationKey;
}

// A loader waiting on a hung API would hang the page; give up well before nginx's own proxy timeout (60 s).
const API_TIMEOUT_MS = 10_000;

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
 * Runs a codegen-typed GraphQL document against the API on behalf of the browser request being served.
 * Throws a 502 response (`errors.apiUnavailable`) when the API cannot be reached, and a 500 one when it answers
 * with errors, so loaders only see data.
 */
export async function gql<TData, TVariables extends AnyVariables>(
  request: Request,
  document: TypedDocumentNode<TData, TVariables>,
  ...[variables]: VariablesArgs<TVariables>
): Promise<TData> {
  const headers: Record<string, string> = { 'accept-language': getLanguage(request) };
  const requestId = request.headers.get('x-request-id');
  if (requestId) headers['x-request-id'] = requestId;

  const result = await getClient()
    .query(document, (variables ?? {}) as TVariables, { fetchOptions: { headers } })
    .toPromise();

  if (result.error?.networkError || (!result.error && !result.data)) {
    logApiFailure('api_unreachable', requestId, result.error?.networkError?.message);
    throw apiErrorResponse({ messageKey: 'errors.apiUnavailable' }, 502);
  }
  if (result.error || !result.data) {
    const first = result.error?.graphQLErrors[0];
    logApiFailure('api_error', requestId, first?.message);
    const messageKey = first?.extensions.messageKey;
    throw apiErrorResponse({ messageKey: isTranslationKey(messageKey) ? messageKey : 'errors.generic' }, 500);
  }
  return result.data;
}

function logApiFailure(event: string, requestId: string | null, detail: string | undefined): void {
  console.warn(JSON.stringify({ level: 'warn', event, requestId: requestId ?? undefined, detail }));
}

/** A route that can live without the API (a status card, say) catches this and renders a degraded state. */
export function isApiUnavailable(error: unknown): error is Response {
  return error instanceof Response && error.status === 502;
}

// A thrown Response reaches the nearest ErrorBoundary as `isRouteErrorResponse(error)`, its JSON body as `data`.
function apiErrorResponse(body: ApiErrorData, status: number): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
