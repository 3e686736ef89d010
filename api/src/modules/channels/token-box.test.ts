import { TokenBox, UnreadableSecretError } from './token-box';

describe('TokenBox (channel access tokens at rest)', () => {
  const box = new TokenBox('k'.repeat(40));

  it('seals a token so it reads back, names its key, and differs every time', () => {
    const first = box.seal('EAAG-secret-token');
    const second = box.seal('EAAG-secret-token');
    expect(first).not.toBe(second);
    expect(first).not.toContain('EAAG');
    expect(TokenBox.keyIdOf(first)).toBe(box.keyId);
    expect(box.open(first)).toBe('EAAG-secret-token');
  });

  it('refuses a value sealed under another key instead of returning garbage', () => {
    const rotated = new TokenBox('r'.repeat(40));
    expect(rotated.keyId).not.toBe(box.keyId);
    expect(() => rotated.open(box.seal('EAAG-secret-token'))).toThrow(UnreadableSecretError);
  });

  it('refuses a tampered value', () => {
    const sealed = box.seal('EAAG-secret-token');
    const [version, keyId, payload] = sealed.split('.');
    const bytes = Buffer.from(payload!, 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(() => box.open(`${version}.${keyId}.${bytes.toString('base64')}`)).toThrow(UnreadableSecretError);
  });
});

describe('TokenBox across a key rotation', () => {
  const old = new TokenBox('o'.repeat(40));
  const rotated = new TokenBox('n'.repeat(40), 'o'.repeat(40));

  it('still opens values sealed under the previous key, and seals only under the new one', () => {
    const sealedBefore = old.seal('EAAG-token-before-rotation');
    expect(rotated.canOpen(sealedBefore)).toBe(true);
    expect(rotated.open(sealedBefore)).toBe('EAAG-token-before-rotation');
    expect(TokenBox.keyIdOf(rotated.seal('x'))).toBe(rotated.keyId);
    expect(rotated.previousKeyId).toBe(old.keyId);
  });

  it('opens nothing sealed under a third key', () => {
    expect(rotated.canOpen(new TokenBox('t'.repeat(40)).seal('x'))).toBe(false);
  });
});
