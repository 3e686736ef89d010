import { Client, cacheExchange, fetchExchange } from '@urql/core';

/**
 * The browser's GraphQL client. `/backend-api/` reaches the API through nginx in production and through the
 * dashboard server's proxy otherwise. Not named `*.client.ts`: Remix would empty such a module on the server, and
 * the root renders urql's Provider there too (it never queries during SSR; loaders use `gql` instead).
 */
export function createBrowserClient(): Client {
  return new Client({
    url: '/backend-api/graphql',
    exchanges: [cacheExchange, fetchExchange],
    // Apollo's CSRF prevention rejects the GET that urql would otherwise send for short queries.
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
  });
}
