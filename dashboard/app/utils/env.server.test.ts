import { parseEnv } from './env.server';
import { contentSecurityPolicy, parseReportOnly, securityHeaders } from '../../security-headers.js';
import { publicEnvScript } from './public-env';

describe('the dashboard environment', () => {
  it('takes the defaults of a local start, and Secure cookies from an https PUBLIC_URL', () => {
    expect(parseEnv({})).toEqual({
      API_INTERNAL_URL: 'http://127.0.0.1:3001',
      SECURE_COOKIES: false,
      MODE: 'development',
      SNAP: null,
    });
    expect(parseEnv({ NODE_ENV: 'production' }).SECURE_COOKIES).toBe(true);
    expect(parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'http://192.168.1.20:3000' }).SECURE_COOKIES).toBe(false);
    expect(parseEnv({ PUBLIC_URL: 'https://portal.example.co.id' }).SECURE_COOKIES).toBe(true);
    expect(parseEnv({ PUBLIC_URL: 'https://portal.example.co.id/' }).PUBLIC_URL).toBe('https://portal.example.co.id');
    expect(parseEnv({ API_INTERNAL_URL: 'http://api.internal:3001//' }).API_INTERNAL_URL).toBe(
      'http://api.internal:3001',
    );
  });

  it('loads Snap from Midtrans sandbox or production by MIDTRANS_ENV, or from MIDTRANS_SNAP_BASE_URL', () => {
    const key = 'SB-Mid-client-abcdef123';
    expect(parseEnv({ MIDTRANS_CLIENT_KEY: key }).SNAP).toEqual({
      scriptUrl: 'https://app.sandbox.midtrans.com/snap/snap.js',
      clientKey: key,
    });
    expect(parseEnv({ MIDTRANS_CLIENT_KEY: key, MIDTRANS_ENV: 'production' }).SNAP?.scriptUrl).toBe(
      'https://app.midtrans.com/snap/snap.js',
    );
    expect(
      parseEnv({ MIDTRANS_CLIENT_KEY: key, MIDTRANS_SNAP_BASE_URL: 'http://127.0.0.1:3102/' }).SNAP?.scriptUrl,
    ).toBe('http://127.0.0.1:3102/snap/snap.js');
    // Without a client key there is no popup: the top-up redirects to Snap's page.
    expect(parseEnv({ MIDTRANS_ENV: 'production' }).SNAP).toBeNull();
  });

  it('allows exactly Snap’s origin in the CSP: its script, its popup frame, and the no-JS redirect of the form', () => {
    const policy = Object.fromEntries(
      contentSecurityPolicy({ nonce: 'n0nce', development: false, snapOrigin: 'https://app.midtrans.com' })
        .split('; ')
        .map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]),
    );
    expect(policy['script-src']).toEqual(["'self'", "'nonce-n0nce'", 'https://app.midtrans.com']);
    expect(policy['frame-src']).toEqual(['https://app.midtrans.com']);
    expect(policy['form-action']).toEqual(["'self'", 'https://app.midtrans.com']);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['default-src']).toEqual(["'self'"]);
    const without = contentSecurityPolicy({ nonce: 'n0nce', development: false });
    expect(without).toContain("frame-src 'none'");
    expect(without).toContain("form-action 'self';");
  });

  it('sends the same policy as Report-Only when CSP_REPORT_ONLY is on, for a first production top-up', () => {
    const headersOf = (reportOnly?: boolean) => {
      const headers: Record<string, string> = {};
      const response = { locals: {}, setHeader: (name: string, value: string) => void (headers[name] = value) };
      const middleware = securityHeaders({
        development: false,
        https: true,
        snapOrigin: 'https://app.midtrans.com',
        ...(reportOnly === undefined ? {} : { reportOnly }),
      });
      middleware({ path: '/wallet' } as never, response as never, () => undefined);
      return headers;
    };
    const enforcing = headersOf();
    expect(enforcing['Content-Security-Policy']).toContain('script-src');
    expect(enforcing['Content-Security-Policy-Report-Only']).toBeUndefined();
    const reporting = headersOf(true);
    expect(reporting['Content-Security-Policy']).toBeUndefined();
    expect(reporting['Content-Security-Policy-Report-Only']).toMatch(
      /script-src 'self' 'nonce-[^']+' https:\/\/app\.midtrans\.com;/,
    );
    // Framing stays refused while the policy only reports.
    expect(reporting['X-Frame-Options']).toBe('DENY');
    expect([undefined, '', 'false', '0', 'no'].map(parseReportOnly)).toEqual([false, false, false, false, false]);
    expect(['true', '1', 'yes'].map(parseReportOnly)).toEqual([true, true, true]);
    expect(() => parseReportOnly('report')).toThrow('CSP_REPORT_ONLY must be true or false, got "report".');
  });

  it('refuses wrong values with one message naming each variable', () => {
    let message = '';
    try {
      parseEnv({ API_INTERNAL_URL: 'localhost:3001', NODE_ENV: 'prod', PUBLIC_URL: 'ftp://portal' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid dashboard environment:/);
    expect(message).toContain('API_INTERNAL_URL');
    expect(message).toContain('NODE_ENV');
    expect(message).toContain('PUBLIC_URL');
  });

  it('writes the public environment into a script that no value can close', () => {
    const script = publicEnvScript({ MODE: '</script><script>alert(1)</script>' as 'production' });
    expect(script).not.toContain('</script>');
    expect(script).toBe('window.ENV = {"MODE":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"};');
  });
});
