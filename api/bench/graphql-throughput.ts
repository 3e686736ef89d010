import autocannon from 'autocannon';
import { rmSync } from 'node:fs';
import { freshDataDir, startPortal } from './support';

export interface ThroughputResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  connections: number;
  durationS: number;
}

/** `{ __typename }` over HTTP against one API process (the portal's), load from this process. */
export async function benchGraphqlTypename(durationS = 10, connections = 50): Promise<ThroughputResult> {
  const dataDir = freshDataDir();
  const { portal } = await startPortal(dataDir);
  try {
    const options = {
      url: `${portal.apiUrl}/api/graphql`,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      connections,
    };
    await autocannon({ ...options, duration: 2 }); // warm-up (JIT, connection pools)
    const result = await autocannon({ ...options, duration: durationS });
    return {
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors,
      non2xx: result.non2xx,
      connections,
      durationS,
    };
  } finally {
    await portal.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function describeThroughput(result: ThroughputResult): string[] {
  return [
    `GraphQL { __typename }: ${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms ` +
      `(${result.connections} connections, ${result.durationS} s, errors ${result.errors}, non-2xx ${result.non2xx})`,
  ];
}
