import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { AppError } from '../../core/app-error';
import { Public, SignedIn } from '../../graphql/authorization';
import type { GraphQLContext } from '../../graphql/context';
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
import type { LoginOutcome } from './auth.service';
import { loadMe } from './me';
import { User } from './user.entity';

function toLoginResult(outcome: LoginOutcome): LoginResult {
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
  @Public()
  @Mutation(() => LoginResult, { description: 'Signs in with e-mail and password.' })
  async login(@Arg('input') input: LoginInput, @Ctx() ctx: GraphQLContext): Promise<LoginResult> {
    return toLoginResult(await ctx.services.identity.auth.login(ctx.em, input.email, input.password, ctx.meta));
  }

  @Public()
  @Mutation(() => LoginResult, { description: 'Second step of a sign-in with two-factor authentication.' })
  async verifyTwoFactor(@Arg('input') input: VerifyTwoFactorInput, @Ctx() ctx: GraphQLContext): Promise<LoginResult> {
    return toLoginResult(
      await ctx.services.identity.auth.verifyTwoFactor(ctx.em, input.challengeToken, input.code, ctx.meta),
    );
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  async logout(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    const identity = ctx.identity!;
    if (identity.sessionId)
      await ctx.services.identity.auth.logout(ctx.em, identity.sessionId, identity.userId, ctx.meta);
    return true;
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Changes the password; every other session of the user ends.' })
  async changePassword(@Arg('input') input: ChangePasswordInput, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    const identity = ctx.identity!;
    await ctx.services.identity.auth.changePassword(
      ctx.em,
      identity.userId,
      identity.sessionId,
      input.currentPassword,
      input.newPassword,
      ctx.meta,
    );
    return true;
  }

  @SignedIn()
  @Query(() => Me, { description: 'The signed-in user, the active workspace and the permissions there.' })
  me(@Ctx() ctx: GraphQLContext): Promise<Me> {
    return loadMe(ctx.em, ctx.identity!);
  }

  @SignedIn()
  @Mutation(() => Me)
  async updateProfile(@Arg('input') input: UpdateProfileInput, @Ctx() ctx: GraphQLContext): Promise<Me> {
    const user = await ctx.em.findOneOrFail(User, ctx.identity!.userId);
    user.name = input.name.trim();
    user.language = input.language;
    await ctx.em.flush();
    return loadMe(ctx.em, ctx.identity!);
  }

  @SignedIn()
  @Query(() => [Session], { description: 'The signed-in user’s active sessions.' })
  async mySessions(@Ctx() ctx: GraphQLContext): Promise<Session[]> {
    const sessions = await ctx.services.identity.auth.sessions(ctx.em, ctx.identity!.userId);
    return sessions.map((session) => toSession(session, ctx.identity!.sessionId));
  }

  @SignedIn()
  @Mutation(() => Boolean)
  async revokeSession(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.identity.auth.revokeSession(ctx.em, ctx.identity!.userId, id, ctx.meta);
    return true;
  }

  @SignedIn()
  @Mutation(() => Me, { description: 'Makes another of the user’s workspaces the active one for this session.' })
  async switchWorkspace(@Arg('workspaceId', () => ID) workspaceId: string, @Ctx() ctx: GraphQLContext): Promise<Me> {
    const identity = ctx.identity!;
    // A script's token is bound to its workspace for life.
    if (!identity.sessionId) throw new AppError('FORBIDDEN', 'auth.sessionOnly');
    await ctx.services.identity.auth.switchWorkspace(ctx.em, identity.userId, identity.sessionId, workspaceId);
    const refreshed = await ctx.services.identity.access.resolveSessionById(identity.sessionId);
    return loadMe(ctx.em, refreshed ?? identity);
  }
}
