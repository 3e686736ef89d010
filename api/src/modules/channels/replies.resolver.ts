import { Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Requires } from '../../graphql/authorization';
import { WorkspaceCaller } from '../../graphql/caller';
import type { GraphQLContext } from '../../graphql/context';
import { listCost } from '../../graphql/limits';
import { Permission, type WorkspaceIdentity } from '../identity';
import { replyFacts } from './inbound-media';
import { RepliesService } from './replies.service';
import {
  ContactRepliesArgs,
  ContactReplyConnection,
  ReplyForwarding,
  SetReplyForwardingArgs,
  SetReplyForwardingResult,
} from './replies.types';
import { ReplyForwardingService } from './reply-forwarding.service';

/** Inbound replies on a contact, and their forwarding to the workspace's webhook. */
@Resolver()
export class RepliesResolver {
  constructor(
    private readonly replies: RepliesService,
    private readonly forwarding: ReplyForwardingService,
  ) {}

  @Requires(Permission.CONTACTS_READ)
  @Query(() => ContactReplyConnection, {
    description: 'A contact’s WhatsApp replies, newest first.',
    complexity: listCost('first'),
  })
  async contactReplies(
    @Args() { contactId, first, after }: ContactRepliesArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ContactReplyConnection> {
    const { items, hasNextPage } = await this.replies.page(ctx.em, caller.workspaceId, contactId, { first, after });
    return {
      edges: items.map((row) => ({
        cursor: row.id,
        node: {
          id: row.id,
          channelId: row.channel_id,
          wamid: row.wamid,
          type: row.type,
          text: row.text,
          receivedAt: new Date(row.received_at),
          ...replyFacts(row),
        },
      })),
      pageInfo: { hasNextPage, endCursor: items.at(-1)?.id ?? null },
    };
  }

  @Requires(Permission.CHANNELS_READ)
  @Query(() => ReplyForwarding, { nullable: true, description: 'Where replies are forwarded; null when never set.' })
  replyForwarding(@WorkspaceCaller() caller: WorkspaceIdentity, @Ctx() ctx: GraphQLContext) {
    return this.forwarding.settings(ctx.em, caller.workspaceId);
  }

  @Requires(Permission.CHANNELS_MANAGE)
  @Mutation(() => SetReplyForwardingResult, {
    description: 'Sets the webhook URL replies are forwarded to, and turns forwarding on or off.',
  })
  setReplyForwarding(
    @Args() { url, enabled, rotateSecret }: SetReplyForwardingArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SetReplyForwardingResult> {
    return this.forwarding.set(ctx.em, caller, ctx.meta, { url, enabled, rotateSecret });
  }
}
