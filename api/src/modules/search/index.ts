/** The global search's public face: the module, and the source interface a new module plugs into. */
export { searchModule } from './search.module';
export { SearchService, SEARCH_SOURCES, type SearchSource } from './search.service';
export { SearchKind } from './search.types';
