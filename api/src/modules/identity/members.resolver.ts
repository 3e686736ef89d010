import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Requires } from '../../graphql/authorization';
import type { GraphQLContext } from '../../graphql/context';
import { toMember, toRole } from './identity.mappers';
import {
  AddMemberInput,
  AddMemberResult,
  ChangeMemberRoleInput,
  CreateRoleInput,
  Member,
  Role,
  UpdateRoleInput,
} from './identity.types';
import { Permission } from './permissions';

@Resolver()
export class MembersResolver {
  @Requires(Permission.MEMBERS_READ)
  @Query(() => [Member], { description: 'Members of the active workspace.' })
  async members(@Ctx() ctx: GraphQLContext): Promise<Member[]> {
    return (await ctx.services.identity.members.members(ctx.em)).map(toMember);
  }

  @Requires(Permission.MEMBERS_READ)
  @Query(() => [Role], { description: 'Built-in and custom roles of the active workspace.' })
  async roles(@Ctx() ctx: GraphQLContext): Promise<Role[]> {
    const roles = await ctx.services.identity.members.roles(ctx.em, ctx.identity!.workspaceId!);
    return roles.map(({ role, memberCount }) => toRole(role, memberCount));
  }

  @Requires(Permission.MEMBERS_MANAGE)
  @Mutation(() => AddMemberResult, { description: 'Adds a person by e-mail; creates the account if there is none.' })
  async addMember(@Arg('input') input: AddMemberInput, @Ctx() ctx: GraphQLContext): Promise<AddMemberResult> {
    const { member, temporaryPassword } = await ctx.services.identity.members.addMember(
      ctx.em,
      ctx.identity!,
      input,
      ctx.meta,
    );
    return { member: toMember(member), temporaryPassword };
  }

  @Requires(Permission.MEMBERS_MANAGE)
  @Mutation(() => Member)
  async changeMemberRole(@Arg('input') input: ChangeMemberRoleInput, @Ctx() ctx: GraphQLContext): Promise<Member> {
    return toMember(
      await ctx.services.identity.members.changeRole(ctx.em, ctx.identity!, input.memberId, input.roleId, ctx.meta),
    );
  }

  @Requires(Permission.MEMBERS_MANAGE)
  @Mutation(() => Boolean)
  async removeMember(@Arg('memberId', () => ID) memberId: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.identity.members.remove(ctx.em, ctx.identity!, memberId, ctx.meta);
    return true;
  }

  @Requires(Permission.ROLES_MANAGE)
  @Mutation(() => Role)
  async createRole(@Arg('input') input: CreateRoleInput, @Ctx() ctx: GraphQLContext): Promise<Role> {
    return toRole(
      await ctx.services.identity.members.createRole(ctx.em, ctx.identity!, input.name, input.permissions, ctx.meta),
    );
  }

  @Requires(Permission.ROLES_MANAGE)
  @Mutation(() => Role, { description: 'Renames a custom role or changes its permissions (built-in roles are fixed).' })
  async updateRole(@Arg('input') input: UpdateRoleInput, @Ctx() ctx: GraphQLContext): Promise<Role> {
    const role = await ctx.services.identity.members.updateRole(
      ctx.em,
      ctx.identity!,
      input.roleId,
      input.name,
      input.permissions,
      ctx.meta,
    );
    return toRole(role);
  }

  @Requires(Permission.ROLES_MANAGE)
  @Mutation(() => Boolean, { description: 'Deletes a custom role that nobody holds.' })
  async deleteRole(@Arg('roleId', () => ID) roleId: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.identity.members.deleteRole(ctx.em, ctx.identity!, roleId, ctx.meta);
    return true;
  }
}
