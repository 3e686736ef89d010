import { checkForwardUrl, isPublicAddress, parseForwardUrl } from './forward-target';

describe('where replies may be forwarded', () => {
  it('in production refuses private, loopback, link-local and mapped private addresses', async () => {
    for (const url of [
      'https://10.1.2.3/hook',
      'https://192.168.1.10/hook',
      'https://172.16.0.5/hook',
      'https://127.0.0.1/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://[fe80::1]/hook',
      'https://[fd00::5]/hook',
      'https://[::ffff:10.0.0.1]/hook',
      'https://100.64.0.1/hook',
      'https://0.0.0.0/hook',
      'https://localhost/hook',
    ]) {
      await expect(checkForwardUrl(url, true)).rejects.toMatchObject({ problem: 'privateAddress' });
    }
  });

  it('in production allows https to a public address and refuses plain http, even to loopback', async () => {
    await expect(checkForwardUrl('https://93.184.215.14/hook', true)).resolves.toBeInstanceOf(URL);
    expect(() => parseForwardUrl('http://93.184.215.14/hook', true)).toThrow(
      expect.objectContaining({ problem: 'httpsRequired' }),
    );
    expect(() => parseForwardUrl('http://127.0.0.1:8080/hook', true)).toThrow(
      expect.objectContaining({ problem: 'httpsRequired' }),
    );
  });

  it('outside production allows http to loopback only', () => {
    expect(parseForwardUrl('http://127.0.0.1:8080/hook', false).port).toBe('8080');
    expect(parseForwardUrl('http://localhost:8080/hook', false).hostname).toBe('localhost');
    expect(() => parseForwardUrl('http://hooks.toko.co.id/hook', false)).toThrow(
      expect.objectContaining({ problem: 'httpsRequired' }),
    );
  });

  it('refuses what is not a web address, and credentials in it', () => {
    for (const url of ['not a url', 'ftp://example.com/x', 'https://user:pass@example.com/x', 'javascript:alert(1)']) {
      expect(() => parseForwardUrl(url, false)).toThrow(expect.objectContaining({ problem: 'invalidUrl' }));
    }
  });

  it('tells public unicast addresses from the rest', () => {
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    expect(isPublicAddress('2001:4860:4860::8888')).toBe(true);
    expect(isPublicAddress('10.0.0.1')).toBe(false);
    expect(isPublicAddress('not-an-ip')).toBe(false);
  });
});
