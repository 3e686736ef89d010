import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { AppError } from '../../core/app-error';
import type { Rupiah } from '../../core/money';
import { Requires } from '../../graphql/authorization';
import { WorkspaceCaller } from '../../graphql/caller';
import type { GraphQLContext } from '../../graphql/context';
import { listCost } from '../../graphql/limits';
import { RupiahScalar } from '../../graphql/scalars';
import { Permission, Workspace, type WorkspaceIdentity } from '../identity';
import { BillingService } from './billing.service';
import { dayRange } from './ledger-dates';
import { PaymentsService, type PaymentOrderView } from './payments.service';
import { printable } from './receipt-text';
import { WalletService } from './wallet.service';
import {
  CreateTopupInput,
  LedgerEntriesArgs,
  LedgerEntryConnection,
  OrderIdArgs,
  PaymentOrder,
  PaymentOrderConnection,
  PaymentOrdersArgs,
  Receipt,
  TopupResult,
  WalletView,
  type LedgerKindEnum,
  type PaymentOrderStatusEnum,
} from './wallet.types';

function toOrder(view: PaymentOrderView): PaymentOrder {
  return { ...view, status: view.status as PaymentOrderStatusEnum };
}

function connection<T extends { id: string }>(items: T[], hasNextPage: boolean) {
  return {
    edges: items.map((node) => ({ cursor: node.id, node })),
    pageInfo: { hasNextPage, endCursor: items.at(-1)?.id ?? null },
  };
}

/** Thin: permission, input -> WalletService / PaymentsService -> output. */
@Resolver()
export class WalletResolver {
  constructor(
    private readonly walletService: WalletService,
    private readonly payments: PaymentsService,
    private readonly billing: BillingService,
  ) {}

  @Requires(Permission.WALLET_READ)
  @Query(() => WalletView, { description: 'The active workspace’s wallet.' })
  async wallet(@WorkspaceCaller() caller: WorkspaceIdentity, @Ctx() ctx: GraphQLContext): Promise<WalletView> {
    return this.walletService.summary(ctx.em, caller.workspaceId);
  }

  @Requires(Permission.WALLET_READ)
  @Query(() => LedgerEntryConnection, { description: 'Ledger entries, newest first.', complexity: listCost('first') })
  async ledgerEntries(
    @Args() { first, after, filter }: LedgerEntriesArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LedgerEntryConnection> {
    const workspace = await ctx.em.findOneOrFail(Workspace, caller.workspaceId);
    const days = dayRange(filter?.from, filter?.to, workspace.timeZone);
    const { items, hasNextPage } = await this.walletService.page(ctx.em, caller.workspaceId, {
      after,
      kinds: filter?.kinds,
      from: days.from,
      before: days.before,
      limit: first,
    });
    return connection(
      items.map((entry) => ({ ...entry, kind: entry.kind as LedgerKindEnum })),
      hasNextPage,
    );
  }

  @Requires(Permission.PAYMENTS_READ)
  @Query(() => PaymentOrderConnection, { description: 'Top-up orders, newest first.', complexity: listCost('first') })
  async paymentOrders(
    @Args() { first, after, filter }: PaymentOrdersArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PaymentOrderConnection> {
    const { items, hasNextPage } = await this.payments.page(ctx.em, caller.workspaceId, {
      after,
      statuses: filter?.statuses,
      limit: first,
    });
    return connection(items.map(toOrder), hasNextPage);
  }

  @Requires(Permission.PAYMENTS_READ)
  @Query(() => Receipt, { nullable: true, description: 'The receipt of a paid order (null until it is paid).' })
  async receipt(
    @Args() { orderId }: OrderIdArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Receipt | null> {
    const order = await this.payments.order(ctx.em, caller.workspaceId, orderId);
    if (!order) throw new AppError('NOT_FOUND', 'wallet.orderNotFound');
    const receipt = await this.payments.receipt(ctx.em, caller.workspaceId, orderId);
    if (!receipt) return null;
    const billedTo = await this.billing.billingProfile(ctx.em, caller.workspaceId);
    const { timeZone } = await ctx.em.findOneOrFail(Workspace, caller.workspaceId);
    const text = printable(order, receipt.issuedAt, ctx.language, timeZone);
    return { ...receipt, ...text, billedTo, order: toOrder(order) };
  }

  @Requires(Permission.WALLET_TOPUP)
  @Mutation(() => TopupResult, {
    description: 'Creates a Snap payment for a top-up; the wallet is credited when paid.',
  })
  async createTopup(
    @Arg('input') input: CreateTopupInput,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TopupResult> {
    const result = await this.payments.createTopup(ctx.em, caller, input.amount, { name: 'BizOne customer' });
    return { ...result, order: toOrder(result.order) };
  }

  @Requires(Permission.WALLET_TOPUP)
  @Mutation(() => PaymentOrder, { description: 'Checks an order with Midtrans now (after Snap’s finish redirect).' })
  async checkTopup(
    @Args() { orderId }: OrderIdArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PaymentOrder> {
    if (!(await this.payments.order(ctx.em, caller.workspaceId, orderId))) {
      throw new AppError('NOT_FOUND', 'wallet.orderNotFound');
    }
    await this.payments.reconcileOne(ctx.em, caller.workspaceId, orderId);
    return toOrder((await this.payments.order(ctx.em, caller.workspaceId, orderId))!);
  }

  @Requires(Permission.WALLET_TOPUP)
  @Mutation(() => WalletView, { description: 'Sets the available balance under which members get LOW_BALANCE.' })
  async setLowBalanceThreshold(
    @Arg('amount', () => RupiahScalar) amount: Rupiah,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WalletView> {
    return this.walletService.setLowBalanceThreshold(ctx.em, caller.workspaceId, amount);
  }
}
