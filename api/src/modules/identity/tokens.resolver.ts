import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Requires } from '../../graphql/authorization';
import { WorkspaceCaller } from '../../graphql/caller';
import type { GraphQLContext } from '../../graphql/context';
import { listCost } from '../../graphql/limits';
import type { WorkspaceIdentity } from './identity';
import { toApiToken } from './identity.mappers';
import { ApiTokenView, CreateApiTokenInput, CreatedApiToken } from './identity.types';
import { Permission } from './permissions';
import { TokensService } from './tokens.service';

@Resolver()
export class TokensResolver {
  constructor(private readonly tokens: TokensService) {}

  @Requires(Permission.TOKENS_MANAGE)
  @Query(() => [ApiTokenView], {
    description: 'API tokens of the active workspace (never the secrets).',
    complexity: listCost(50),
  })
  async apiTokens(@Ctx() ctx: GraphQLContext): Promise<ApiTokenView[]> {
    return (await this.tokens.list(ctx.em)).map(toApiToken);
  }

  @Requires(Permission.TOKENS_MANAGE)
  @Mutation(() => CreatedApiToken, {
    description: 'Creates a token with a subset of your permissions; the token is shown once.',
  })
  async createApiToken(
    @Arg('input') input: CreateApiTokenInput,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreatedApiToken> {
    const { token, apiToken } = await this.tokens.create(ctx.em, caller, input.name, input.permissions, ctx.meta);
    return { token, apiToken: toApiToken(apiToken) };
  }

  @Requires(Permission.TOKENS_MANAGE)
  @Mutation(() => ApiTokenView, { description: 'Revokes a token: its next request is refused.' })
  async revokeApiToken(
    @Arg('id', () => ID) id: string,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ApiTokenView> {
    return toApiToken(await this.tokens.revoke(ctx.em, caller, id, ctx.meta));
  }
}
