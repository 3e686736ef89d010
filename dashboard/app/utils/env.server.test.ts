import { parseEnv } from './env.server';
import { publicEnvScript } from './public-env';

describe('the dashboard environment', () => {
  it('takes the defaults of a local start, and Secure cookies from an https PUBLIC_URL', () => {
    expect(parseEnv({})).toEqual({
      API_INTERNAL_URL: 'http://127.0.0.1:3001',
      SECURE_COOKIES: false,
      MODE: 'development',
    });
    expect(parseEnv({ NODE_ENV: 'production' }).SECURE_COOKIES).toBe(true);
    expect(parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'http://192.168.1.20:3000' }).SECURE_COOKIES).toBe(false);
    expect(parseEnv({ PUBLIC_URL: 'https://portal.example.co.id' }).SECURE_COOKIES).toBe(true);
    expect(parseEnv({ PUBLIC_URL: 'https://portal.example.co.id/' }).PUBLIC_URL).toBe('https://portal.example.co.id');
    expect(parseEnv({ API_INTERNAL_URL: 'http://api.internal:3001//' }).API_INTERNAL_URL).toBe(
      'http://api.internal:3001',
    );
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
