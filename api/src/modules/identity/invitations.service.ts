import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { query } from '../../db/sql';
import { inTransaction } from '../../db/transaction';
import { assertMayAssign, assertMayManage, beyondAuthority } from './access-policy';
import type { AuditService } from './audit.service';
import { memberAuthority, roleInWorkspace, withAuthority } from './authority';
import { normalizeEmail, type AuthService, type LoginOutcome } from './auth.service';
import type { Identity, RequestMeta, SessionIdentity, WorkspaceIdentity } from './identity';
import { LOCK_ACCOUNT_EMAIL, LOCK_WORKSPACE, MEMBERSHIP_BY_EMAIL } from './identity.sql';
import { Invitation } from './invitation.entity';
import { Membership } from './membership.entity';
import { INVITATION_LIFETIME_MS, isOpen, issueLink, linkTokenHash } from './one-time-links';
import { hashPassword, passwordProblem } from './passwords';
import { Role } from './role.entity';
import { Session } from './session.entity';
import { User, type Language } from './user.entity';
import { AttemptThrottle, type ThrottleRule } from './throttle';
import { Workspace } from './workspace.entity';

/**
 * Invitations a workspace may create per hour. A link's holder can learn whether its address has an account by
 * trying to redeem it as a new one (that attempt spends the link, see acceptWithNewAccount), so the pace of new
 * links is the pace of such probes.
 */
export const INVITATION_RATE: ThrottleRule = { limit: 30, lockSeconds: 3600, refusal: 'rate-limited' };

/** A refusal that must still be recorded: the transaction rolled back, its consequence is written after it. */
class RefusedRedemption extends Error {
  constructor(
    readonly refusal: AppError,
    readonly invitationId: string,
    readonly consequence: 'spend' | 'keep',
  ) {
    super(refusal.message);
  }
}

export type InvitationStatus = 'PENDING' | 'EXPIRED' | 'ACCEPTED' | 'REVOKED';

/** What an invitation link shows before it is accepted: nothing about any existing account. */
export interface InvitationPreview {
  email: string;
  workspaceName: string;
  role: { id: string; key: string; name: string; builtIn: boolean };
  expiresAt: Date;
}

/**
 * Joining a workspace happens only by invitation: the inviter names an address and a role and
 * gets a one-time link to hand over; the invitee accepts it signed in (an existing account) or
 * by choosing a password (a new one). The answer to the inviter is the same either way, so it
 * reveals nothing about the address, and no account is attached without its owner's consent.
 */
export class InvitationsService {
  constructor(
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    private readonly publicUrl: string,
    private readonly throttle = new AttemptThrottle(clock),
  ) {}

  async invite(
    em: EntityManager,
    actor: WorkspaceIdentity,
    input: { email: string; roleId: string },
    meta: RequestMeta,
  ): Promise<{ invitation: Invitation; url: string }> {
    const email = normalizeEmail(input.email);
    await this.throttle.admit(em, `invite:${actor.workspaceId}`, INVITATION_RATE);
    const result = await withAuthority(em, actor, async (tx, authority) => {
      const role = await roleInWorkspace(tx, actor.workspaceId, input.roleId);
      assertMayAssign(authority, { roleKey: role.key, permissions: role.permissions });
      if ((await query(tx, MEMBERSHIP_BY_EMAIL, [actor.workspaceId, email])).length > 0) {
        // Only members' own addresses: what the members list already shows the inviter.
        throw new AppError('CONFLICT', 'members.alreadyMember', {}, { email: 'members.alreadyMember' });
      }
      return this.open(tx, { workspaceId: actor.workspaceId, email, role, invitedBy: actor.userId });
    });
    await this.audit.recordBy(em, actor, meta, {
      action: result.replaced ? 'invitation.renewed' : 'invitation.created',
      target: email,
      details: { role: result.invitation.role.key },
    });
    return result;
  }

  /** The platform operator opens a workspace: its first Owner is invited the same way. */
  async inviteFirstOwner(
    tx: EntityManager,
    operator: Identity,
    workspace: Workspace,
    ownerEmail: string,
  ): Promise<{ invitation: Invitation; url: string }> {
    const owner = await tx.findOneOrFail(Role, { key: 'owner', workspace: null });
    return this.open(tx, {
      workspaceId: workspace.id,
      email: normalizeEmail(ownerEmail),
      role: owner,
      invitedBy: operator.userId,
    });
  }

  /** Invitations not yet accepted or revoked, newest first (expired ones too, to renew them). */
  async openInvitations(em: EntityManager): Promise<{ invitation: Invitation; status: InvitationStatus }[]> {
    const invitations = await em.find(
      Invitation,
      { acceptedAt: null, revokedAt: null },
      { populate: ['role', 'invitedBy'], orderBy: { createdAt: 'desc' }, limit: 100 },
    );
    return invitations.map((invitation) => ({ invitation, status: this.status(invitation) }));
  }

  async revoke(em: EntityManager, actor: WorkspaceIdentity, invitationId: string, meta: RequestMeta): Promise<void> {
    const invitation = await withAuthority(em, actor, async (tx, authority) => {
      const invitation = await tx.findOne(
        Invitation,
        { id: invitationId, acceptedAt: null, revokedAt: null },
        { populate: ['role'] },
      );
      if (!invitation) throw new AppError('NOT_FOUND', 'errors.notFound');
      assertMayManage(authority, { roleKey: invitation.role.key, permissions: invitation.role.permissions });
      invitation.revokedAt = this.clock.now();
      await tx.flush();
      return invitation;
    });
    await this.audit.recordBy(em, actor, meta, { action: 'invitation.revoked', target: invitation.email });
  }

  async preview(em: EntityManager, token: string): Promise<InvitationPreview> {
    const invitation = await this.findOpen(em, token);
    return {
      email: invitation.email,
      workspaceName: invitation.workspace.name,
      role: {
        id: invitation.role.id,
        key: invitation.role.key,
        name: invitation.role.name,
        builtIn: invitation.role.builtIn,
      },
      expiresAt: invitation.expiresAt,
    };
  }

  /** Accepted by the account it was meant for, signed in with a session. */
  async accept(em: EntityManager, caller: SessionIdentity, token: string, meta: RequestMeta): Promise<Workspace> {
    const invitation = await this.redeem(em, token, meta, async (tx, invitation) => {
      // Locked: a reset link checking this account's workspaces waits for the new membership (or it waits for us).
      const user = await tx.findOneOrFail(User, caller.userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (user.email !== invitation.email) {
        throw new AppError('FORBIDDEN', 'invitations.otherAccount', { email: invitation.email });
      }
      return user;
    });
    // The session moves to the workspace it just joined.
    await em.nativeUpdate(Session, { id: caller.sessionId }, { workspace: invitation.workspace.id });
    await this.recordAccepted(em, invitation, meta);
    return invitation.workspace;
  }

  /** Accepted by someone without an account: the account is created and signed in. */
  async acceptWithNewAccount(
    em: EntityManager,
    input: { token: string; name: string; password: string; language?: Language },
    meta: RequestMeta,
  ): Promise<LoginOutcome> {
    const name = input.name.trim();
    const invitation = await this.redeem(em, input.token, meta, async (tx, invitation) => {
      // The form is judged first, so a weak password cannot tell an existing account from a new one.
      const problem = passwordProblem(input.password, invitation.email, name);
      if (problem) throw new AppError('BAD_USER_INPUT', problem, {}, { password: problem });
      // Two workspaces inviting the same new address: one creates the account, the other finds it.
      await query(tx, LOCK_ACCOUNT_EMAIL, [invitation.email]);
      if (await tx.count(User, { email: invitation.email })) {
        // The holder learns that the address has an account, so the attempt spends the link and is audited:
        // probing costs an invitation each (INVITATION_RATE) and shows in the audit log.
        throw new RefusedRedemption(
          new AppError('BAD_USER_INPUT', 'invitations.signInToAccept', { email: invitation.email }),
          invitation.id,
          'spend',
        );
      }
      return tx.create(User, {
        email: invitation.email,
        name,
        language: input.language ?? 'id',
        passwordHash: await hashPassword(input.password),
      });
    });
    await this.recordAccepted(em, invitation, meta);
    return this.auth.signIn(em, invitation.acceptedBy!, meta, 'invitation');
  }

  /**
   * Redeems a link once: the invitation row is locked, then the workspace (the membership lock
   * every change of roles takes), and the inviter must still be able to grant the role.
   */
  private async redeem(
    em: EntityManager,
    token: string,
    meta: RequestMeta,
    account: (tx: EntityManager, invitation: Invitation) => Promise<User>,
  ): Promise<Invitation> {
    const tokenHash = linkTokenHash('bzi', token);
    if (!tokenHash) throw this.invalid();
    try {
      return await this.redeemLocked(em, tokenHash, account);
    } catch (error) {
      if (!(error instanceof RefusedRedemption)) throw error;
      await this.recordRefusal(em, error, meta);
      throw error.refusal;
    }
  }

  private redeemLocked(
    em: EntityManager,
    tokenHash: string,
    account: (tx: EntityManager, invitation: Invitation) => Promise<User>,
  ): Promise<Invitation> {
    return inTransaction(em, {}, async (tx) => {
      const locked = await tx.findOne(
        Invitation,
        { tokenHash },
        { filters: { workspace: false }, lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!locked || !isOpen(locked, this.clock.now())) throw this.invalid();
      await query(tx, LOCK_WORKSPACE, [locked.workspace.id]);
      const invitation = await tx.findOneOrFail(Invitation, locked.id, {
        filters: { workspace: false },
        populate: ['role', 'invitedBy', 'workspace'],
      });
      await this.assertInviterMayStillGrant(tx, invitation);
      const user = await account(tx, invitation);
      if (await tx.count(Membership, { user, workspace: invitation.workspace }, { filters: { workspace: false } })) {
        throw new AppError('CONFLICT', 'invitations.alreadyMember');
      }
      tx.create(Membership, { user, workspace: invitation.workspace, role: invitation.role });
      invitation.acceptedAt = this.clock.now();
      invitation.acceptedBy = user;
      await tx.flush();
      return invitation;
    });
  }

  /** The ceiling holds at acceptance too: an inviter demoted since cannot hand out the old role. */
  private async assertInviterMayStillGrant(tx: EntityManager, invitation: Invitation): Promise<void> {
    if (invitation.invitedBy.isPlatformAdmin) return;
    const authority = await memberAuthority(tx, invitation.workspace.id, invitation.invitedBy.id);
    const ownerOk = invitation.role.key !== 'owner' || authority.isOwner;
    if (!ownerOk || beyondAuthority(authority, invitation.role.permissions).length > 0) {
      throw new RefusedRedemption(new AppError('FORBIDDEN', 'invitations.inviterLostAuthority'), invitation.id, 'keep');
    }
  }

  /** After the rollback: a probe spends the link; every refusal of a real link is audited in its workspace. */
  private async recordRefusal(em: EntityManager, refused: RefusedRedemption, meta: RequestMeta): Promise<void> {
    const invitation = await em.findOneOrFail(Invitation, refused.invitationId, { filters: { workspace: false } });
    if (refused.consequence === 'spend') {
      await em.nativeUpdate(
        Invitation,
        { id: invitation.id, acceptedAt: null, revokedAt: null },
        { revokedAt: this.clock.now() },
        { filters: { workspace: false } },
      );
    }
    await this.audit.record(em, {
      action: 'invitation.refused',
      workspaceId: invitation.workspace.id,
      ip: meta.ip,
      target: invitation.email,
      details: { reason: refused.refusal.messageKey, spent: refused.consequence === 'spend' },
    });
  }

  private async open(
    tx: EntityManager,
    input: { workspaceId: string; email: string; role: Role; invitedBy: string },
  ): Promise<{ invitation: Invitation; url: string; replaced: boolean }> {
    const now = this.clock.now();
    // Inviting again replaces the open link (a lost link is renewed, never doubled).
    const replaced = await tx.nativeUpdate(
      Invitation,
      { workspace: input.workspaceId, email: input.email, acceptedAt: null, revokedAt: null },
      { revokedAt: now },
      { filters: { workspace: false } },
    );
    const link = issueLink('bzi', this.publicUrl);
    const invitation = tx.create(Invitation, {
      workspace: tx.getReference(Workspace, input.workspaceId),
      email: input.email,
      role: input.role,
      tokenHash: link.tokenHash,
      invitedBy: await tx.findOneOrFail(User, input.invitedBy),
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
    });
    await tx.flush();
    return { invitation, url: link.url, replaced: replaced > 0 };
  }

  private async findOpen(em: EntityManager, token: string): Promise<Invitation> {
    const tokenHash = linkTokenHash('bzi', token);
    const invitation =
      tokenHash &&
      (await em.findOne(Invitation, { tokenHash }, { filters: { workspace: false }, populate: ['role', 'workspace'] }));
    if (!invitation || !isOpen(invitation, this.clock.now())) throw this.invalid();
    return invitation;
  }

  private async recordAccepted(em: EntityManager, invitation: Invitation, meta: RequestMeta): Promise<void> {
    await this.audit.record(em, {
      action: 'invitation.accepted',
      workspaceId: invitation.workspace.id,
      actorId: invitation.acceptedBy!.id,
      ip: meta.ip,
      target: invitation.email,
      details: { role: invitation.role.key },
    });
  }

  status(invitation: Invitation): InvitationStatus {
    if (invitation.acceptedAt) return 'ACCEPTED';
    if (invitation.revokedAt) return 'REVOKED';
    return invitation.expiresAt.getTime() > this.clock.now().getTime() ? 'PENDING' : 'EXPIRED';
  }

  private invalid(): AppError {
    return new AppError('NOT_FOUND', 'invitations.invalid');
  }
}
