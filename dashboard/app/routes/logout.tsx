import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { graphql } from '../graphql';
import { requireSameOrigin } from '../utils/csrf.server';
import { gqlResult } from '../utils/graphql.server';
import { safeRedirectPath } from '../utils/redirect';
import { destroySessionCookie, getSessionToken } from '../utils/session.server';

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

/** Ends the session at the API (so the token is dead everywhere) and forgets it here. POST only. */
export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  if (getSessionToken(request)) {
    // Signing out must work even when the session is already gone or the API is down: the cookie goes anyway.
    const result = await gqlResult(request, LogoutMutation);
    if (result.error && result.error.code !== 'UNAUTHENTICATED') {
      console.warn(JSON.stringify({ level: 'warn', event: 'logout_failed', code: result.error.code }));
    }
  }
  // "Sign out and come back" (an invitation for another account): the way back, if it is one of ours.
  const back = safeRedirectPath(String((await request.formData()).get('redirectTo') ?? '') || undefined);
  const query = new URLSearchParams({ notice: 'signedOut', ...(back ? { redirectTo: back } : {}) });
  return redirect(`/login?${query}`, { headers: { 'Set-Cookie': destroySessionCookie() } });
}

// A link or a prefetch must not sign anyone out: only the form's POST does.
export function loader() {
  return redirect('/');
}
