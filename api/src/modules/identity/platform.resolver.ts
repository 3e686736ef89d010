import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { PlatformAdmin } from '../../graphql/authorization';
import { Caller } from '../../graphql/caller';
import type { GraphQLContext } from '../../graphql/context';
import { listCost } from '../../graphql/limits';
import type { Identity } from './identity';
import { toWorkspace } from './identity.mappers';
import { CreateWorkspaceInput, CreateWorkspaceResult, WorkspaceSummary } from './identity.types';
import { PlatformService } from './platform.service';

@Resolver()
export class PlatformResolver {
  constructor(private readonly platform: PlatformService) {}

  @PlatformAdmin()
  @Query(() => [WorkspaceSummary], {
    description: 'Platform operator: every workspace on this installation.',
    complexity: listCost(100),
  })
  async allWorkspaces(@Ctx() ctx: GraphQLContext): Promise<WorkspaceSummary[]> {
    const rows = await this.platform.workspaces(ctx.em);
    return rows.map(({ workspace, memberCount }) => ({ workspace: toWorkspace(workspace), memberCount }));
  }

  @PlatformAdmin()
  @Mutation(() => CreateWorkspaceResult, {
    description: 'Platform operator: opens a workspace for a business and its first Owner.',
  })
  async createWorkspace(
    @Arg('input') input: CreateWorkspaceInput,
    @Caller() caller: Identity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreateWorkspaceResult> {
    const { workspace, ownerInvitationUrl } = await this.platform.createWorkspace(ctx.em, caller, input, ctx.meta);
    return { workspace: toWorkspace(workspace), ownerInvitationUrl };
  }
}
