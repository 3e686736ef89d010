import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Requires } from '../../graphql/authorization';
import { WorkspaceCaller } from '../../graphql/caller';
import type { GraphQLContext } from '../../graphql/context';
import { listCost } from '../../graphql/limits';
import { Permission, type WorkspaceIdentity, type WorkspaceTimeZone } from '../identity';
import { MessageStatisticsService } from './message-statistics.service';
import { MessageDailyArgs, MessageDayStatistics, MessageStatistics } from './message-statistics.types';

/** The overview's message statistics: read from the hourly rollup, whatever the number of messages. */
@Resolver(() => MessageStatistics)
export class MessageStatisticsResolver {
  constructor(private readonly statistics: MessageStatisticsService) {}

  @Requires(Permission.CAMPAIGNS_READ)
  @Query(() => MessageStatistics, {
    description: 'Campaign messages sent, delivered, read and failed, and spend: today, 7 and 30 days, and per day.',
  })
  async messageStatistics(
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MessageStatistics> {
    const result = await this.statistics.statistics(ctx.em, caller.workspaceId, 30);
    return {
      ...result,
      timeZone: result.timeZone as WorkspaceTimeZone,
      workspaceId: caller.workspaceId,
      days30: result.daily,
    };
  }

  @FieldResolver(() => [MessageDayStatistics], {
    description: 'Every one of the last `days` days in the workspace’s time zone, oldest first, today last.',
    complexity: listCost('days'),
  })
  async daily(
    @Root() parent: MessageStatistics,
    @Args() { days }: MessageDailyArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MessageDayStatistics[]> {
    if (days <= parent.days30.length) return parent.days30.slice(-days);
    return (await this.statistics.statistics(ctx.em, parent.workspaceId, days)).daily;
  }
}
