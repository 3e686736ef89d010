import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Requires } from '../../graphql/authorization';
import type { GraphQLContext } from '../../graphql/context';
import { toApiToken } from './identity.mappers';
import { ApiTokenView, CreateApiTokenInput, CreatedApiToken } from './identity.types';
import { Permission } from './permissions';

@Resolver()
export class TokensResolver {
  @Requires(Permission.TOKENS_MANAGE)
  @Query(() => [ApiTokenView], { description: 'API tokens of the active workspace (never the secrets).' })
  async apiTokens(@Ctx() ctx: GraphQLContext): Promise<ApiTokenView[]> {
    return (await ctx.services.identity.tokens.list(ctx.em)).map(toApiToken);
  }

  @Requires(Permission.TOKENS_MANAGE)
  @Mutation(() => CreatedApiToken, {
    description: 'Creates a token with a subset of your permissions; the token is shown once.',
  })
  async createApiToken(@Arg('input') input: CreateApiTokenInput, @Ctx() ctx: GraphQLContext): Promise<CreatedApiToken> {
    const { token, apiToken } = await ctx.services.identity.tokens.create(
      ctx.em,
      ctx.identity!,
      input.name,
      input.permissions,
      ctx.meta,
    );
    return { token, apiToken: toApiToken(apiToken) };
  }

  @Requires(Permission.TOKENS_MANAGE)
  @Mutation(() => ApiTokenView, { description: 'Revokes a token: its next request is refused.' })
  async revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ApiTokenView> {
    return toApiToken(await ctx.services.identity.tokens.revoke(ctx.em, ctx.identity!, id, ctx.meta));
  }
}
