import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

/** Seconds of an nginx time value such as `4s`, `500ms` or `1m`. */
function seconds(value: string): number {
  const match = /^(\d+)(ms|s|m)?$/.exec(value);
  if (!match) throw new Error(`not an nginx time: ${value}`);
  const amount = Number(match[1]);
  return match[2] === 'ms' ? amount / 1000 : match[2] === 'm' ? amount * 60 : amount;
}

/**
 * nginx keeps idle connections to the portal's processes open for reuse. If it keeps one longer
 * than Node does, it sends a request on a socket Node is closing, and a POST there ends in a
 * 502 that nginx never retries: every upstream must give up its idle sockets before Node does.
 */
describe('the nginx site', () => {
  const conf = readFileSync(join(__dirname, '../../ops/nginx/bizone.conf'), 'utf8');
  const upstreams = [...conf.matchAll(/upstream\s+(\S+)\s*\{([^}]*)\}/g)].map(([, name, body]) => ({
    name,
    keepalive: /^\s*keepalive\s+\d+;/m.test(body!),
    idleTimeout: /^\s*keepalive_timeout\s+(\S+);/m.exec(body!)?.[1] ?? '60s', // nginx's default
  }));

  it('declares the upstreams of the API and the dashboard', () => {
    expect(upstreams.map((upstream) => upstream.name).sort()).toEqual(['bizone_api', 'bizone_dashboard']);
  });

  it('closes idle upstream connections before Node’s own keep-alive timeout does', () => {
    const nodeIdleSeconds = createServer().keepAliveTimeout / 1000;
    for (const upstream of upstreams.filter((candidate) => candidate.keepalive)) {
      expect({ upstream: upstream.name, idle: seconds(upstream.idleTimeout) < nodeIdleSeconds }).toEqual({
        upstream: upstream.name,
        idle: true,
      });
    }
  });
});
