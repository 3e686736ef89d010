import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Requires } from '../../graphql/authorization';
import { WorkspaceCaller } from '../../graphql/caller';
import type { GraphQLContext } from '../../graphql/context';
import { listCost } from '../../graphql/limits';
import type { WorkspaceIdentity } from './identity';
import { toMember, toRole } from './identity.mappers';
import { ChangeMemberRoleInput, CreateRoleInput, Member, Role, UpdateRoleInput } from './identity.types';
import { MembersService } from './members.service';
import { Permission } from './permissions';

@Resolver()
export class MembersResolver {
  constructor(private readonly membersService: MembersService) {}

  @Requires(Permission.MEMBERS_READ)
  @Query(() => [Member], { description: 'Members of the active workspace.', complexity: listCost(50) })
  async members(@Ctx() ctx: GraphQLContext): Promise<Member[]> {
    return (await this.membersService.members(ctx.em)).map(toMember);
  }

  @Requires(Permission.MEMBERS_READ)
  @Query(() => [Role], {
    description: 'Built-in and custom roles of the active workspace.',
    complexity: listCost(20),
  })
  async roles(@WorkspaceCaller() caller: WorkspaceIdentity, @Ctx() ctx: GraphQLContext): Promise<Role[]> {
    const roles = await this.membersService.roles(ctx.em, caller.workspaceId);
    return roles.map(({ role, memberCount }) => toRole(role, memberCount));
  }

  @Requires(Permission.MEMBERS_MANAGE)
  @Mutation(() => Member)
  async changeMemberRole(
    @Arg('input') input: ChangeMemberRoleInput,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Member> {
    return toMember(await this.membersService.changeRole(ctx.em, caller, input.memberId, input.roleId, ctx.meta));
  }

  @Requires(Permission.MEMBERS_MANAGE)
  @Mutation(() => Boolean)
  async removeMember(
    @Arg('memberId', () => ID) memberId: string,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.membersService.remove(ctx.em, caller, memberId, ctx.meta);
    return true;
  }

  @Requires(Permission.ROLES_MANAGE)
  @Mutation(() => Role)
  async createRole(
    @Arg('input') input: CreateRoleInput,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Role> {
    return toRole(await this.membersService.createRole(ctx.em, caller, input.name, input.permissions, ctx.meta));
  }

  @Requires(Permission.ROLES_MANAGE)
  @Mutation(() => Role, { description: 'Renames a custom role or changes its permissions (built-in roles are fixed).' })
  async updateRole(
    @Arg('input') input: UpdateRoleInput,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Role> {
    const role = await this.membersService.updateRole(
      ctx.em,
      caller,
      input.roleId,
      input.name,
      input.permissions,
      ctx.meta,
    );
    return toRole(role);
  }

  @Requires(Permission.ROLES_MANAGE)
  @Mutation(() => Boolean, { description: 'Deletes a custom role that nobody holds.' })
  async deleteRole(
    @Arg('roleId', () => ID) roleId: string,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.membersService.deleteRole(ctx.em, caller, roleId, ctx.meta);
    return true;
  }
}
