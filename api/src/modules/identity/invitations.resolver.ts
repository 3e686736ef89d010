import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PlatformAdmin, Public, Requires, SessionOnly } from '../../graphql/authorization';
import { Caller, SessionCaller, WorkspaceCaller } from '../../graphql/caller';
import type { GraphQLContext } from '../../graphql/context';
import { listCost } from '../../graphql/limits';
import { toLoginResult } from './auth.resolver';
import type { Identity, SessionIdentity, WorkspaceIdentity } from './identity';
import { toInvitation, toWorkspace } from './identity.mappers';
import {
  AcceptInvitationWithNewAccountInput,
  CreatedInvitation,
  Invitation,
  InvitationPreview,
  InvitationStatus,
  InviteMemberInput,
  IssuedResetLink,
  LoginResult,
  PasswordResetPreview,
  ResetPasswordInput,
  Workspace,
} from './identity.types';
import { InvitationsService } from './invitations.service';
import { PasswordResetsService } from './password-resets.service';
import { Permission } from './permissions';

/** Joining a workspace by invitation, and the one-time links that bring a lost password back. */
@Resolver()
export class InvitationsResolver {
  constructor(
    private readonly invitationsService: InvitationsService,
    private readonly resets: PasswordResetsService,
  ) {}

  @Requires(Permission.MEMBERS_READ)
  @Query(() => [Invitation], {
    description: 'Open invitations of the active workspace (pending and expired), newest first.',
    complexity: listCost(100),
  })
  async invitations(@Ctx() ctx: GraphQLContext): Promise<Invitation[]> {
    const rows = await this.invitationsService.openInvitations(ctx.em);
    return rows.map(({ invitation, status }) => toInvitation(invitation, status as InvitationStatus));
  }

  @Requires(Permission.MEMBERS_MANAGE)
  @Mutation(() => CreatedInvitation, {
    description:
      'Invites an address with a role: a one-time link, the same answer whether or not the address has an account.',
  })
  async inviteMember(
    @Arg('input') input: InviteMemberInput,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreatedInvitation> {
    const { invitation, url } = await this.invitationsService.invite(ctx.em, caller, input, ctx.meta);
    return {
      invitation: toInvitation(invitation, this.invitationsService.status(invitation) as InvitationStatus),
      url,
    };
  }

  @Requires(Permission.MEMBERS_MANAGE)
  @Mutation(() => Boolean, { description: 'Revokes an open invitation: its link stops working.' })
  async revokeInvitation(
    @Arg('invitationId', () => ID) invitationId: string,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.invitationsService.revoke(ctx.em, caller, invitationId, ctx.meta);
    return true;
  }

  @Public()
  @Query(() => InvitationPreview, { description: 'What an invitation link offers, for its accept page.' })
  async invitation(@Arg('token') token: string, @Ctx() ctx: GraphQLContext): Promise<InvitationPreview> {
    return this.invitationsService.preview(ctx.em, token);
  }

  @SessionOnly()
  @Mutation(() => Workspace, {
    description: 'Accepts an invitation for the signed-in account (its address must be the invited one).',
  })
  async acceptInvitation(
    @Arg('token') token: string,
    @SessionCaller() caller: SessionIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Workspace> {
    return toWorkspace(await this.invitationsService.accept(ctx.em, caller, token, ctx.meta));
  }

  @Public()
  @Mutation(() => LoginResult, {
    description: 'Accepts an invitation by creating the invited account; signs it in.',
  })
  async acceptInvitationWithNewAccount(
    @Arg('input') input: AcceptInvitationWithNewAccountInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LoginResult> {
    return toLoginResult(await this.invitationsService.acceptWithNewAccount(ctx.em, input, ctx.meta));
  }

  @Requires(Permission.MEMBERS_MANAGE)
  @Mutation(() => IssuedResetLink, {
    description:
      'Owner: a one-time password-reset link for a member whose every workspace you own. Using it ends all its sessions.',
  })
  async issuePasswordResetLink(
    @Arg('memberId', () => ID) memberId: string,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<IssuedResetLink> {
    return this.resets.issueForMember(ctx.em, caller, memberId, ctx.meta);
  }

  @PlatformAdmin()
  @Mutation(() => IssuedResetLink, {
    description: 'Platform operator: a one-time password-reset link for any account.',
  })
  async issueAccountResetLink(
    @Arg('email') email: string,
    @Caller() caller: Identity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<IssuedResetLink> {
    return this.resets.issueByOperator(ctx.em, caller, email, ctx.meta);
  }

  @Public()
  @Query(() => PasswordResetPreview, { description: 'Whose password a reset link resets, for its page.' })
  async passwordResetLink(@Arg('token') token: string, @Ctx() ctx: GraphQLContext): Promise<PasswordResetPreview> {
    return this.resets.preview(ctx.em, token);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Sets a new password with a reset link; every session of the account ends.' })
  async resetPassword(@Arg('input') input: ResetPasswordInput, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await this.resets.reset(ctx.em, input, ctx.meta);
    return true;
  }
}
