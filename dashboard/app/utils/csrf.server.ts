/**
 * Every action calls this first. The session cookie is SameSite=Lax, so other sites cannot post with it in any
 * current browser; this is the second lock for older browsers and same-site subdomains: a browser always sends
 * `Origin` on a cross-origin POST, and it must name this host. Requests without `Origin` (curl, some same-origin
 * navigations) pass; they carry no ambient credentials of a victim.
 */
export function requireSameOrigin(request: Request): void {
  const origin = request.headers.get('Origin');
  if (origin === null) return;
  if (originHost(origin) === new URL(request.url).host) return;
  throw new Response(JSON.stringify({ messageKey: 'errors.crossSite' }), {
    status: 403,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}

function originHost(origin: string): string | undefined {
  // `Origin: null` (sandboxed frames, some redirects) is not this host either.
  if (origin === 'null') return undefined;
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
