import { Algorithm, hash, verify } from '@node-rs/argon2';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/**
 * argon2id at RFC 9106's second recommended strength (64 MiB, 3 passes), one lane. On this
 * project's 2-vCPU machine one hash costs ~63 ms of CPU (docs/BENCHMARKS.md): slow for a
 * password guesser, fine for a login. `@node-rs/argon2` (prebuilt N-API binaries, no
 * install script) because the `argon2` package's prebuilt binary crashed this machine's
 * Node and fell back to compiling from source.
 */
export const PASSWORD_HASH_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 1 };

/** The PHC prefix our current parameters produce; a stored hash with another one is re-hashed at login. */
const CURRENT_PARAMETERS = `$argon2id$v=19$m=${PASSWORD_HASH_OPTIONS.memoryCost},t=${PASSWORD_HASH_OPTIONS.timeCost},p=${PASSWORD_HASH_OPTIONS.parallelism}$`;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

let verifications = 0;

/** How many argon2 verifications this process has run (what a throttle must bound; a metric later). */
export function passwordVerifications(): number {
  return verifications;
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  verifications++;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PARAMETERS);
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash to verify against when the e-mail has no account, so that "no such user" costs the
 * same time as "wrong password" and timing does not reveal which addresses exist.
 */
export function dummyPasswordHash(): Promise<string> {
  return (dummyHash ??= hashPassword('not-a-real-password-for-timing-only'));
}

let strength: ZxcvbnFactory | undefined;

/**
 * zxcvbn-ts with its common-password and English dictionaries: it recognises breached-style
 * passwords (`password123`, `qwertyuiop`, `hunter2hunter2`) and simple patterns, and accepts
 * long passphrases. Built once, on first use or when the API starts (`preparePasswordStrength`: its
 * dictionaries take a moment to index); never in a process that checks no password (the worker:
 * the dictionaries cost ~40 MB of RSS).
 */
export function preparePasswordStrength(): ZxcvbnFactory {
  if (!strength) {
    const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
    const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    const english = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
    strength = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
    });
  }
  return strength;
}

/** zxcvbn's score 3 of 4: "safely unguessable" against an online attack with a throttle, about 10^8 guesses. */
export const PASSWORD_MIN_SCORE = 3;

/**
 * The policy (each rule is also said in the dashboard's hint before the user submits): 10 to
 * 128 characters, not containing the e-mail's name, not common or easy to guess. Returns a
 * message key for the first rule broken, or undefined.
 */
export function passwordProblem(password: string, email?: string, name?: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return 'auth.passwordTooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'auth.passwordTooLong';
  const emailName = email?.split('@')[0]?.toLowerCase();
  if (emailName && password.toLowerCase().includes(emailName)) return 'auth.passwordContainsEmail';
  const hints = [emailName, name, 'bizone'].filter((hint): hint is string => Boolean(hint));
  if (preparePasswordStrength().check(password, hints).score < PASSWORD_MIN_SCORE) return 'auth.passwordTooGuessable';
  return undefined;
}
