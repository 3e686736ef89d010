import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { SignedIn } from '../../graphql/authorization';
import { Caller } from '../../graphql/caller';
import type { GraphQLContext } from '../../graphql/context';
import { listCost } from '../../graphql/limits';
import type { Identity } from '../identity';
import { SearchService } from './search.service';
import { SearchArgs, SearchHit } from './search.types';

/**
 * Signed-in rather than one permission: what a reader finds depends on what they may read (each source checks
 * its own permission in the service), and a member who may read nothing searchable simply finds nothing.
 */
@Resolver()
export class SearchResolver {
  constructor(private readonly searcher: SearchService) {}

  @SignedIn()
  @Query(() => [SearchHit], {
    description: 'Contacts, campaigns, payment orders and templates of the active workspace that match, best first.',
    complexity: listCost('first'),
  })
  async search(
    @Args() { query, first }: SearchArgs,
    @Caller() caller: Identity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SearchHit[]> {
    if (!caller.workspaceId) return [];
    return this.searcher.search(
      ctx.em,
      { workspaceId: caller.workspaceId, permissions: caller.permissions },
      query,
      first,
    );
  }
}
