import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { execute, query } from '../../db/sql';
import type { SessionLifetime } from './access.service';
import type { AuditAction } from './audit-actions';
import type { AuditService } from './audit.service';
import type { RequestMeta } from './identity';
import {
  CHALLENGE_ATTEMPT,
  CHALLENGE_CREATE,
  CHALLENGE_DELETE,
  RECOVERY_CODE_USE,
  TOTP_ACCEPT_STEP,
} from './identity.sql';
import { Membership } from './membership.entity';
import { dummyPasswordHash, hashPassword, needsRehash, passwordProblem, verifyPassword } from './passwords';
import { hashToken, newToken, type SecretBox } from './secrets';
import { Session } from './session.entity';
import { deviceOf } from './sign-in-devices';
import { AttemptThrottle, type Reservation, type ThrottleRule } from './throttle';
import { verifyTotp } from './totp';
import { User, type Language } from './user.entity';

export const LOGIN_POLICY = {
  /** Failures on one e-mail address before it locks. */
  maxFailuresPerEmail: 5,
  /** Failures from one IP before it is throttled (a shared office NAT makes this larger). */
  maxFailuresPerIp: 30,
  /** Wrong second-factor codes on one account, across challenges, before it locks (a right password never resets it). */
  maxSecondFactorFailures: 5,
  /** Wrong passwords or codes when confirming an account change (password, two-factor, recovery codes). */
  maxReauthFailures: 5,
  lockSeconds: 15 * 60,
  challengeSeconds: 5 * 60,
  maxChallengeAttempts: 5,
};

const rules = {
  email: { limit: LOGIN_POLICY.maxFailuresPerEmail, lockSeconds: LOGIN_POLICY.lockSeconds, refusal: 'locked' },
  ip: { limit: LOGIN_POLICY.maxFailuresPerIp, lockSeconds: LOGIN_POLICY.lockSeconds, refusal: 'rate-limited' },
  secondFactor: {
    limit: LOGIN_POLICY.maxSecondFactorFailures,
    lockSeconds: LOGIN_POLICY.lockSeconds,
    refusal: 'locked',
  },
  reauth: { limit: LOGIN_POLICY.maxReauthFailures, lockSeconds: LOGIN_POLICY.lockSeconds, refusal: 'rate-limited' },
} satisfies Record<string, ThrottleRule>;

const keys = {
  email: (email: string) => `email:${email}`,
  ip: (ip: string | undefined) => `ip:${ip ?? 'unknown'}`,
  secondFactor: (userId: string) => `2fa:${userId}`,
  reauth: (userId: string) => `reauth:${userId}`,
};

export type LoginOutcome =
  | { status: 'SIGNED_IN'; sessionToken: string; mustChangePassword: boolean }
  | { status: 'TWO_FACTOR_REQUIRED'; challengeToken: string; mustChangePassword: boolean };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Sign-in, two-step verification, sessions and passwords. */
/** A sign-in from a device the user had not used: who, from what (bowser's "Firefox on Linux") and where. */
export type NewDeviceHook = (
  em: EntityManager,
  signIn: { userId: string; workspaceIds: string[]; device: string; ip: string },
) => Promise<void>;

export class AuthService {
  constructor(
    private readonly secrets: SecretBox,
    private readonly audit: AuditService,
    private readonly lifetime: SessionLifetime,
    private readonly clock: Clock,
    private readonly throttle: AttemptThrottle = new AttemptThrottle(clock),
  ) {}

  /**
   * Every failure looks the same to the caller ("invalid e-mail or password"), costs the
   * same argon2 verification whether or not the account exists, and counts toward a lock on
   * the address (existing or not) and on the IP. The attempt is reserved on both counters
   * before the password is checked, so a burst of guesses gets at most the limit's worth of
   * verifications, and the right password inside the burst is refused once the lock is reached.
   */
  async login(em: EntityManager, emailInput: string, password: string, meta: RequestMeta): Promise<LoginOutcome> {
    const email = normalizeEmail(emailInput);
    const ipKey = keys.ip(meta.ip);
    await this.throttle.admit(em, ipKey, rules.ip);
    const slot = await this.throttle.admit(em, keys.email(email), rules.email).catch(async (error: unknown) => {
      // A locked address is not this IP's failure: give its attempt back.
      await this.throttle.release(em, ipKey);
      throw error;
    });
    const user = await em.findOne(User, { email }, { populate: ['passwordHash', 'totpSecret'] });
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !valid) {
      await this.recordFailure(em, email, meta, user ?? undefined, slot);
      throw new AppError('UNAUTHENTICATED', 'auth.invalidCredentials');
    }
    await this.throttle.reset(em, keys.email(email));
    await this.throttle.release(em, ipKey);
    if (needsRehash(user.passwordHash)) {
      user.passwordHash = await hashPassword(password);
      await em.flush();
    }
    if (user.totpSecret) {
      const challengeToken = newToken('bzc');
      await query(em, CHALLENGE_CREATE, [
        user.id,
        hashToken(challengeToken),
        this.clock.now(),
        LOGIN_POLICY.challengeSeconds,
        meta.ip ?? null,
        meta.userAgent ?? null,
      ]);
      return { status: 'TWO_FACTOR_REQUIRED', challengeToken, mustChangePassword: user.mustChangePassword };
    }
    return this.signIn(em, user, meta, 'password');
  }

  /**
   * Second step: a TOTP code (each time step once) or a recovery code (each once). Wrong codes
   * count on the account's own counter, across challenges; only a right code resets it.
   */
  async verifyTwoFactor(
    em: EntityManager,
    challengeToken: string,
    code: string,
    meta: RequestMeta,
  ): Promise<LoginOutcome> {
    const [challenge] = await query(em, CHALLENGE_ATTEMPT, [
      hashToken(challengeToken),
      LOGIN_POLICY.maxChallengeAttempts,
      this.clock.now(),
    ]);
    if (!challenge) throw new AppError('UNAUTHENTICATED', 'auth.challengeExpired');
    const user = await em.findOneOrFail(User, challenge.user_id, { populate: ['totpSecret'] });
    const slot = await this.throttle.admit(em, keys.secondFactor(user.id), rules.secondFactor);
    const method = await this.checkSecondFactor(em, user, code);
    if (!method) {
      await this.recordFailure(em, user.email, meta, user, slot);
      throw new AppError('UNAUTHENTICATED', 'auth.invalidCode');
    }
    await query(em, CHALLENGE_DELETE, [challenge.id, this.clock.now()]);
    await this.throttle.reset(em, keys.secondFactor(user.id));
    if (method === 'recovery-code') {
      await this.recordUserEvent(em, user.id, meta, 'auth.recoveryCodeUsed');
    }
    return this.signIn(em, user, meta, method);
  }

  /**
   * Confirms a signed-in person before an account change: the password, and a current second
   * factor where the change weakens or replaces it. Throttled per account (reserved first).
   */
  async confirmIdentity(
    em: EntityManager,
    user: User,
    password: string,
    options: { code?: string; passwordField?: string } = {},
  ): Promise<void> {
    const key = keys.reauth(user.id);
    await this.throttle.admit(em, key, rules.reauth);
    const field = options.passwordField ?? 'password';
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw new AppError('BAD_USER_INPUT', 'auth.wrongPassword', {}, { [field]: 'auth.wrongPassword' });
    }
    if (options.code !== undefined && !(await this.checkSecondFactor(em, user, options.code))) {
      throw new AppError('BAD_USER_INPUT', 'auth.invalidCode', {}, { code: 'auth.invalidCode' });
    }
    await this.throttle.reset(em, key);
  }

  /** Verifies a TOTP or recovery code for this user; the code is consumed if it matches. */
  async checkSecondFactor(em: EntityManager, user: User, code: string): Promise<'totp' | 'recovery-code' | undefined> {
    if (!user.totpSecret) return undefined;
    if (/^\s*\d{3}\s?\d{3}\s*$/.test(code)) {
      const lastStep = user.totpLastStep ? Number(user.totpLastStep) : undefined;
      const step = await verifyTotp(this.secrets.open(user.totpSecret), code, lastStep, this.clock.now());
      if (step === undefined) return undefined;
      // Two concurrent logins with the same code: only one update wins the step.
      const accepted = await execute(em, TOTP_ACCEPT_STEP, [step, user.id]);
      return accepted.rowCount === 1 ? 'totp' : undefined;
    }
    const [used] = await query(em, RECOVERY_CODE_USE, [user.id, this.secrets.hashCode(code), this.clock.now()]);
    return used ? 'recovery-code' : undefined;
  }

  async logout(em: EntityManager, sessionId: string, userId: string, meta: RequestMeta): Promise<void> {
    await em.nativeUpdate(Session, { id: sessionId, user: userId, revokedAt: null }, { revokedAt: this.clock.now() });
    await this.recordUserEvent(em, userId, meta, 'auth.logout');
  }

  async changePassword(
    em: EntityManager,
    userId: string,
    currentSessionId: string | undefined,
    current: string,
    next: string,
    meta: RequestMeta,
  ): Promise<void> {
    const user = await em.findOneOrFail(User, userId, { populate: ['passwordHash'] });
    await this.confirmIdentity(em, user, current, { passwordField: 'currentPassword' });
    const problem =
      passwordProblem(next, user.email, user.name) ?? (current === next ? 'auth.passwordUnchanged' : undefined);
    if (problem) throw new AppError('BAD_USER_INPUT', problem, {}, { newPassword: problem });
    user.passwordHash = await hashPassword(next);
    user.mustChangePassword = false;
    await em.flush();
    // Every other session ends: whoever knew the old password is signed out.
    await em.nativeUpdate(
      Session,
      { user: userId, revokedAt: null, ...(currentSessionId ? { id: { $ne: currentSessionId } } : {}) },
      { revokedAt: this.clock.now() },
    );
    await this.recordUserEvent(em, userId, meta, 'auth.passwordChanged');
  }

  async updateProfile(em: EntityManager, userId: string, input: { name: string; language: Language }): Promise<void> {
    const user = await em.findOneOrFail(User, userId);
    user.name = input.name.trim();
    user.language = input.language;
    await em.flush();
  }

  async sessions(em: EntityManager, userId: string) {
    return em.find(
      Session,
      { user: userId, revokedAt: null, expiresAt: { $gt: this.clock.now() } },
      { orderBy: { lastSeenAt: 'desc' } },
    );
  }

  async revokeSession(em: EntityManager, userId: string, sessionId: string, meta: RequestMeta): Promise<void> {
    const revoked = await em.nativeUpdate(
      Session,
      { id: sessionId, user: userId, revokedAt: null },
      { revokedAt: this.clock.now() },
    );
    if (revoked === 0) throw new AppError('NOT_FOUND', 'errors.notFound');
    await this.recordUserEvent(em, userId, meta, 'session.revoked', sessionId);
  }

  async switchWorkspace(em: EntityManager, userId: string, sessionId: string, workspaceId: string): Promise<void> {
    const member = await em.count(
      Membership,
      { user: userId, workspace: workspaceId },
      { filters: { workspace: false } },
    );
    if (member === 0) throw new AppError('NOT_FOUND', 'errors.notFound');
    await em.nativeUpdate(Session, { id: sessionId, user: userId }, { workspace: workspaceId });
  }

  private readonly newDeviceHooks: NewDeviceHook[] = [];

  /** Called after a sign-in from a device the user never signed in from before (the notifications module listens). */
  onNewDevice(hook: NewDeviceHook): void {
    this.newDeviceHooks.push(hook);
  }

  /** A new session for a user who proved who they are (password, second factor, an accepted invitation). */
  async signIn(em: EntityManager, user: User, meta: RequestMeta, method: string): Promise<LoginOutcome> {
    const sessionToken = newToken('bzs');
    const workspaceId = await this.defaultWorkspaceId(em, user.id);
    const now = this.clock.now().getTime();
    const device = deviceOf(meta.userAgent);
    const known = await this.knownDevices(em, user.id);
    em.create(Session, {
      user,
      workspace: workspaceId ?? null,
      tokenHash: hashToken(sessionToken),
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + Math.min(this.lifetime.idleSeconds, this.lifetime.absoluteSeconds) * 1000),
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    user.lastLoginAt = new Date(now);
    await em.flush();
    await this.audit.record(em, {
      action: 'auth.login',
      actorId: user.id,
      workspaceId,
      ip: meta.ip,
      details: { method },
    });
    // The very first sign-in of an account is no news to its owner; a device never seen before after that is.
    if (known.size > 0 && !known.has(device.key)) {
      const memberships = await em.find(Membership, { user: user.id }, { filters: { workspace: false } });
      const workspaceIds = memberships.map((membership) => membership.workspace.id);
      for (const hook of this.newDeviceHooks) {
        await hook(em, { userId: user.id, workspaceIds, device: device.label, ip: meta.ip ?? 'unknown' });
      }
    }
    return { status: 'SIGNED_IN', sessionToken, mustChangePassword: user.mustChangePassword };
  }

  /** The devices of the user's earlier sessions (the most recent 100; revoked and expired ones count too). */
  private async knownDevices(em: EntityManager, userId: string): Promise<Set<string>> {
    const sessions = await em.find(
      Session,
      { user: userId },
      { fields: ['userAgent'], orderBy: { createdAt: 'desc' }, limit: 100 },
    );
    return new Set(sessions.map((session) => deviceOf(session.userAgent).key));
  }

  /** A security event of a signed-in user (logged under the workspace the user starts in). */
  async recordUserEvent(
    em: EntityManager,
    userId: string,
    meta: RequestMeta,
    action: AuditAction,
    target?: string,
  ): Promise<void> {
    await this.audit.record(em, {
      action,
      actorId: userId,
      ip: meta.ip,
      target,
      workspaceId: await this.defaultWorkspaceId(em, userId),
    });
  }

  /** The workspace a new session starts in: the user's oldest membership. */
  async defaultWorkspaceId(em: EntityManager, userId: string): Promise<string | undefined> {
    const membership = await em.findOne(
      Membership,
      { user: userId },
      { filters: { workspace: false }, orderBy: { createdAt: 'asc' } },
    );
    return membership?.workspace.id;
  }

  private async recordFailure(
    em: EntityManager,
    email: string,
    meta: RequestMeta,
    user: User | undefined,
    slot: Reservation,
  ): Promise<void> {
    const workspaceId = user ? await this.defaultWorkspaceId(em, user.id) : undefined;
    await this.audit.record(em, {
      action: 'auth.loginFailed',
      actorId: user?.id,
      workspaceId,
      ip: meta.ip,
      target: email,
    });
    if (slot.reachedLimit) {
      await this.audit.record(em, {
        action: 'auth.locked',
        actorId: user?.id,
        workspaceId,
        ip: meta.ip,
        target: email,
      });
    }
  }
}
