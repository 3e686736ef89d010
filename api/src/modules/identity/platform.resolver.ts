import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { PlatformAdmin } from '../../graphql/authorization';
import type { GraphQLContext } from '../../graphql/context';
import { toWorkspace } from './identity.mappers';
import { CreateWorkspaceInput, CreateWorkspaceResult, WorkspaceSummary } from './identity.types';

@Resolver()
export class PlatformResolver {
  @PlatformAdmin()
  @Query(() => [WorkspaceSummary], { description: 'Platform operator: every workspace on this installation.' })
  async allWorkspaces(@Ctx() ctx: GraphQLContext): Promise<WorkspaceSummary[]> {
    const rows = await ctx.services.identity.platform.workspaces(ctx.em);
    return rows.map(({ workspace, memberCount }) => ({ workspace: toWorkspace(workspace), memberCount }));
  }

  @PlatformAdmin()
  @Mutation(() => CreateWorkspaceResult, {
    description: 'Platform operator: opens a workspace for a business and its first Owner.',
  })
  async createWorkspace(
    @Arg('input') input: CreateWorkspaceInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreateWorkspaceResult> {
    const { workspace, temporaryPassword } = await ctx.services.identity.platform.createWorkspace(
      ctx.em,
      ctx.identity!,
      input,
      ctx.meta,
    );
    return { workspace: toWorkspace(workspace), temporaryPassword };
  }
}
