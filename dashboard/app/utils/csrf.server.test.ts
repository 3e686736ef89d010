import { requireSameOrigin } from './csrf.server';

function post(url: string, origin?: string): Request {
  return new Request(url, { method: 'POST', headers: origin === undefined ? {} : { Origin: origin } });
}

function refusal(request: Request): Response | undefined {
  try {
    requireSameOrigin(request);
    return undefined;
  } catch (error) {
    return error as Response;
  }
}

describe('requireSameOrigin', () => {
  it('lets a form from this host through, port included', () => {
    expect(refusal(post('http://127.0.0.1:3000/login', 'http://127.0.0.1:3000'))).toBeUndefined();
    expect(refusal(post('https://portal.example.com/logout', 'https://portal.example.com'))).toBeUndefined();
  });

  it('lets a request without Origin through (no browser sends a cross-site POST without one)', () => {
    expect(refusal(post('https://portal.example.com/logout'))).toBeUndefined();
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['a sibling subdomain', 'https://evil.portal.example.com'],
    ['another port of this host', 'https://portal.example.com:8443'],
    ['an opaque origin', 'null'],
    ['garbage', 'not a url'],
  ])('answers a form posted from %s with 403 and a translatable key', async (_, origin) => {
    const response = refusal(post('https://portal.example.com/settings/members', origin));
    expect(response).toBeInstanceOf(Response);
    expect(response?.status).toBe(403);
    expect(await response?.json()).toEqual({ messageKey: 'errors.crossSite' });
  });
});
