import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Requires } from '../../graphql/authorization';
import { WorkspaceCaller } from '../../graphql/caller';
import type { GraphQLContext } from '../../graphql/context';
import { listCost } from '../../graphql/limits';
import { replyFacts } from '../channels';
import { Permission, type WorkspaceIdentity } from '../identity';
import { CampaignInsightsService, MAX_TIMELINE_POINTS } from './campaign-insights.service';
import {
  CampaignRepliesArgs,
  CampaignReplyPage,
  CampaignTimeline,
  CampaignTimelineArgs,
} from './campaign-insights.types';

/** What a campaign's detail page reads besides the campaign itself: its activity over time and its replies. */
@Resolver()
export class CampaignInsightsResolver {
  constructor(private readonly insights: CampaignInsightsService) {}

  @Requires(Permission.CAMPAIGNS_READ)
  @Query(() => CampaignTimeline, {
    description: 'Sent, delivered, read and failed messages of a campaign per interval, oldest first.',
    complexity: listCost(MAX_TIMELINE_POINTS),
  })
  campaignTimeline(
    @Args() { campaignId }: CampaignTimelineArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CampaignTimeline> {
    return this.insights.timeline(ctx.em, caller.workspaceId, campaignId);
  }

  // What customers wrote is contact data: readable by those who may read contacts, as `contactReplies` is.
  @Requires(Permission.CONTACTS_READ)
  @Query(() => CampaignReplyPage, {
    description: 'Replies from a campaign’s recipients within 3 days of their message, newest first.',
    complexity: listCost('first'),
  })
  async campaignReplies(
    @Args() { campaignId, first, after }: CampaignRepliesArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CampaignReplyPage> {
    const page = await this.insights.replies(ctx.em, caller.workspaceId, campaignId, { first, after });
    const items = page.items.map((row) => ({
      id: row.id,
      contactId: row.contact_id,
      phone: row.phone,
      name: row.name,
      type: row.type,
      text: row.text,
      ...replyFacts(row),
      receivedAt: new Date(row.received_at),
    }));
    return {
      totalCount: page.totalCount,
      items,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: items.at(-1)?.id ?? null },
    };
  }
}
