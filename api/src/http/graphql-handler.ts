import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import { isAppError } from '../core/app-error';
import { mapError } from '../core/error-mapping';
import type { GraphQLContext } from '../graphql/context';
import { readBody } from './body';
import { languageOf } from './client';

/** Bodies above this are refused before parsing (a GraphQL document plus variables, not an upload). */
export const MAX_BODY_BYTES = 1024 * 1024;

function isJson(request: IncomingMessage): boolean {
  const type = request.headers['content-type'];
  return typeof type === 'string' && /^application\/(.+\+)?json\s*(;|$)/i.test(type);
}

/**
 * Apollo Server on a plain Node request, the way Apollo's own integrations are built
 * (HeaderMap in, executeHTTPGraphQLRequest, status/headers/body out), without express's
 * router and response helpers in between: on this machine they cost about a fifth of a
 * GraphQL request. Only JSON bodies are parsed; anything else reaches Apollo without a
 * body, and its CSRF prevention and validation answer 400 as they would behind express.
 */
export function graphqlHandler(
  server: ApolloServer<GraphQLContext>,
  context: (request: IncomingMessage) => Promise<GraphQLContext>,
) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    let body: unknown;
    try {
      if (request.method === 'POST') {
        const raw = (await readBody(request, MAX_BODY_BYTES)).toString('utf8');
        if (isJson(request) && raw.length > 0) {
          try {
            body = JSON.parse(raw);
          } catch {
            throw new Error('request body is not valid JSON');
          }
        }
      }
    } catch (error) {
      const status = isAppError(error) ? error.httpStatus : 400;
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(
        JSON.stringify({ errors: [{ message: (error as Error).message, extensions: { code: 'BAD_REQUEST' } }] }),
      );
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = request.url ?? '';
    const query = url.indexOf('?');
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: (request.method ?? 'GET').toUpperCase(),
      headers,
      search: query >= 0 ? url.slice(query) : '',
      body,
    };
    // The context (who is calling: one query) is built before Apollo runs, so a database that is away answers
    // like any other error (503 SERVICE_UNAVAILABLE, translated) instead of Apollo's "context creation failed" 500.
    let contextValue: GraphQLContext;
    try {
      contextValue = await context(request);
    } catch (error) {
      const mapped = mapError(error, { language: languageOf(request), requestId: request.id });
      if (mapped.status >= 500 && mapped.code !== 'SERVICE_UNAVAILABLE') {
        request.log.error({ err: error }, 'graphql context failed');
      }
      const { status, message, ...extensions } = mapped;
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ errors: [{ message, extensions }] }));
      return;
    }
    const result = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: async () => contextValue });
    response.statusCode = result.status ?? 200;
    for (const [key, value] of result.headers) response.setHeader(key, value);
    if (result.body.kind === 'complete') {
      response.setHeader('content-length', Buffer.byteLength(result.body.string));
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };
}

/** Whether a request is for the GraphQL endpoint (path only; the handler checks the method). */
export function isGraphQLRequest(request: IncomingMessage, path: string): boolean {
  const url = request.url ?? '';
  return url === path || url.startsWith(`${path}?`);
}
