import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Requires } from '../../graphql/authorization';
import type { GraphQLContext } from '../../graphql/context';
import { toAuditEntry } from './identity.mappers';
import { AuditLogArgs, AuditPage } from './identity.types';
import { Permission } from './permissions';

@Resolver()
export class AuditResolver {
  @Requires(Permission.AUDIT_READ)
  @Query(() => AuditPage, { description: 'Security events of the active workspace, newest first.' })
  async auditLog(@Args() { cursor, limit }: AuditLogArgs, @Ctx() ctx: GraphQLContext): Promise<AuditPage> {
    const page = await ctx.services.identity.audit.page(ctx.em, {
      workspaceId: ctx.identity!.workspaceId!,
      cursor,
      limit,
    });
    return { items: page.items.map(toAuditEntry), nextCursor: page.nextCursor };
  }
}
