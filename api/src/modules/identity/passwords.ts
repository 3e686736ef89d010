import argon2 from 'argon2';

/**
 * argon2id with OWASP's second configuration scaled up: 46 MiB, 2 passes, 1 lane. On this
 * project's 2-vCPU machine one hash costs ~77 ms of CPU (docs/BENCHMARKS.md): slow for a
 * password guesser, still fine for a login. Changing these re-hashes on the next login.
 */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 47_104,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, PASSWORD_HASH_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export function needsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, PASSWORD_HASH_OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash to verify against when the e-mail has no account, so that "no such user" costs the
 * same time as "wrong password" and timing does not reveal which addresses exist.
 */
export function dummyPasswordHash(): Promise<string> {
  return (dummyHash ??= hashPassword('not-a-real-password-for-timing-only'));
}

/** The policy: a message key for the first rule broken, or undefined. */
export function passwordProblem(password: string, email?: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return 'auth.passwordTooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'auth.passwordTooLong';
  if (email && password.toLowerCase().includes(email.split('@')[0].toLowerCase())) return 'auth.passwordContainsEmail';
  return undefined;
}
