import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { PlatformAdmin, Requires } from '../../graphql/authorization';
import { Caller, WorkspaceCaller } from '../../graphql/caller';
import type { GraphQLContext } from '../../graphql/context';
import { listCost } from '../../graphql/limits';
import { Permission, Workspace, type Identity, type WorkspaceIdentity } from '../identity';
import { BillingService, type PriceView } from './billing.service';
import {
  BillingProfileInput,
  BillingProfileView,
  MessagePriceView,
  PriceList,
  PricesArgs,
  SetPriceInput,
  StatementArgs,
  StatementExport,
  type TemplateCategoryEnum,
} from './billing.types';

const toPrice = (price: PriceView): MessagePriceView => ({
  ...price,
  category: price.category as TemplateCategoryEnum,
});

/** Prices (platform admin), the billing profile and the monthly statement. */
@Resolver()
export class BillingResolver {
  constructor(private readonly billing: BillingService) {}

  @PlatformAdmin()
  @Query(() => PriceList, { description: 'Message prices and their history.', complexity: listCost(100) })
  async prices(@Args() { workspaceId }: PricesArgs, @Ctx() ctx: GraphQLContext): Promise<PriceList> {
    const em = ctx.em;
    return {
      current: (await this.billing.pricesAt(em, workspaceId ?? null)).map(toPrice),
      history: (await this.billing.priceHistory(em, workspaceId ?? null)).map(toPrice),
    };
  }

  @PlatformAdmin()
  @Mutation(() => MessagePriceView, { description: 'A new price from now on; launched campaigns keep theirs.' })
  async setPrice(
    @Arg('input') input: SetPriceInput,
    @Caller() caller: Identity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MessagePriceView> {
    return toPrice(await this.billing.setPrice(ctx.em, caller.userId, input));
  }

  @Requires(Permission.PAYMENTS_READ)
  @Query(() => BillingProfileView, { nullable: true, description: 'Who receipts are made out to.' })
  async billingProfile(
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BillingProfileView | null> {
    return this.billing.billingProfile(ctx.em, caller.workspaceId);
  }

  @Requires(Permission.WALLET_TOPUP)
  @Mutation(() => BillingProfileView)
  async updateBillingProfile(
    @Arg('input') input: BillingProfileInput,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BillingProfileView> {
    return this.billing.updateBillingProfile(ctx.em, caller.workspaceId, input);
  }

  @Requires(Permission.PAYMENTS_READ)
  @Query(() => StatementExport, { description: 'A month of the wallet as CSV: top-ups, usage, refunds, reversals.' })
  async monthlyStatement(
    @Args() { month }: StatementArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<StatementExport> {
    const { timeZone } = await ctx.em.findOneOrFail(Workspace, caller.workspaceId);
    return this.billing.monthlyStatement(ctx.em, caller.workspaceId, month, ctx.language, timeZone);
  }
}
