import { redirect } from '@remix-run/node';
import { readCookie, serializeCookie } from './cookies.server';
import { getEnv } from './env.server';

/**
 * A one-time link (an invitation, a password reset) carries its secret in the URL it was handed over as. Its first
 * request moves the secret into a short-lived httpOnly cookie and redirects to the page
 * without it, so the secret never appears in a Referer, a `redirectTo`, the browser's history of the page, or a
 * request log after that first line (which nginx leaves out of its access log).
 */
const LINKS = {
  invite: { cookie: 'bz_invite', page: '/invite' },
  reset: { cookie: 'bz_reset', page: '/reset-password' },
} as const;

export type LinkKind = keyof typeof LINKS;

const HOLD_SECONDS = 60 * 60;

function cookie(kind: LinkKind, value: string, maxAge: number): string {
  // Path=/ rather than the page's: Remix posts the page's form to `/invite.data`, outside an `/invite` path.
  return serializeCookie(LINKS[kind].cookie, value, {
    maxAge,
    path: '/',
    secure: getEnv().SECURE_COOKIES,
    httpOnly: true,
    sameSite: 'Lax',
  });
}

/** The first request of a link: keep its secret, go to the page. Anything that is not a link shape is dropped. */
export function captureLink(kind: LinkKind, token: string | undefined): Response {
  const shaped = token && /^[\w-]{10,200}$/.test(token) ? token : undefined;
  return redirect(LINKS[kind].page, {
    headers: { 'Set-Cookie': shaped ? cookie(kind, shaped, HOLD_SECONDS) : cookie(kind, '', 0) },
  });
}

export function linkToken(request: Request, kind: LinkKind): string | undefined {
  return readCookie(request.headers.get('Cookie'), LINKS[kind].cookie);
}

/** The link did its work: forget it. */
export function forgetLink(kind: LinkKind): string {
  return cookie(kind, '', 0);
}
