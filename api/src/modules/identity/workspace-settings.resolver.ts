import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Requires } from '../../graphql/authorization';
import { WorkspaceCaller } from '../../graphql/caller';
import type { GraphQLContext } from '../../graphql/context';
import type { WorkspaceIdentity } from './identity';
import { toWorkspace } from './identity.mappers';
import { Workspace } from './identity.types';
import { Permission } from './permissions';
import { WorkspaceTimeZone } from './time-zones';
import { WorkspaceSettingsService } from './workspace-settings.service';

@Resolver()
export class WorkspaceSettingsResolver {
  constructor(private readonly settings: WorkspaceSettingsService) {}

  @Requires(Permission.WORKSPACE_MANAGE)
  @Mutation(() => Workspace, {
    description: "Sets the time zone the active workspace's times are shown in (WIB, WITA or WIT); audited.",
  })
  async updateWorkspaceTimeZone(
    @Arg('timeZone', () => WorkspaceTimeZone) timeZone: WorkspaceTimeZone,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Workspace> {
    return toWorkspace(await this.settings.setTimeZone(ctx.em, caller, timeZone, ctx.meta));
  }
}
