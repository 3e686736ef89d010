import { defineModule } from '../manifest';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

/**
 * The global search. It owns no table: each module declares the source of its own rows (`searchSources` in its
 * manifest, next to its statements), and the search asks those of the modules listed before it.
 */
export const searchModule = defineModule<'search', { search: SearchService }, Record<string, never>>({
  name: 'search',
  resolvers: [SearchResolver],
  services: (_deps, _needs, earlier) => ({
    search: new SearchService(earlier.flatMap((module) => module.searchSources ?? [])),
  }),
});
