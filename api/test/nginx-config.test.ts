import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { WEBHOOK_MAX_BODY_BYTES, WEBHOOK_PATH } from '../src/modules/channels';

/** Bytes of an nginx size value such as `2m`, `512k` or `1g` (nginx's k, m and g are powers of 1,024). */
function bytes(value: string): number {
  const match = /^(\d+)([kmg])?$/i.exec(value);
  if (!match) throw new Error(`not an nginx size: ${value}`);
  const power = { k: 1, m: 2, g: 3 }[match[2]?.toLowerCase() as 'k' | 'm' | 'g'] ?? 0;
  return Number(match[1]) * 1024 ** power;
}

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

  it('lets through Meta webhook bodies as large as the webhook route takes (4 MiB), not only the site’s limit', () => {
    const location = /location\s+(\S+)\s*\{([^}]*)\}/g;
    // nginx serves a request from the longest prefix location that matches it (no regex location names webhooks).
    const serving = [...conf.matchAll(location)]
      .filter(([, prefix]) => WEBHOOK_PATH.startsWith(prefix!))
      .sort((a, b) => b[1]!.length - a[1]!.length)[0];
    expect(serving?.[1]).toBe('/api/webhooks/');
    const site = /^\s*client_max_body_size\s+(\S+);/m.exec(conf.replace(location, ''))?.[1] ?? '1m'; // nginx's default
    const limit = /client_max_body_size\s+(\S+);/.exec(serving![2]!)?.[1] ?? site;
    expect(bytes(limit)).toBe(WEBHOOK_MAX_BODY_BYTES);
  });
});
