import autocannon from 'autocannon';
import { rmSync } from 'node:fs';
import { freshDataDir, startPortal } from './support';

const ADMIN = { email: 'admin@bizone.id', password: 'ChangeMe123!' };

async function graphql(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, { sessionToken?: string }> };
}

/** Median latency of one request at a time, to the microsecond (autocannon reports whole ms). */
async function sequentialP50(
  url: string,
  body: string,
  headers: Record<string, string>,
  count = 2000,
): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    await response.arrayBuffer();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return Math.round(samples[Math.floor(count / 2)] * 1000) / 1000;
}

const LOGIN =
  'mutation ($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { status sessionToken } }';

export interface IdentityBench {
  login: { perSecond: number; p50Ms: number; p95Ms: number; connections: number };
  typename: { anonymousP50Ms: number; authenticatedP50Ms: number; anonymousRps: number; authenticatedRps: number };
}

/**
 * Login throughput and latency on the embedded portal (the seeded admin), and what resolving
 * a session costs per request: `{ __typename }` anonymous vs with a session token.
 */
export async function benchIdentity(): Promise<IdentityBench> {
  const dataDir = freshDataDir();
  const { portal } = await startPortal(dataDir);
  const url = `${portal.apiUrl}/api/graphql`;
  try {
    const login = await autocannon({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { e: ADMIN.email, p: ADMIN.password } }),
      connections: 4,
      duration: 10,
    });
    const session = (await graphql(url, LOGIN, { e: ADMIN.email, p: ADMIN.password })).data!.login.sessionToken!;
    const typename = JSON.stringify({ query: '{ __typename }' });
    const measure = async (headers: Record<string, string>, connections: number) =>
      autocannon({
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typename,
        connections,
        duration: 8,
      });
    await measure({}, 10); // warm-up
    const anonymousP50Ms = await sequentialP50(url, typename, {});
    const authenticatedP50Ms = await sequentialP50(url, typename, { authorization: `Bearer ${session}` });
    const anonymousLoad = await measure({}, 50);
    const authenticatedLoad = await measure({ authorization: `Bearer ${session}` }, 50);
    return {
      login: {
        perSecond: Math.round(login.requests.average),
        p50Ms: login.latency.p50,
        p95Ms: (login.latency as unknown as Record<string, number>).p97_5 ?? login.latency.p99,
        connections: 4,
      },
      typename: {
        anonymousP50Ms,
        authenticatedP50Ms,
        anonymousRps: Math.round(anonymousLoad.requests.average),
        authenticatedRps: Math.round(authenticatedLoad.requests.average),
      },
    };
  } finally {
    await portal.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function describeIdentity({ login, typename }: IdentityBench): string[] {
  return [
    `login (argon2id): ${login.perSecond}/s with ${login.connections} connections, p50 ${login.p50Ms} ms, p97.5 ${login.p95Ms} ms`,
    `{ __typename } p50 at 1 connection: anonymous ${typename.anonymousP50Ms} ms, with a session ${typename.authenticatedP50Ms} ms`,
    `{ __typename } at 50 connections: anonymous ${typename.anonymousRps} req/s, with a session ${typename.authenticatedRps} req/s`,
  ];
}
