import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { SessionOnly } from '../../graphql/authorization';
import { SessionCaller } from '../../graphql/caller';
import type { GraphQLContext } from '../../graphql/context';
import type { SessionIdentity } from './identity';
import {
  DisableTwoFactorInput,
  EnableTwoFactorInput,
  RecoveryCodes,
  RegenerateRecoveryCodesInput,
  TwoFactorSetup,
} from './identity.types';
import { TwoFactorService } from './two-factor.service';

@Resolver()
export class TwoFactorResolver {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @SessionOnly()
  @Mutation(() => TwoFactorSetup, { description: 'A new TOTP secret to scan; nothing changes until enableTwoFactor.' })
  startTwoFactorSetup(@SessionCaller() caller: SessionIdentity, @Ctx() ctx: GraphQLContext): Promise<TwoFactorSetup> {
    return this.twoFactor.startSetup(ctx.em, caller.userId);
  }

  @SessionOnly()
  @Mutation(() => RecoveryCodes, {
    description: 'Turns two-factor on with a code from the app; returns the recovery codes once.',
  })
  async enableTwoFactor(
    @Arg('input') input: EnableTwoFactorInput,
    @SessionCaller() caller: SessionIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RecoveryCodes> {
    return { codes: await this.twoFactor.enable(ctx.em, caller.userId, input.code, input.password, ctx.meta) };
  }

  @SessionOnly()
  @Mutation(() => Boolean, { description: 'Turns two-factor off; needs the password and a current or recovery code.' })
  async disableTwoFactor(
    @Arg('input') input: DisableTwoFactorInput,
    @SessionCaller() caller: SessionIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.twoFactor.disable(ctx.em, caller.userId, input.password, input.code, ctx.meta);
    return true;
  }

  @SessionOnly()
  @Mutation(() => RecoveryCodes, {
    description: 'Replaces all recovery codes with ten new ones; needs the password and a current second factor.',
  })
  async regenerateRecoveryCodes(
    @Arg('input') input: RegenerateRecoveryCodesInput,
    @SessionCaller() caller: SessionIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RecoveryCodes> {
    return {
      codes: await this.twoFactor.regenerateRecoveryCodes(ctx.em, caller.userId, input.password, input.code, ctx.meta),
    };
  }
}
