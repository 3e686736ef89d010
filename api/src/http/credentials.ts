import { parse as parseCookies } from 'cookie';
import type { IncomingMessage } from 'node:http';

/** The dashboard keeps the session token in this cookie; browser calls through /backend-api carry it. */
export const SESSION_COOKIE = 'bz_session';

/**
 * The bearer credential of a request: `Authorization: Bearer …` (scripts, the dashboard
 * server) or the session cookie (the browser). Cookie-carried requests stay CSRF-safe: the
 * cookie is SameSite=Lax and Apollo refuses simple (form-like) requests.
 */
export function credentialOf(request: Pick<IncomingMessage, 'headers'>): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  const cookies = request.headers.cookie;
  return cookies ? parseCookies(cookies)[SESSION_COOKIE] || undefined : undefined;
}
