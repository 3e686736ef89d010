import { redirect } from '@remix-run/node';
import { readCookie, serializeCookie, type CookieOptions } from './cookies.server';
import { getEnv } from './env.server';
import { safeRedirectPath } from './redirect';

/** The API session token (`bzs_...`). The API slides the session itself; the cookie only has to outlive it. */
export const SESSION_COOKIE = 'bz_session';
/** The login challenge between the password and the two-factor step, valid five minutes at the API. */
export const TWO_FACTOR_COOKIE = 'bz_2fa';

const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const CHALLENGE_MAX_AGE_SECONDS = 5 * 60;
// Only the two-factor page needs the challenge; the cookie is not sent anywhere else.
const CHALLENGE_PATH = '/login';

// Tokens are opaque to the dashboard, but they go into an Authorization header: printable ASCII, bounded.
const TOKEN = /^[\x21-\x7e]{8,512}$/;

function options(maxAge: number, path: string, secure: boolean): CookieOptions {
  return { maxAge, path, secure, httpOnly: true, sameSite: 'Lax' };
}

function secureDefault(): boolean {
  return getEnv().SECURE_COOKIES;
}

export function getSessionToken(request: Request): string | undefined {
  const value = readCookie(request.headers.get('Cookie'), SESSION_COOKIE);
  return value && TOKEN.test(value) ? value : undefined;
}

export function commitSessionCookie(token: string, { secure = secureDefault() } = {}): string {
  return serializeCookie(SESSION_COOKIE, token, options(SESSION_MAX_AGE_SECONDS, '/', secure));
}

export function destroySessionCookie({ secure = secureDefault() } = {}): string {
  return serializeCookie(SESSION_COOKIE, '', options(0, '/', secure));
}

export function getChallengeToken(request: Request): string | undefined {
  const value = readCookie(request.headers.get('Cookie'), TWO_FACTOR_COOKIE);
  return value && TOKEN.test(value) ? value : undefined;
}

export function commitChallengeCookie(token: string, { secure = secureDefault() } = {}): string {
  return serializeCookie(TWO_FACTOR_COOKIE, token, options(CHALLENGE_MAX_AGE_SECONDS, CHALLENGE_PATH, secure));
}

export function destroyChallengeCookie({ secure = secureDefault() } = {}): string {
  return serializeCookie(TWO_FACTOR_COOKIE, '', options(0, CHALLENGE_PATH, secure));
}

/**
 * The page the reader was on, to come back to after signing in. Single-fetch data requests
 * (`/settings/members.data?_routes=...`) name the page they load for.
 */
export function currentPath(request: Request): string {
  const url = new URL(request.url);
  let pathname = url.pathname;
  if (pathname === '/_root.data') pathname = '/';
  else if (pathname.endsWith('.data')) pathname = pathname.slice(0, -'.data'.length);
  url.searchParams.delete('_routes');
  url.searchParams.delete('index');
  const search = url.searchParams.toString();
  return `${pathname}${search ? `?${search}` : ''}`;
}

/**
 * To the login page, coming back here afterwards, with the session cookie cleared. `expired` when the browser
 * held a session the API no longer accepts (revoked, expired), so the login page can say why.
 */
export function loginRedirect(request: Request): Response {
  const back = safeRedirectPath(currentPath(request));
  const params = new URLSearchParams();
  if (back && back !== '/' && !back.startsWith('/login')) params.set('redirectTo', back);
  if (getSessionToken(request)) params.set('notice', 'sessionExpired');
  const query = params.toString();
  return redirect(`/login${query ? `?${query}` : ''}`, { headers: { 'Set-Cookie': destroySessionCookie() } });
}
