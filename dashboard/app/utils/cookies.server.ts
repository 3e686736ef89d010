/**
 * Plain `name=value` cookies. The session cookie must hold the API's token as is (the API reads `bz_session`
 * itself on browser calls through /backend-api), so Remix's signed base64-JSON cookies do not fit here.
 */

export interface CookieOptions {
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: 'Lax' | 'Strict';
}

// RFC 6265 cookie-name (a token) and cookie-octets: no spaces, quotes, commas, semicolons or backslashes.
const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const VALUE = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*$/;

/** The value of cookie `name` in a `Cookie` request header, undefined when absent or empty. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== name) continue;
    const value = part.slice(separator + 1).trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}

export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  if (!NAME.test(name)) throw new TypeError(`Invalid cookie name: ${name}`);
  // A value that could break out of its attribute is a bug upstream, never something to pass on.
  if (!VALUE.test(value)) throw new TypeError(`Invalid value for cookie ${name}`);
  const parts = [`${name}=${value}`, `Max-Age=${Math.max(0, Math.floor(options.maxAge))}`, `Path=${options.path}`];
  if (options.maxAge <= 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  parts.push(`SameSite=${options.sameSite}`);
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
