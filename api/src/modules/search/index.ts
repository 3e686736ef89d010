/** The global search's public face: the module, and the source contract a module's `searchSources` follow. */
export { searchModule } from './search.module';
export { SearchService } from './search.service';
export {
  likePatterns,
  longEnough,
  MIN_PHONE_QUERY,
  MIN_TEXT_QUERY,
  type LikePatterns,
  type SearchRow,
  type SearchSource,
} from './source';
export { SearchKind, type SearchHit } from './search.types';
