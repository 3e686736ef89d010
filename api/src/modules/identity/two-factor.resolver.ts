import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { SignedIn } from '../../graphql/authorization';
import type { GraphQLContext } from '../../graphql/context';
import { DisableTwoFactorInput, EnableTwoFactorInput, RecoveryCodes, TwoFactorSetup } from './identity.types';

@Resolver()
export class TwoFactorResolver {
  @SignedIn()
  @Mutation(() => TwoFactorSetup, { description: 'A new TOTP secret to scan; nothing changes until enableTwoFactor.' })
  startTwoFactorSetup(@Ctx() ctx: GraphQLContext): Promise<TwoFactorSetup> {
    return ctx.services.identity.twoFactor.startSetup(ctx.em, ctx.identity!.userId);
  }

  @SignedIn()
  @Mutation(() => RecoveryCodes, {
    description: 'Turns two-factor on with a code from the app; returns the recovery codes once.',
  })
  async enableTwoFactor(@Arg('input') input: EnableTwoFactorInput, @Ctx() ctx: GraphQLContext): Promise<RecoveryCodes> {
    const codes = await ctx.services.identity.twoFactor.enable(
      ctx.em,
      ctx.identity!.userId,
      input.code,
      input.password,
      ctx.meta,
    );
    return { codes };
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Turns two-factor off; needs the password and a current or recovery code.' })
  async disableTwoFactor(@Arg('input') input: DisableTwoFactorInput, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.identity.twoFactor.disable(ctx.em, ctx.identity!.userId, input.password, input.code, ctx.meta);
    return true;
  }

  @SignedIn()
  @Mutation(() => RecoveryCodes, { description: 'Replaces all recovery codes with ten new ones.' })
  async regenerateRecoveryCodes(@Arg('password') password: string, @Ctx() ctx: GraphQLContext): Promise<RecoveryCodes> {
    const codes = await ctx.services.identity.twoFactor.regenerateRecoveryCodes(
      ctx.em,
      ctx.identity!.userId,
      password,
      ctx.meta,
    );
    return { codes };
  }
}
