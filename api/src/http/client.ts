import type { IncomingMessage } from 'node:http';
import accepts from 'accepts';
import proxyAddr from 'proxy-addr';
import { LANGUAGES, type Language } from '../core/messages';

/**
 * Client facts the API needs outside express: the caller's address (X-Forwarded-For only
 * from a trusted proxy, as express's `trust proxy` does, with the same library) and the
 * language it reads.
 */
export function clientAddressResolver(trustPrivateNetworks: boolean) {
  // The dashboard server and nginx on loopback; with TRUST_PROXY, a proxy on a private network too.
  const trust = proxyAddr.compile(trustPrivateNetworks ? ['loopback', 'linklocal', 'uniquelocal'] : ['loopback']);
  return (request: IncomingMessage): string | undefined => proxyAddr(request, trust);
}

const languageByHeader = new Map<string, Language>();

/** The caller's language from Accept-Language (cached: a handful of distinct headers recur). */
export function languageOf(request: IncomingMessage): Language {
  const header = request.headers['accept-language'] ?? '';
  let language = languageByHeader.get(header);
  if (!language) {
    language = accepts(request).languages(...LANGUAGES) === 'id' ? 'id' : 'en';
    if (languageByHeader.size > 1000) languageByHeader.clear();
    languageByHeader.set(header, language);
  }
  return language;
}
