import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Requires } from '../../../graphql/authorization';
import { WorkspaceCaller } from '../../../graphql/caller';
import type { GraphQLContext } from '../../../graphql/context';
import { Permission, type WorkspaceIdentity } from '../../identity';
import { CampaignMediaService } from './media.service';
import { CampaignMediaFileArgs, CampaignMediaFileView } from './media.types';

/** The facts of uploaded header files (the upload itself is `POST /api/campaigns/media`). */
@Resolver()
export class CampaignMediaResolver {
  constructor(private readonly media: CampaignMediaService) {}

  @Requires(Permission.CAMPAIGNS_READ)
  @Query(() => CampaignMediaFileView, { description: 'A file uploaded for a campaign’s media header.' })
  async campaignMediaFile(
    @Args() { id }: CampaignMediaFileArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CampaignMediaFileView> {
    return this.media.get(ctx.em, caller.workspaceId, id);
  }
}
