import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { query } from '../../db/sql';
import { inTransaction } from '../../db/transaction';
import type { AuditService } from './audit.service';
import { withAuthority } from './authority';
import { normalizeEmail, type AuthService } from './auth.service';
import type { Identity, RequestMeta, WorkspaceIdentity } from './identity';
import { ApiToken } from './api-token.entity';
import { DELETE_USER_CHALLENGES, LOCK_WORKSPACE, WORKSPACES_BEYOND_OWNER } from './identity.sql';
import { Membership } from './membership.entity';
import { isOpen, issueLink, linkTokenHash, PASSWORD_RESET_LIFETIME_MS } from './one-time-links';
import { PasswordResetLink } from './password-reset-link.entity';
import { hashPassword, passwordProblem } from './passwords';
import { Session } from './session.entity';
import { User } from './user.entity';
import { Workspace } from './workspace.entity';

export interface IssuedResetLink {
  url: string;
  expiresAt: Date;
}

/**
 * A lost password's way back without e-mail: an Owner (for an account whose every workspace
 * it owns) or the platform operator issues a one-time link, audited; using it sets a new
 * password and ends every session of the account. Two-factor authentication stays: a reset
 * link replaces the password, never the second factor.
 */
export class PasswordResetsService {
  constructor(
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    private readonly publicUrl: string,
  ) {}

  async issueForMember(
    em: EntityManager,
    actor: WorkspaceIdentity,
    memberId: string,
    meta: RequestMeta,
  ): Promise<IssuedResetLink> {
    const { user, link } = await withAuthority(em, actor, async (tx, authority) => {
      if (!authority.isOwner) throw new AppError('FORBIDDEN', 'resetLinks.ownerOnly');
      const member = await tx.findOne(Membership, memberId, { populate: ['user'] });
      if (!member) throw new AppError('NOT_FOUND', 'errors.notFound');
      if (member.user.id === actor.userId) throw new AppError('BAD_USER_INPUT', 'resetLinks.notYourself');
      const [beyond] = await query(tx, WORKSPACES_BEYOND_OWNER, [member.user.id, actor.userId]);
      if (member.user.isPlatformAdmin || (beyond?.count ?? 0) > 0) {
        throw new AppError('FORBIDDEN', 'resetLinks.accountBeyondWorkspace');
      }
      return { user: member.user, link: await this.issue(tx, member.user, actor.userId, actor.workspaceId) };
    });
    await this.audit.recordBy(em, actor, meta, { action: 'member.resetLinkIssued', target: user.email });
    return link;
  }

  async issueByOperator(
    em: EntityManager,
    operator: Identity,
    email: string,
    meta: RequestMeta,
  ): Promise<IssuedResetLink> {
    const address = normalizeEmail(email);
    const link = await inTransaction(em, {}, async (tx) => {
      const user = await tx.findOne(User, { email: address });
      if (!user) throw new AppError('NOT_FOUND', 'errors.notFound');
      return this.issue(tx, user, operator.userId, null);
    });
    await this.audit.record(em, {
      action: 'admin.resetLinkIssued',
      actorId: operator.userId,
      ip: meta.ip,
      target: address,
    });
    return link;
  }

  async preview(em: EntityManager, token: string): Promise<{ email: string; expiresAt: Date }> {
    const tokenHash = linkTokenHash('bzr', token);
    const link = tokenHash && (await em.findOne(PasswordResetLink, { tokenHash }, { populate: ['user'] }));
    if (!link || !isOpen(link, this.clock.now())) throw this.invalid();
    return { email: link.user.email, expiresAt: link.expiresAt };
  }

  /**
   * Uses a link once: the new password; every session, open sign-in challenge and API token of
   * the account ends (whoever held the old password may have made them). Locks, in the house's
   * order: the link, the issuing Owner's workspace, the account. An Owner's link still works only
   * while the issuer owns every workspace of the account, read under those locks.
   */
  async reset(em: EntityManager, input: { token: string; password: string }, meta: RequestMeta): Promise<void> {
    const tokenHash = linkTokenHash('bzr', input.token);
    if (!tokenHash) throw this.invalid();
    const { user, link } = await inTransaction(em, {}, async (tx) => {
      const link = await tx.findOne(
        PasswordResetLink,
        { tokenHash },
        { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['issuedBy'] },
      );
      if (!link || !isOpen(link, this.clock.now())) throw this.invalid();
      if (link.workspace) await query(tx, LOCK_WORKSPACE, [link.workspace.id]);
      const user = await tx.findOneOrFail(User, link.user.id, {
        populate: ['passwordHash'],
        lockMode: LockMode.PESSIMISTIC_WRITE,
      });
      const byOperator = !link.workspace && link.issuedBy.isPlatformAdmin;
      if (!byOperator) {
        const [beyond] = await query(tx, WORKSPACES_BEYOND_OWNER, [user.id, link.issuedBy.id]);
        if (!link.workspace || user.isPlatformAdmin || (beyond?.count ?? 0) > 0) {
          throw new AppError('FORBIDDEN', 'resetLinks.accountBeyondWorkspace');
        }
      }
      const problem = passwordProblem(input.password, user.email, user.name);
      if (problem) throw new AppError('BAD_USER_INPUT', problem, {}, { password: problem });
      const now = this.clock.now();
      user.passwordHash = await hashPassword(input.password);
      user.mustChangePassword = false;
      link.usedAt = now;
      await tx.flush();
      await tx.nativeUpdate(Session, { user, revokedAt: null }, { revokedAt: now });
      await tx.nativeUpdate(
        ApiToken,
        { createdBy: user, revokedAt: null },
        { revokedAt: now },
        { filters: { workspace: false } },
      );
      await query(tx, DELETE_USER_CHALLENGES, [user.id]);
      return { user, link };
    });
    const details = { issuedBy: link.issuedBy.email, byOperator: !link.workspace };
    await this.audit.record(em, {
      action: 'auth.passwordReset',
      actorId: user.id,
      ip: meta.ip,
      target: user.email,
      workspaceId: link.workspace?.id ?? (await this.auth.defaultWorkspaceId(em, user.id)),
      details,
    });
  }

  private async issue(
    tx: EntityManager,
    user: User,
    issuedBy: string,
    workspaceId: string | null,
  ): Promise<IssuedResetLink> {
    const now = this.clock.now();
    // One open link per account: a new one replaces the last.
    await tx.nativeUpdate(PasswordResetLink, { user, usedAt: null, revokedAt: null }, { revokedAt: now });
    const link = issueLink('bzr', this.publicUrl);
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_LIFETIME_MS);
    tx.create(PasswordResetLink, {
      user,
      tokenHash: link.tokenHash,
      issuedBy: tx.getReference(User, issuedBy),
      workspace: workspaceId ? tx.getReference(Workspace, workspaceId) : null,
      expiresAt,
    });
    await tx.flush();
    return { url: link.url, expiresAt };
  }

  private invalid(): AppError {
    return new AppError('NOT_FOUND', 'resetLinks.invalid');
  }
}
