import { parse, serialize } from 'cookie';

/**
 * Plain `name=value` cookies through the `cookie` package. The session cookie must hold the
 * API's token as is (the API reads `bz_session` itself on browser calls through
 * /backend-api), so Remix's signed base64-JSON cookies do not fit here.
 */

export interface CookieOptions {
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: 'Lax' | 'Strict';
}

/** The value of cookie `name` in a `Cookie` request header, undefined when absent or empty. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  return parse(header)[name] || undefined;
}

export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const maxAge = Math.max(0, Math.floor(options.maxAge));
  return serialize(name, value, {
    maxAge,
    // An explicit past date too: some clients ignore Max-Age=0.
    ...(maxAge === 0 ? { expires: new Date(0) } : {}),
    path: options.path,
    sameSite: options.sameSite === 'Lax' ? 'lax' : 'strict',
    httpOnly: options.httpOnly,
    secure: options.secure,
    // Tokens are URL-safe already; encoding would change what the API receives.
    encode: (raw) => raw,
  });
}
