import { hashPassword, needsRehash, passwordProblem, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hash with argon2id at the configured cost and verify only the right password', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=1\$/);
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('asks for a re-hash when a stored hash has other parameters', () => {
    expect(needsRehash('$argon2id$v=19$m=47104,t=2,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
  });

  it('names the first rule a new password breaks', () => {
    expect(passwordProblem('short')).toBe('auth.passwordTooShort');
    expect(passwordProblem('x'.repeat(129))).toBe('auth.passwordTooLong');
    expect(passwordProblem('siti-rahayu-2026', 'siti-rahayu@tokomaju.co.id')).toBe('auth.passwordContainsEmail');
    expect(passwordProblem('a long enough passphrase', 'siti@tokomaju.co.id')).toBeUndefined();
  });
});

describe('guessable passwords', () => {
  it('refuses common and breached-style passwords of an acceptable length', () => {
    // Written by hand: passwords every breach list carries, and simple keyboard or repeat patterns.
    for (const guessable of [
      'password123',
      'qwertyuiop',
      'hunter2hunter2',
      '1234567890',
      'iloveyou12',
      'bizone12345',
    ]) {
      expect({ guessable, problem: passwordProblem(guessable, 'siti@tokomaju.co.id') }).toEqual({
        guessable,
        problem: 'auth.passwordTooGuessable',
      });
    }
  });

  it('accepts long passphrases', () => {
    for (const good of ['correct horse battery', 'a much better passphrase', 'kopi susu gula aren 7']) {
      expect(passwordProblem(good, 'siti@tokomaju.co.id')).toBeUndefined();
    }
  });
});
