import { defineModule } from '../manifest';
import * as searchSql from './search.sql';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

export const searchModule = defineModule<'search', { search: SearchService }, Record<string, never>>({
  name: 'search',
  // Its statements read these modules' tables (contact, payment_order, message_template): an exception to
  // "modules talk through services" kept small (read-only, one statement per source). Each source belongs in
  // its module's face (a `searchSource` export) once those modules can take the change without a merge fight.
  requires: ['contacts', 'wallet', 'channels'],
  statements: Object.values(searchSql),
  resolvers: [SearchResolver],
  services: () => ({ search: new SearchService() }),
});
