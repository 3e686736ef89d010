import { readCookie, serializeCookie } from './cookies.server';
import {
  commitChallengeCookie,
  commitSessionCookie,
  currentPath,
  destroyChallengeCookie,
  destroySessionCookie,
  getChallengeToken,
  getSessionToken,
  loginRedirect,
} from './session.server';

const TOKEN = 'bzs_3q2-Ab_9xYzK7LmN0pQrStUvWx';

/** A Set-Cookie value as its name=value and a set of attributes (their order carries no meaning). */
function cookie(header: string) {
  const [pair, ...attributes] = header.split('; ');
  return { pair, attributes: new Set(attributes) };
}

function request(path: string, headers: Record<string, string> = {}): Request {
  return new Request(`http://dashboard.test${path}`, { headers });
}

describe('readCookie', () => {
  it('finds a cookie among others, whatever the spacing', () => {
    expect(readCookie('lng=id;bz_session=abc; theme=dark', 'bz_session')).toBe('abc');
    expect(readCookie(' bz_session = abc ', 'bz_session')).toBe('abc');
  });

  it('does not mistake a cookie whose name only ends the same way', () => {
    expect(readCookie('xbz_session=evil; bz_session_old=1', 'bz_session')).toBeUndefined();
  });

  it('treats a missing header or an empty value as no cookie', () => {
    expect(readCookie(null, 'bz_session')).toBeUndefined();
    expect(readCookie('bz_session=', 'bz_session')).toBeUndefined();
  });
});

describe('serializeCookie', () => {
  const options = { maxAge: 60, path: '/', secure: false, httpOnly: true, sameSite: 'Lax' as const };

  it('refuses a value that would inject attributes or a second cookie', () => {
    expect(() => serializeCookie('bz_session', 'abc; Domain=evil.example', options)).toThrow(TypeError);
    expect(() => serializeCookie('bz_session', 'a\r\nSet-Cookie: x=y', options)).toThrow(TypeError);
    expect(() => serializeCookie('bad name', 'abc', options)).toThrow(TypeError);
  });
});

describe('the session cookie', () => {
  it('is httpOnly, SameSite=Lax, for the whole site, for 30 days', () => {
    expect(cookie(commitSessionCookie(TOKEN, { secure: false }))).toEqual({
      pair: `bz_session=${TOKEN}`,
      attributes: new Set(['Max-Age=2592000', 'Path=/', 'SameSite=Lax', 'HttpOnly']),
    });
  });

  function freshModule(env: Record<string, string | undefined>) {
    const previous = { NODE_ENV: process.env.NODE_ENV, PUBLIC_URL: process.env.PUBLIC_URL };
    Object.assign(process.env, env);
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
    let fresh: typeof import('./session.server') | undefined;
    try {
      jest.isolateModules(() => {
        // A fresh module registry reads the environment anew (getEnv caches it).
        fresh = require('./session.server') as typeof import('./session.server');
        fresh.commitSessionCookie(TOKEN);
      });
    } finally {
      for (const [key, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    return fresh!;
  }

  it('is Secure when asked, and by default when NODE_ENV is production', () => {
    expect(cookie(commitSessionCookie(TOKEN, { secure: true })).attributes.has('Secure')).toBe(true);
    const production = freshModule({ NODE_ENV: 'production', PUBLIC_URL: undefined });
    expect(cookie(production.commitSessionCookie(TOKEN)).attributes.has('Secure')).toBe(true);
    expect(cookie(production.destroySessionCookie()).attributes.has('Secure')).toBe(true);
    expect(cookie(commitSessionCookie(TOKEN)).attributes.has('Secure')).toBe(false); // jest runs with NODE_ENV=test
  });

  it('follows the scheme of PUBLIC_URL: an http demo on the LAN keeps its session, https is Secure', () => {
    const lan = freshModule({ NODE_ENV: 'production', PUBLIC_URL: 'http://192.168.1.20:3000' });
    expect(cookie(lan.commitSessionCookie(TOKEN)).attributes.has('Secure')).toBe(false);
    const tls = freshModule({ NODE_ENV: 'production', PUBLIC_URL: 'https://portal.example.co.id' });
    expect(cookie(tls.commitSessionCookie(TOKEN)).attributes.has('Secure')).toBe(true);
  });

  it('is deleted with an empty value, Max-Age=0 and a past expiry, on the same path', () => {
    expect(cookie(destroySessionCookie({ secure: false }))).toEqual({
      pair: 'bz_session=',
      attributes: new Set(['Max-Age=0', 'Path=/', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'SameSite=Lax', 'HttpOnly']),
    });
  });

  it('is read back as the token, and anything that cannot be a token is ignored', () => {
    expect(getSessionToken(request('/', { Cookie: `lng=en; bz_session=${TOKEN}` }))).toBe(TOKEN);
    expect(getSessionToken(request('/', { Cookie: 'bz_session=short' }))).toBeUndefined();
    expect(getSessionToken(request('/', { Cookie: `bz_session=${'x'.repeat(600)}` }))).toBeUndefined();
    expect(getSessionToken(request('/'))).toBeUndefined();
  });
});

describe('the two-factor challenge cookie', () => {
  it('lives five minutes and only under /login', () => {
    expect(cookie(commitChallengeCookie('bzc_challenge123', { secure: false }))).toEqual({
      pair: 'bz_2fa=bzc_challenge123',
      attributes: new Set(['Max-Age=300', 'Path=/login', 'SameSite=Lax', 'HttpOnly']),
    });
    expect(destroyChallengeCookie({ secure: false })).toMatch(/^bz_2fa=; Max-Age=0; Path=\/login;/);
    expect(getChallengeToken(request('/login/two-factor', { Cookie: 'bz_2fa=bzc_challenge123' }))).toBe(
      'bzc_challenge123',
    );
  });
});

describe('currentPath', () => {
  it('names the page a single-fetch data request loads for', () => {
    expect(currentPath(request('/settings/members.data?_routes=routes%2F_app&remove=7'))).toBe(
      '/settings/members?remove=7',
    );
    expect(currentPath(request('/_root.data'))).toBe('/');
    expect(currentPath(request('/settings/profile?index'))).toBe('/settings/profile');
  });
});

describe('loginRedirect', () => {
  it('goes to /login with the page to come back to, and clears the session cookie', () => {
    const response = loginRedirect(request('/settings/members?remove=7'));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Fsettings%2Fmembers%3Fremove%3D7');
    expect(response.headers.get('Set-Cookie')).toMatch(/^bz_session=; Max-Age=0;/);
  });

  it('says the session ended when the browser still had one, and skips a pointless redirectTo', () => {
    const response = loginRedirect(request('/', { Cookie: `bz_session=${TOKEN}` }));
    expect(response.headers.get('Location')).toBe('/login?notice=sessionExpired');
  });
});
