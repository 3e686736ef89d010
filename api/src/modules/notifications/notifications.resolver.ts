import { Args, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { SignedIn } from '../../graphql/authorization';
import { Caller } from '../../graphql/caller';
import type { GraphQLContext } from '../../graphql/context';
import { listCost } from '../../graphql/limits';
import type { Identity } from '../identity';
import { NotificationsService } from './notifications.service';
import { MarkNotificationsReadArgs, NotificationPage, NotificationsArgs } from './notifications.types';

/** A member's own notifications in the active workspace; a session without one has none. */
@Resolver()
export class NotificationsResolver {
  constructor(private readonly inbox: NotificationsService) {}

  @SignedIn()
  @Query(() => NotificationPage, {
    description: 'The caller’s notifications in the active workspace, newest first.',
    complexity: listCost('first'),
  })
  async notifications(
    @Args() { after, unreadOnly, first }: NotificationsArgs,
    @Caller() caller: Identity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<NotificationPage> {
    if (!caller.workspaceId) return { items: [], unreadCount: 0 };
    return this.inbox.page(
      ctx.em,
      { workspaceId: caller.workspaceId, userId: caller.userId, language: ctx.language },
      { after, unreadOnly, limit: first },
    );
  }

  @SignedIn()
  @Mutation(() => Int, { description: 'Marks the caller’s notifications read (these, or all); returns how many.' })
  async markNotificationsRead(
    @Args() { ids }: MarkNotificationsReadArgs,
    @Caller() caller: Identity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<number> {
    if (!caller.workspaceId) return 0;
    return this.inbox.markRead(ctx.em, caller.workspaceId, caller.userId, ids);
  }
}
