import { createServer, type Server } from 'node:http';
import { listenOn } from '../core/listen';
import { metricsRegistry } from './registry';

/**
 * Prometheus' scrape endpoint, `GET /metrics`, on its own listener (METRICS_HOST:METRICS_PORT,
 * loopback by default) so nothing published through nginx can reach it: the API's own port only
 * serves what nginx forwards, and this one is never in an nginx site.
 */
export async function startMetricsServer(host: string, port: number): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    metricsRegistry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(text),
      () => response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
  await listenOn(server, host, port, 'METRICS_PORT');
  const address = server.address();
  return { server, url: `http://${host}:${typeof address === 'object' && address ? address.port : port}/metrics` };
}
