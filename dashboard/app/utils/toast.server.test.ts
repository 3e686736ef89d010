import { getToast, redirectWithToast, toastHeader } from './toast.server';

/** The `name=value` part of a Set-Cookie header, as the browser would send it back. */
function cookieFrom(setCookie: string): string {
  return setCookie.split(';')[0] ?? '';
}

function requestWith(cookie?: string): Request {
  return new Request('http://localhost/settings/members', cookie ? { headers: { Cookie: cookie } } : {});
}

describe('toasts after a redirect (post/redirect/get)', () => {
  it('redirects with a one-shot cookie that the next page reads once and deletes', async () => {
    const response = await redirectWithToast('/settings/members', {
      type: 'success',
      key: 'members.roleChanged',
      params: { name: 'Sari' },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/settings/members');
    const setCookie = response.headers.get('Set-Cookie') ?? '';
    expect(setCookie).toMatch(/^bz_toast=.+; Max-Age=60; Path=\/; HttpOnly; SameSite=Lax$/);

    const { toast, headers } = await getToast(requestWith(cookieFrom(setCookie)));
    expect(toast).toMatchObject({ type: 'success', key: 'members.roleChanged', params: { name: 'Sari' } });
    expect(toast?.id).toMatch(/^[0-9a-f-]{36}$/);
    // The same response deletes it, so a refresh shows nothing again.
    expect(new Headers(headers).get('Set-Cookie')).toMatch(/^bz_toast=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970/);
  });

  it('keeps other cookies of the redirect (a language just chosen)', async () => {
    const response = await redirectWithToast(
      '/settings/profile',
      { type: 'success', key: 'profile.details.saved' },
      { headers: { 'Set-Cookie': 'lng=en; Path=/' } },
    );
    expect(response.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^lng=en/),
      expect.stringMatching(/^bz_toast=/),
    ]);
  });

  it('has nothing to show without the cookie, and drops a cookie that is not a toast of ours', async () => {
    expect(await getToast(requestWith())).toEqual({ toast: null });
    const forged = Buffer.from(JSON.stringify({ id: 'x', type: 'success', key: 'no.such.key' })).toString('base64');
    const result = await getToast(requestWith(`bz_toast=${encodeURIComponent(forged)}`));
    expect(result.toast).toBeNull();
    expect(new Headers(result.headers).get('Set-Cookie')).toMatch(/^bz_toast=; Max-Age=0/);
  });

  it('gives two toasts in a row different ids, so the second one shows too', async () => {
    const first = await getToast(requestWith(cookieFrom(await toastHeader({ type: 'success', key: 'roles.deleted' }))));
    const second = await getToast(
      requestWith(cookieFrom(await toastHeader({ type: 'success', key: 'roles.deleted' }))),
    );
    expect(first.toast?.id).not.toBe(second.toast?.id);
  });
});
