import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Public, SessionOnly, SignedIn } from '../../graphql/authorization';
import { Caller, SessionCaller } from '../../graphql/caller';
import type { GraphQLContext } from '../../graphql/context';
import { listCost } from '../../graphql/limits';
import { AccessService } from './access.service';
import { AuthService, type LoginOutcome } from './auth.service';
import type { Identity, SessionIdentity } from './identity';
import { toSession } from './identity.mappers';
import {
  ChangePasswordInput,
  LoginInput,
  LoginResult,
  LoginStatus,
  Me,
  Session,
  UpdateProfileInput,
  VerifyTwoFactorInput,
} from './identity.types';
import { loadMe } from './me';

export function toLoginResult(outcome: LoginOutcome): LoginResult {
  return outcome.status === 'SIGNED_IN'
    ? {
        status: LoginStatus.SIGNED_IN,
        sessionToken: outcome.sessionToken,
        mustChangePassword: outcome.mustChangePassword,
      }
    : {
        status: LoginStatus.TWO_FACTOR_REQUIRED,
        challengeToken: outcome.challengeToken,
        mustChangePassword: outcome.mustChangePassword,
      };
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly access: AccessService,
  ) {}

  @Public()
  @Mutation(() => LoginResult, { description: 'Signs in with e-mail and password.' })
  async login(@Arg('input') input: LoginInput, @Ctx() ctx: GraphQLContext): Promise<LoginResult> {
    return toLoginResult(await this.auth.login(ctx.em, input.email, input.password, ctx.meta));
  }

  @Public()
  @Mutation(() => LoginResult, { description: 'Second step of a sign-in with two-factor authentication.' })
  async verifyTwoFactor(@Arg('input') input: VerifyTwoFactorInput, @Ctx() ctx: GraphQLContext): Promise<LoginResult> {
    return toLoginResult(await this.auth.verifyTwoFactor(ctx.em, input.challengeToken, input.code, ctx.meta));
  }

  @SessionOnly()
  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  async logout(@SessionCaller() caller: SessionIdentity, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await this.auth.logout(ctx.em, caller.sessionId, caller.userId, ctx.meta);
    return true;
  }

  @SessionOnly()
  @Mutation(() => Boolean, { description: 'Changes the password; every other session of the user ends.' })
  async changePassword(
    @Arg('input') input: ChangePasswordInput,
    @SessionCaller() caller: SessionIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.auth.changePassword(
      ctx.em,
      caller.userId,
      caller.sessionId,
      input.currentPassword,
      input.newPassword,
      ctx.meta,
    );
    return true;
  }

  @SignedIn()
  @Query(() => Me, { description: 'The signed-in user, the active workspace and the permissions there.' })
  me(@Caller() caller: Identity, @Ctx() ctx: GraphQLContext): Promise<Me> {
    return loadMe(ctx.em, caller);
  }

  @SessionOnly()
  @Mutation(() => Me)
  async updateProfile(
    @Arg('input') input: UpdateProfileInput,
    @SessionCaller() caller: SessionIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Me> {
    await this.auth.updateProfile(ctx.em, caller.userId, input);
    return loadMe(ctx.em, caller);
  }

  @SessionOnly()
  @Query(() => [Session], { description: 'The signed-in user’s active sessions.', complexity: listCost(20) })
  async mySessions(@SessionCaller() caller: SessionIdentity, @Ctx() ctx: GraphQLContext): Promise<Session[]> {
    const sessions = await this.auth.sessions(ctx.em, caller.userId);
    return sessions.map((session) => toSession(session, caller.sessionId));
  }

  @SessionOnly()
  @Mutation(() => Boolean)
  async revokeSession(
    @Arg('id', () => ID) id: string,
    @SessionCaller() caller: SessionIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.auth.revokeSession(ctx.em, caller.userId, id, ctx.meta);
    return true;
  }

  @SessionOnly()
  @Mutation(() => Me, { description: 'Makes another of the user’s workspaces the active one for this session.' })
  async switchWorkspace(
    @Arg('workspaceId', () => ID) workspaceId: string,
    @SessionCaller() caller: SessionIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Me> {
    // A script's token is bound to its workspace for life (@SessionOnly).
    await this.auth.switchWorkspace(ctx.em, caller.userId, caller.sessionId, workspaceId);
    const refreshed = await this.access.resolveSessionById(ctx.em, caller.sessionId);
    return loadMe(ctx.em, refreshed ?? caller);
  }
}
