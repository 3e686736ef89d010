import { statement } from '../../db/sql';
import { CONTACT_COLUMNS, type ContactRow } from './contact-filter';

/**
 * Named SQL of the address book. Tenant data: the workspace id is always `$1`. Filtered
 * searches are built per filter shape in contact-filter.ts; these are the fixed ones.
 */

/**
 * An erased number's suppressions, recorded under the current key (`e`) or, before an ENCRYPTION_KEY rotation, under
 * the previous one (`p`): a hash cannot be re-keyed, so both are looked up (contact_erased_suppression_unique, one
 * row each at most). The four columns opted_out_at, opted_out_source, marketing_opt_out_at, marketing_opt_out_source.
 */
const ERASED_SUPPRESSIONS = `coalesce(e.opted_out_at, p.opted_out_at),
     case when e.opted_out_at is not null then e.opted_out_source else p.opted_out_source end,
     coalesce(e.marketing_opt_out_at, p.marketing_opt_out_at),
     case when e.marketing_opt_out_at is not null then e.marketing_opt_out_source else p.marketing_opt_out_source end`;
const erasedSuppressionJoins = (current: string, previous: string) =>
  `left join contact_erased_suppression e on e.workspace_id = $1 and e.phone_hash = ${current}
   left join contact_erased_suppression p on p.workspace_id = $1 and p.phone_hash = ${previous}`;

/**
 * A new contact, or nothing when the number is already in the book (contact_phone_unique). $11 and $12: the number's
 * hash under the current and the previous key (null without one), for an erased suppression.
 */
export const INSERT_CONTACT = statement<ContactRow>(
  'contacts.insert',
  `insert into contact as c (id, workspace_id, phone, name, tags, attributes, source, consent_source, consent_at,
     consent_evidence, opted_out_at, opted_out_source, marketing_opt_out_at, marketing_opt_out_source, created_at, updated_at)
   select $2::uuid, $1, $3, $4, $5::text[], $6::jsonb, $7, $8, $9::timestamptz, $10::jsonb,
     ${ERASED_SUPPRESSIONS}, $9::timestamptz, $9::timestamptz
   from (select 1) one
   ${erasedSuppressionJoins('$11', '$12')}
   on conflict (workspace_id, phone) do nothing
   returning ${CONTACT_COLUMNS}`,
);

/** One contact by id (primary key; the workspace condition keeps tenants apart). */
export const GET_CONTACT = statement<ContactRow>(
  'contacts.get',
  `select ${CONTACT_COLUMNS} from contact c where c.workspace_id = $1 and c.id = $2::uuid`,
);

/** $1 workspace, $2 id, $3 phone, $4 name, $5 tags, $6 attributes, $7 now. */
export const UPDATE_CONTACT = statement<ContactRow>(
  'contacts.update',
  `update contact c set phone = $3, name = $4, tags = $5::text[], attributes = $6::jsonb, updated_at = $7::timestamptz
   where c.workspace_id = $1 and c.id = $2::uuid
   returning ${CONTACT_COLUMNS}`,
);

/** Adds a tag to these contacts (those without it): $1 workspace, $2 ids, $3 tag, $4 now. */
export const TAG_CONTACTS = statement(
  'contacts.tag',
  `update contact c set tags = c.tags || $3::text, updated_at = $4::timestamptz
   where c.workspace_id = $1 and c.id = any($2::uuid[]) and not (c.tags @> array[$3::text])`,
);

/** Removes a tag from these contacts: $1 workspace, $2 ids, $3 tag, $4 now. */
export const UNTAG_CONTACTS = statement(
  'contacts.untag',
  `update contact c set tags = array_remove(c.tags, $3::text), updated_at = $4::timestamptz
   where c.workspace_id = $1 and c.id = any($2::uuid[]) and c.tags @> array[$3::text]`,
);

/**
 * Opts these contacts out of every send (those not yet): $1 workspace, $2 ids, $3 source, $4 now. A reply waiting
 * for review is settled by it (there is nothing left to decide).
 */
export const OPT_OUT_CONTACTS = statement<{ id: string }>(
  'contacts.opt-out',
  `update contact c set opted_out_at = $4::timestamptz, opted_out_source = $3, review_pending_at = null,
     updated_at = $4::timestamptz
   where c.workspace_id = $1 and c.id = any($2::uuid[]) and c.opted_out_at is null
   returning c.id`,
);

/** Opts these contacts out of marketing templates: $1 workspace, $2 ids, $3 source, $4 now. */
export const MARKETING_OPT_OUT_CONTACTS = statement<{ id: string }>(
  'contacts.marketing-opt-out',
  `update contact c set marketing_opt_out_at = $4::timestamptz, marketing_opt_out_source = $3, updated_at = $4::timestamptz
   where c.workspace_id = $1 and c.id = any($2::uuid[]) and c.marketing_opt_out_at is null
   returning c.id`,
);

/**
 * Clears a suppression of one contact; with $4 set, only the suppression that source set (a
 * `user_preferences` resume undoes only its own stop). $1 workspace, $2 id, $3 now, $4 source or null.
 */
export const OPT_IN_CONTACT = statement<{ id: string }>(
  'contacts.opt-in',
  `update contact c set opted_out_at = null, opted_out_source = null, updated_at = $3::timestamptz
   where c.workspace_id = $1 and c.id = $2::uuid and c.opted_out_at is not null
     and ($4::text is null or c.opted_out_source = $4::text)
   returning c.id`,
);

export const MARKETING_OPT_IN_CONTACT = statement<{ id: string }>(
  'contacts.marketing-opt-in',
  `update contact c set marketing_opt_out_at = null, marketing_opt_out_source = null, updated_at = $3::timestamptz
   where c.workspace_id = $1 and c.id = $2::uuid and c.marketing_opt_out_at is not null
     and ($4::text is null or c.marketing_opt_out_source = $4::text)
   returning c.id`,
);

/**
 * A reply with a keyword inside a sentence: the contact waits for review (from its first such reply on), unless it
 * is opted out of every send already. $1 workspace, $2 id, $3 now.
 */
export const FLAG_FOR_REVIEW = statement(
  'contacts.flag-for-review',
  `update contact c set review_pending_at = coalesce(c.review_pending_at, $3::timestamptz)
   where c.workspace_id = $1 and c.id = $2::uuid and c.opted_out_at is null`,
);

/** A person settled the review: $1 workspace, $2 id, $3 now; nothing when none was waiting. */
export const CLEAR_REVIEW = statement<{ id: string }>(
  'contacts.clear-review',
  `update contact c set review_pending_at = null, updated_at = $3::timestamptz
   where c.workspace_id = $1 and c.id = $2::uuid and c.review_pending_at is not null
   returning c.id`,
);

/**
 * History entries, one per contact: $1 workspace, $2 ids, $3 contact ids, $4 kind, $5 source,
 * $6 actor or null, $7 details, $8 now.
 */
export const INSERT_EVENTS = statement(
  'contacts.insert-events',
  `insert into contact_event (id, workspace_id, contact_id, kind, source, actor_id, details, created_at, updated_at)
   select unnest($2::uuid[]), $1, unnest($3::uuid[]), $4, $5, $6::uuid, $7::jsonb, $8::timestamptz, $8::timestamptz`,
);

export interface EventRow {
  id: string;
  kind: string;
  source: string;
  actor_id: string | null;
  details: Record<string, unknown> | null;
  created_at: Date;
}

/** A contact's history, newest first (contact_event_contact_index): $1 workspace, $2 contact, $3 limit. */
export const CONTACT_EVENTS = statement<EventRow>(
  'contacts.events',
  `select id, kind, source, actor_id, details, created_at from contact_event
   where workspace_id = $1 and contact_id = $2::uuid order by id desc limit $3::int`,
);

export interface ErasingRow {
  id: string;
  phone: string;
  wa_id: string | null;
  wa_user_id: string | null;
  opted_out_at: Date | null;
  opted_out_source: string | null;
  marketing_opt_out_at: Date | null;
  marketing_opt_out_source: string | null;
}

/**
 * The contacts about to be erased, locked, with what must outlive them (the phone and suppressions of the suppressed
 * ones, kept only as a keyed hash) and what the erasure hooks look for elsewhere (the number, Meta's ids). Read
 * before the delete: the delete sets other modules' references to the contact to null (`on delete set null`), and a
 * hook run after it no longer finds its rows by contact. $1 workspace, $2 ids.
 */
export const ERASING_CONTACTS = statement<ErasingRow>(
  'contacts.erasing',
  `select id, phone, wa_id, wa_user_id, opted_out_at, opted_out_source, marketing_opt_out_at, marketing_opt_out_source
   from contact where workspace_id = $1 and id = any($2::uuid[]) for update`,
);

/** Erases these contacts (their history and replies cascade). $1 workspace, $2 ids. */
export const DELETE_CONTACTS = statement(
  'contacts.delete',
  `delete from contact c where c.workspace_id = $1 and c.id = any($2::uuid[])`,
);

/**
 * Hashed suppressions of erased numbers (a later one keeps the earliest times): $1 workspace,
 * $2 ids, $3 hashes, $4..$7 suppression columns as arrays, $8 now.
 */
export const INSERT_ERASED = statement(
  'contacts.insert-erased',
  `insert into contact_erased_suppression (id, workspace_id, phone_hash, opted_out_at, opted_out_source,
     marketing_opt_out_at, marketing_opt_out_source, created_at, updated_at)
   select unnest($2::uuid[]), $1, unnest($3::text[]), unnest($4::timestamptz[]), unnest($5::text[]),
     unnest($6::timestamptz[]), unnest($7::text[]), $8::timestamptz, $8::timestamptz
   on conflict (workspace_id, phone_hash) do update set
     opted_out_at = coalesce(contact_erased_suppression.opted_out_at, excluded.opted_out_at),
     opted_out_source = coalesce(contact_erased_suppression.opted_out_source, excluded.opted_out_source),
     marketing_opt_out_at = coalesce(contact_erased_suppression.marketing_opt_out_at, excluded.marketing_opt_out_at),
     marketing_opt_out_source = coalesce(contact_erased_suppression.marketing_opt_out_source, excluded.marketing_opt_out_source),
     updated_at = excluded.updated_at`,
);

/**
 * The contact a WhatsApp message came from, by the ids Meta reports (contact_wa_id_index,
 * contact_wa_user_id_index): $1 workspace, $2 wa_id or null, $3 business-scoped user id or null.
 */
export const CONTACT_BY_WHATSAPP_ID = statement<{ id: string }>(
  'contacts.by-whatsapp-id',
  `select id from contact where workspace_id = $1 and (wa_id = $2::text or wa_user_id = $3::text) limit 1`,
);

/**
 * A number that wrote in: a new contact with source INBOUND (suppressed again if it was an
 * erased suppressed number), or the existing one, either way with Meta's ids recorded.
 * $1 workspace, $2 new id, $3 phone, $4 wa_id, $5 user id, $6 now, $7 phone hash, $8 under the previous key (or null).
 */
export const UPSERT_INBOUND_CONTACT = statement<{ id: string; created: boolean }>(
  'contacts.upsert-inbound',
  `insert into contact as c (id, workspace_id, phone, tags, attributes, source, wa_id, wa_user_id, opted_out_at,
     opted_out_source, marketing_opt_out_at, marketing_opt_out_source, created_at, updated_at)
   select $2::uuid, $1, $3, '{}', '{}', 'INBOUND', $4::text, $5::text, ${ERASED_SUPPRESSIONS},
     $6::timestamptz, $6::timestamptz
   from (select 1) one
   ${erasedSuppressionJoins('$7', '$8')}
   on conflict (workspace_id, phone) do update set
     wa_id = coalesce(excluded.wa_id, c.wa_id), wa_user_id = coalesce(excluded.wa_user_id, c.wa_user_id),
     updated_at = excluded.updated_at
   returning c.id, (xmax = 0) as created`,
);

/** Import progress, written outside the import's transaction so readers see it move. */
export const IMPORT_PROGRESS = statement(
  'contacts.import-progress',
  `update contact_import set processed_rows = $3::int, total_rows = greatest(total_rows, $3::int), updated_at = $4::timestamptz
   where workspace_id = $1 and id = $2::uuid`,
);

/** Rejected rows of an import, in one statement per batch: $1 workspace, $2 import, $3 lines, $4 reasons, $5 values. */
export const INSERT_REJECTS = statement(
  'contacts.insert-rejects',
  `insert into contact_import_reject (id, workspace_id, import_id, line, reason, value)
   select gen_random_uuid(), $1, $2::uuid, unnest($3::int[]), unnest($4::text[]), unnest($5::text[])`,
);

/** The report of an import, line by line: $1 workspace, $2 import, $3 after line, $4 limit. */
export const IMPORT_REJECTS = statement<{ line: number; reason: string; value: string | null }>(
  'contacts.import-rejects',
  `select line, reason, value from contact_import_reject
   where workspace_id = $1 and import_id = $2::uuid and line > $3::int order by line limit $4::int`,
);

/**
 * Loads the staged rows of an import into the book in one statement. A number already in the
 * book keeps (SKIP) or takes (UPDATE, $5) the file's name and attributes, and gets its tags;
 * an erased number that was suppressed comes back suppressed (under either key). No order: ids were made in line
 * order and duplicates inside the file are already gone (a sort of a million rows spills to disk).
 * Every new contact carries the import's consent, so it also gets a CONSENT history entry (the
 * statement the importer confirmed, source $3, actor $7), written by the same statement; a number
 * already in the book keeps its own consent and history.
 * Returns the counts of new and existing contacts. $1 workspace, $2 now, $3 consent source,
 * $4 consent evidence, $5 update, $6 import, $7 the importer (or null).
 */
export const LOAD_STAGED = statement<{ created: number; existing: number }>(
  'contacts.load-staged',
  `with loaded as (
     insert into contact as c (id, workspace_id, phone, name, tags, attributes, source, consent_source, consent_at,
       consent_evidence, opted_out_at, opted_out_source, marketing_opt_out_at, marketing_opt_out_source, created_at, updated_at)
     select s.id, $1, s.phone, s.name, array(select jsonb_array_elements_text(s.tags)), s.attributes, 'IMPORT', $3, $2::timestamptz, $4::jsonb,
       ${ERASED_SUPPRESSIONS}, $2::timestamptz, $2::timestamptz
     from contact_import_staging s
     ${erasedSuppressionJoins('s.phone_hash', 's.previous_phone_hash')}
     where s.import_id = $6::uuid
     on conflict (workspace_id, phone) do update set
       name = case when $5::boolean then coalesce(excluded.name, c.name) else c.name end,
       attributes = case when $5::boolean then c.attributes || excluded.attributes else c.attributes end,
       tags = array(select distinct t from unnest(c.tags || excluded.tags) t order by t),
       updated_at = excluded.updated_at
     returning c.id, (xmax = 0) as created),
   consented as (
     insert into contact_event (id, workspace_id, contact_id, kind, source, actor_id, details, created_at, updated_at)
     select s.consent_event_id, $1, l.id, 'CONSENT', $3, $7::uuid,
       jsonb_build_object('statement', $4::jsonb ->> 'statement', 'importId', $6::text), $2::timestamptz, $2::timestamptz
     from loaded l join contact_import_staging s on s.import_id = $6::uuid and s.id = l.id
     where l.created)
   select count(*) filter (where created)::int as created, count(*) filter (where not created)::int as existing from loaded`,
);

/** The staging rows of an import go once it is loaded (same transaction: nobody else ever sees them). $1 import. */
export const CLEAR_STAGED = statement(
  'contacts.clear-staged',
  `delete from contact_import_staging where import_id = $1::uuid`,
);

/**
 * Loads into one workspace's book take turns: two imports loading overlapping numbers at once upsert the same rows,
 * each in its own file's order, and deadlock (PostgreSQL then fails one import). Taken with no lock timeout (a
 * million-row load holds it about a minute; the statement timeout still bounds the wait), the transaction's own
 * lock timeout back for what follows. $1 workspace, $2 the lock timeout to restore (ms).
 */
export const AWAIT_IMPORT_LOAD_TURN = statement(
  'contacts.await-import-load-turn',
  `with unbounded as (select set_config('lock_timeout', '0', true)),
   turn as (select pg_advisory_xact_lock(hashtextextended('contacts.import-load:' || $1::text, 0)) from unbounded)
   select set_config('lock_timeout', $2::text, true) from turn`,
);

/** One run per import at a time (a job Agenda runs twice waits for nothing: the second returns). $1 import. */
export const TRY_IMPORT_LOCK = statement<{ locked: boolean }>(
  'contacts.try-import-lock',
  `select pg_try_advisory_xact_lock(hashtextextended($1::text, 0)) as locked`,
);

/*
 * The personal-data purge (every workspace at once: installation housekeeping, so $1 is the cutoff).
 */

/** Reply texts kept for review, older than the cutoff (contact_event_created_index). */
export const PURGE_EVENT_TEXTS = statement(
  'contacts.purge-event-texts',
  `update contact_event set details = details - 'text' where created_at < $1::timestamptz and details ->> 'text' is not null`,
);

/** Reports of rejected rows of imports finished before the cutoff. */
export const PURGE_IMPORT_REPORTS = statement(
  'contacts.purge-import-reports',
  `delete from contact_import_reject r using contact_import i
   where r.import_id = i.id and i.finished_at < $1::timestamptz`,
);

/** Uploads never started (their file is the personal data). */
export const PURGE_STALE_UPLOADS = statement(
  'contacts.purge-stale-uploads',
  `delete from contact_import where status = 'UPLOADED' and created_at < $1::timestamptz`,
);

/** Export records past their lifetime ($1 now). */
export const PURGE_EXPORTS = statement(
  'contacts.purge-exports',
  `delete from contact_export where expires_at < $1::timestamptz`,
);

/**
 * The erasure fence (erasure-fence.ts): an erasure holds it alone, a writer of Meta's message ids shares it, so no
 * wamid is written from a snapshot taken before an erasure and committed after it.
 */
export const ERASURE_FENCE_ALONE = statement(
  'contacts.erasure-fence-alone',
  `select pg_advisory_xact_lock(hashtextextended('bizone:contact-erasure', 0))`,
);

export const ERASURE_FENCE_SHARED = statement(
  'contacts.erasure-fence-shared',
  `select pg_advisory_xact_lock_shared(hashtextextended('bizone:contact-erasure', 0))`,
);
