import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { execute, query } from '../../db/sql';
import type { SessionLifetime } from './access.service';
import type { AuditService } from './audit.service';
import type { RequestMeta } from './identity';
import {
  CHALLENGE_ATTEMPT,
  CHALLENGE_CREATE,
  CHALLENGE_DELETE,
  RECOVERY_CODE_USE,
  THROTTLE_FAIL,
  THROTTLE_LOCKED_UNTIL,
  THROTTLE_RESET,
  TOTP_ACCEPT_STEP,
} from './identity.sql';
import { Membership } from './membership.entity';
import { dummyPasswordHash, hashPassword, needsRehash, passwordProblem, verifyPassword } from './passwords';
import { hashToken, newToken, type SecretBox } from './secrets';
import { Session } from './session.entity';
import { verifyTotp } from './totp';
import { User, type Language } from './user.entity';

export const LOGIN_POLICY = {
  /** Failures on one e-mail address before it locks. */
  maxFailuresPerEmail: 5,
  /** Failures from one IP before it is throttled (a shared office NAT makes this larger). */
  maxFailuresPerIp: 30,
  lockSeconds: 15 * 60,
  challengeSeconds: 5 * 60,
  maxChallengeAttempts: 5,
};

export type LoginOutcome =
  | { status: 'SIGNED_IN'; sessionToken: string; mustChangePassword: boolean }
  | { status: 'TWO_FACTOR_REQUIRED'; challengeToken: string; mustChangePassword: boolean };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Sign-in, two-step verification, sessions and passwords. */
export class AuthService {
  constructor(
    private readonly secrets: SecretBox,
    private readonly audit: AuditService,
    private readonly lifetime: SessionLifetime,
    private readonly clock: Clock,
  ) {}

  /**
   * Every failure looks the same to the caller ("invalid e-mail or password"), costs the
   * same argon2 verification whether or not the account exists, and counts toward a lock on
   * the address (existing or not) and on the IP.
   */
  async login(em: EntityManager, emailInput: string, password: string, meta: RequestMeta): Promise<LoginOutcome> {
    const email = normalizeEmail(emailInput);
    await this.assertNotThrottled(em, email, meta.ip);
    const user = await em.findOne(User, { email }, { populate: ['passwordHash', 'totpSecret'] });
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !valid) {
      await this.recordFailure(em, email, meta, user ?? undefined);
      throw new AppError('UNAUTHENTICATED', 'auth.invalidCredentials');
    }
    await query(em, THROTTLE_RESET, [`email:${email}`]);
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

  /** Second step: a TOTP code (each time step once) or a recovery code (each once). */
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
    await this.assertNotThrottled(em, user.email, meta.ip);
    const method = await this.checkSecondFactor(em, user, code);
    if (!method) {
      await this.recordFailure(em, user.email, meta, user);
      throw new AppError('UNAUTHENTICATED', 'auth.invalidCode');
    }
    await query(em, CHALLENGE_DELETE, [challenge.id, this.clock.now()]);
    await query(em, THROTTLE_RESET, [`email:${user.email}`]);
    if (method === 'recovery-code') {
      await this.recordUserEvent(em, user.id, meta, 'auth.recoveryCodeUsed');
    }
    return this.signIn(em, user, meta, method);
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
    if (!(await verifyPassword(user.passwordHash, current))) {
      throw new AppError('BAD_USER_INPUT', 'auth.wrongPassword', {}, { currentPassword: 'auth.wrongPassword' });
    }
    const problem = passwordProblem(next, user.email) ?? (current === next ? 'auth.passwordUnchanged' : undefined);
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

  private async signIn(em: EntityManager, user: User, meta: RequestMeta, method: string): Promise<LoginOutcome> {
    const sessionToken = newToken('bzs');
    const workspaceId = await this.defaultWorkspaceId(em, user.id);
    const now = this.clock.now().getTime();
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
    return { status: 'SIGNED_IN', sessionToken, mustChangePassword: user.mustChangePassword };
  }

  /** A security event of a signed-in user (logged under the workspace the user starts in). */
  async recordUserEvent(
    em: EntityManager,
    userId: string,
    meta: RequestMeta,
    action: string,
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

  private async assertNotThrottled(em: EntityManager, email: string, ip: string | undefined): Promise<void> {
    const now = this.clock.now();
    const rows = await query(em, THROTTLE_LOCKED_UNTIL, [`email:${email}`, `ip:${ip ?? 'unknown'}`, now]);
    const byEmail = rows.find((row) => row.key.startsWith('email:'));
    if (byEmail) {
      const minutes = Math.max(1, Math.ceil((new Date(byEmail.locked_until).getTime() - now.getTime()) / 60_000));
      throw new AppError('ACCOUNT_LOCKED', 'auth.locked', { minutes });
    }
    if (rows.length > 0) throw new AppError('RATE_LIMITED', 'errors.rateLimited');
  }

  private async recordFailure(em: EntityManager, email: string, meta: RequestMeta, user?: User): Promise<void> {
    const now = this.clock.now();
    const fail = (key: string, limit: number) => query(em, THROTTLE_FAIL, [key, limit, LOGIN_POLICY.lockSeconds, now]);
    const [[byEmail]] = await Promise.all([
      fail(`email:${email}`, LOGIN_POLICY.maxFailuresPerEmail),
      fail(`ip:${meta.ip ?? 'unknown'}`, LOGIN_POLICY.maxFailuresPerIp),
    ]);
    const workspaceId = user ? await this.defaultWorkspaceId(em, user.id) : undefined;
    await this.audit.record(em, {
      action: 'auth.loginFailed',
      actorId: user?.id,
      workspaceId,
      ip: meta.ip,
      target: email,
    });
    if (byEmail?.failures === LOGIN_POLICY.maxFailuresPerEmail && byEmail.locked_until) {
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
