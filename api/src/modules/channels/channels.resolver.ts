import { Arg, Args, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Requires } from '../../graphql/authorization';
import { WorkspaceCaller } from '../../graphql/caller';
import type { GraphQLContext } from '../../graphql/context';
import { listCost } from '../../graphql/limits';
import { Permission, type WorkspaceIdentity } from '../identity';
import { ChannelsService } from './channels.service';
import {
  ChannelIdArgs,
  ChannelView,
  ConnectChannelInput,
  SyncTemplatesArgs,
  TemplateConnection,
  TemplatesArgs,
  TemplateView,
  UpdateChannelInput,
} from './channels.types';
import type { MessageTemplate } from './template.entity';

const toTemplate = (template: MessageTemplate): TemplateView => ({
  id: template.id,
  metaId: template.metaId,
  wabaId: template.wabaId,
  name: template.name,
  language: template.language,
  category: template.category,
  parameterFormat: template.parameterFormat,
  status: template.status,
  quality: template.quality ?? null,
  components: JSON.stringify(template.components),
  unsupported: template.unsupported ?? null,
  syncedAt: template.syncedAt,
});

/** WhatsApp channels and their templates. */
@Resolver()
export class ChannelsResolver {
  constructor(private readonly service: ChannelsService) {}

  @Requires(Permission.CHANNELS_READ)
  @Query(() => [ChannelView], { description: 'The workspace’s WhatsApp channels.', complexity: listCost(50) })
  channels(@WorkspaceCaller() caller: WorkspaceIdentity, @Ctx() ctx: GraphQLContext): Promise<ChannelView[]> {
    return this.service.list(ctx.em, caller.workspaceId);
  }

  @Requires(Permission.CHANNELS_MANAGE)
  @Mutation(() => ChannelView, {
    description: 'Verifies the token at Meta, subscribes the app to the WABA, stores it.',
  })
  connectChannel(
    @Arg('input') input: ConnectChannelInput,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ChannelView> {
    return this.service.connect(ctx.em, caller.workspaceId, input, { actor: caller, meta: ctx.meta });
  }

  @Requires(Permission.CHANNELS_MANAGE)
  @Mutation(() => ChannelView)
  updateChannel(
    @Args() { id }: ChannelIdArgs,
    @Arg('input') input: UpdateChannelInput,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ChannelView> {
    return this.service.update(ctx.em, caller.workspaceId, id, input, { actor: caller, meta: ctx.meta });
  }

  @Requires(Permission.CHANNELS_MANAGE)
  @Mutation(() => ChannelView, { description: 'Checks the token, the number, the subscription and the portfolio.' })
  checkChannel(
    @Args() { id }: ChannelIdArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ChannelView> {
    return this.service.check(ctx.em, caller.workspaceId, id, { actor: caller, meta: ctx.meta });
  }

  @Requires(Permission.CHANNELS_MANAGE)
  @Mutation(() => Boolean, { description: 'Forgets the channel and its token.' })
  disconnectChannel(
    @Args() { id }: ChannelIdArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    return this.service.disconnect(ctx.em, caller.workspaceId, id, { actor: caller, meta: ctx.meta });
  }

  @Requires(Permission.TEMPLATES_READ)
  @Query(() => TemplateConnection, {
    description: 'The local copy of the templates, by name and language.',
    complexity: listCost('first'),
  })
  async templates(
    @Args() { channelId, first, after }: TemplatesArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TemplateConnection> {
    const page = await this.service.templates(ctx.em, caller.workspaceId, channelId, { first, after });
    return {
      edges: page.items.map((template) => ({ cursor: template.id, node: toTemplate(template) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.items.at(-1)?.id ?? null },
      totalCount: page.totalCount,
      lastSyncedAt: page.lastSyncedAt,
    };
  }

  @Requires(Permission.TEMPLATES_WRITE)
  @Mutation(() => Int, { description: 'Fetches every template of the channel’s WABA from Meta; answers how many.' })
  syncTemplates(
    @Args() { channelId }: SyncTemplatesArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<number> {
    return this.service.syncTemplates(ctx.em, caller.workspaceId, channelId, { actor: caller, meta: ctx.meta });
  }
}
