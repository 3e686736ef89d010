/**
 * The contacts module's public face. Other modules use: `ContactsService` (inbound replies ->
 * `handleReply`, Meta's `user_preferences` -> `applyUserPreference`, error 131050 ->
 * `suppress(..., MARKETING, 'META_131050')`), `ContactBulkService.onErase` (forget personal
 * data held elsewhere when a contact is erased), `PurgeStep`s on `personalDataPurge` (the same
 * for data kept past the retention period), `phoneHasher` (the one keyed hash of a number), and `audienceWhere` (a campaign's audience as
 * conditions over `contact c` for one set-based INSERT ... SELECT).
 */
export { contactsModule, type ContactsServices } from './contacts.module';
export { ContactsService, EXACT_COUNT_LIMIT } from './contacts.service';
export { ContactBulkService, type ErasedContacts, type ErasureHook } from './contact-bulk.service';
export { PhoneHasher } from './erasure';
export { erasureFence } from './erasure-fence';
export { audienceWhere, filterWhere, isPhoneSearch, type SqlWhere } from './contact-filter';
export { normalizePhone, PHONE_PROBLEM_KEYS, phoneFragmentDigits, type PhoneResult } from './phone';
export { matchOptOut, DEFAULT_OPT_OUT_KEYWORDS, type KeywordMatch } from './keywords';
export {
  ContactSource,
  SuppressionKind,
  SuppressionState,
  SUPPRESSION_SOURCES,
  type ContactFilterValue,
} from './contact-types';
export { Contact, Segment } from './contact.entity';
