import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where a workspace may have its replies forwarded. The URL is the workspace's to choose, so
 * the portal must not become a way to reach its own network (SSRF): in production only https
 * to public unicast addresses, checked when the URL is set and again at every connection (the
 * socket connects to the address that was checked, so a DNS answer that changes cannot slip a
 * private address in). Outside production, http to loopback is allowed for local receivers.
 */
export type TargetProblem = 'invalidUrl' | 'httpsRequired' | 'privateAddress' | 'unresolvable';

export class ForwardTargetError extends Error {
  constructor(readonly problem: TargetProblem) {
    super(`reply forwarding target refused: ${problem}`);
  }
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether an address is one a production portal may connect to: public unicast only. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // ::ffff:10.0.0.1 is 10.0.0.1.
  const parsed = ipaddr.process(address);
  return parsed.range() === 'unicast';
}

function isLoopbackHost(hostname: string): boolean {
  if (LOOPBACK_NAMES.has(hostname)) return true;
  const bare = hostname.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(bare) && ipaddr.process(bare).range() === 'loopback';
}

/** Parses and checks the URL's form (no network): https, or http to loopback outside production. */
export function parseForwardUrl(text: string, isProduction: boolean): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ForwardTargetError('invalidUrl');
  }
  if (url.username || url.password || !['https:', 'http:'].includes(url.protocol)) {
    throw new ForwardTargetError('invalidUrl');
  }
  if (url.protocol === 'http:' && (isProduction || !isLoopbackHost(url.hostname))) {
    throw new ForwardTargetError('httpsRequired');
  }
  return url;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request: resolves as usual, and in production fails the connection
 * when any address is not public, so the checked address is the one connected to.
 */
export function guardedLookup(isProduction: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      if (isProduction && (addresses.length === 0 || !addresses.every((entry) => isPublicAddress(entry.address)))) {
        return callback(Object.assign(new ForwardTargetError('privateAddress'), { code: 'EPRIVATE' }), '');
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      return callback(null, first!.address, first!.family);
    });
  };
}

/** The full check when a URL is set: its form, and in production where its name resolves now. */
export async function checkForwardUrl(text: string, isProduction: boolean): Promise<URL> {
  const url = parseForwardUrl(text, isProduction);
  if (!isProduction) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    if (!isPublicAddress(host)) throw new ForwardTargetError('privateAddress');
    return url;
  }
  const addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, found) => (error ? reject(error) : resolve(found))),
  ).catch(() => {
    throw new ForwardTargetError('unresolvable');
  });
  if (addresses.length === 0 || !addresses.every((entry) => isPublicAddress(entry.address))) {
    throw new ForwardTargetError('privateAddress');
  }
  return url;
}
