import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Requires } from '../../graphql/authorization';
import { WorkspaceCaller } from '../../graphql/caller';
import type { GraphQLContext } from '../../graphql/context';
import { listCost } from '../../graphql/limits';
import { AuditService } from './audit.service';
import type { WorkspaceIdentity } from './identity';
import { toAuditEntry } from './identity.mappers';
import { AuditLogArgs, AuditPage } from './identity.types';
import { Permission } from './permissions';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Requires(Permission.AUDIT_READ)
  @Query(() => AuditPage, {
    description: 'Security events of the active workspace, newest first.',
    complexity: listCost('limit'),
  })
  async auditLog(
    @Args() { cursor, limit }: AuditLogArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuditPage> {
    const page = await this.audit.page(ctx.em, { workspaceId: caller.workspaceId, cursor, limit });
    return { items: page.items.map(toAuditEntry), nextCursor: page.nextCursor };
  }
}
