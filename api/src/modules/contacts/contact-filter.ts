import { createHash } from 'node:crypto';
import { AppError } from '../../core/app-error';
import { isUuid } from '../../core/ids';
import { statement, type Statement } from '../../db/sql';
import { phoneFragmentDigits } from './phone';
import { ContactOrder, SuppressionState, type ContactFilterValue } from './contact-types';

/**
 * A contact filter as SQL: the conditions over `contact c` with their values, `$1` always the
 * workspace. One text per filter shape (which filters are set, not their values), so each
 * shape is a named statement planned for what it is: an `$n is null or ...` catch-all would
 * be planned once, generically, and could not use the trigram indexes.
 *
 * This is also how a campaign snapshots an audience: `audienceWhere` gives the conditions
 * for one set-based `insert ... select ... from contact c where ...` (see docs/ARCHITECTURE.md).
 */
export const MIN_NAME_SEARCH = 3;
export const MIN_PHONE_SEARCH = 4;

export interface SqlWhere {
  conditions: string[];
  values: unknown[];
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Whether a search is for a phone fragment (digits and phone punctuation only). */
export function isPhoneSearch(search: string): boolean {
  return /^[+\d\s().-]+$/.test(search) && /\d/.test(search);
}

export function filterWhere(workspaceId: string, filter: ContactFilterValue, alias = 'c'): SqlWhere {
  const values: unknown[] = [workspaceId];
  const conditions = [`${alias}.workspace_id = $1`];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const search = filter.search?.trim();
  if (search) {
    if (isPhoneSearch(search)) {
      const digits = phoneFragmentDigits(search);
      // Counted as typed: "081" is three digits, though it is stored as 6281.
      if (search.replace(/\D/g, '').length < MIN_PHONE_SEARCH) {
        throw new AppError(
          'BAD_USER_INPUT',
          'errors.validation',
          {},
          { 'filter.search': 'contacts.search.tooShortPhone' },
          {
            'filter.search': { min: MIN_PHONE_SEARCH },
          },
        );
      }
      // contact_phone_trgm_index
      conditions.push(`${alias}.phone like ${param(likePattern(digits))}`);
    } else {
      if ([...search].length < MIN_NAME_SEARCH) {
        throw new AppError(
          'BAD_USER_INPUT',
          'errors.validation',
          {},
          { 'filter.search': 'contacts.search.tooShortName' },
          {
            'filter.search': { min: MIN_NAME_SEARCH },
          },
        );
      }
      // contact_name_trgm_index
      conditions.push(`${alias}.name ilike ${param(likePattern(search))}`);
    }
  }
  // contact_tags_index (GIN): all of these tags / any of them.
  if (filter.tags?.length) conditions.push(`${alias}.tags @> ${param(filter.tags)}::text[]`);
  if (filter.anyTags?.length) conditions.push(`${alias}.tags && ${param(filter.anyTags)}::text[]`);
  switch (filter.suppression ?? SuppressionState.ANY) {
    case SuppressionState.NONE:
      conditions.push(`${alias}.opted_out_at is null and ${alias}.marketing_opt_out_at is null`);
      break;
    case SuppressionState.OPTED_OUT:
      conditions.push(`${alias}.opted_out_at is not null`);
      break;
    case SuppressionState.MARKETING_OPT_OUT:
      conditions.push(`${alias}.marketing_opt_out_at is not null`);
      break;
    case SuppressionState.SUPPRESSED:
      conditions.push(`(${alias}.opted_out_at is not null or ${alias}.marketing_opt_out_at is not null)`);
      break;
    default:
      break;
  }
  if (filter.source) conditions.push(`${alias}.source = ${param(filter.source)}`);
  // contact_attributes_index (GIN jsonb_path_ops): equality as containment.
  if (filter.attributes?.length) {
    const wanted = Object.fromEntries(filter.attributes.map(({ key, value }) => [key, value]));
    conditions.push(`${alias}.attributes @> ${param(JSON.stringify(wanted))}::jsonb`);
  }
  if (filter.createdAfter) conditions.push(`${alias}.created_at >= ${param(filter.createdAfter)}::timestamptz`);
  if (filter.createdBefore) conditions.push(`${alias}.created_at < ${param(filter.createdBefore)}::timestamptz`);
  // contact_review_pending_index (partial: only the contacts waiting).
  if (filter.needsReview === true) conditions.push(`${alias}.review_pending_at is not null`);
  if (filter.needsReview === false) conditions.push(`${alias}.review_pending_at is null`);
  if (filter.ids) conditions.push(`${alias}.id = any(${param(filter.ids)}::uuid[])`);
  return { conditions, values };
}

/**
 * The conditions of a campaign audience: the filter, minus every opted-out contact, minus
 * marketing opt-outs when the template is a marketing one.
 */
export function audienceWhere(
  workspaceId: string,
  filter: ContactFilterValue,
  options: { marketing: boolean },
  alias = 'c',
): SqlWhere {
  const where = filterWhere(workspaceId, filter, alias);
  where.conditions.push(`${alias}.opted_out_at is null`);
  if (options.marketing) where.conditions.push(`${alias}.marketing_opt_out_at is null`);
  return where;
}

function named(prefix: string, text: string): Statement<never> {
  const shape = createHash('sha1').update(text).digest('hex').slice(0, 12);
  return statement(`${prefix}.${shape}`, text);
}

/** How each order sorts, and the keyset condition after a cursor. */
const ORDERS: Record<ContactOrder, { by: string; key: 'id' | 'name' | 'phone'; direction: 'asc' | 'desc' }> = {
  [ContactOrder.CREATED_DESC]: { by: 'c.id desc', key: 'id', direction: 'desc' },
  [ContactOrder.CREATED_ASC]: { by: 'c.id asc', key: 'id', direction: 'asc' },
  // contact_name_page_index; nameless contacts last in both directions.
  [ContactOrder.NAME_ASC]: { by: 'c.name asc nulls last, c.id asc', key: 'name', direction: 'asc' },
  [ContactOrder.NAME_DESC]: { by: 'c.name desc nulls last, c.id desc', key: 'name', direction: 'desc' },
  // contact_phone_unique
  [ContactOrder.PHONE_ASC]: { by: 'c.phone asc, c.id asc', key: 'phone', direction: 'asc' },
};

export interface Cursor {
  id: string;
  key: string | null;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const [key, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof id === 'string' && isUuid(id) && (key === null || typeof key === 'string')) return { id, key };
  } catch {
    // Falls through to the refusal.
  }
  throw new AppError('BAD_USER_INPUT', 'errors.validation', {}, { after: 'validation.cursor' });
}

export const CONTACT_COLUMNS = `c.id, c.phone, c.name, c.tags, c.attributes, c.source, c.wa_id, c.wa_user_id,
  c.consent_source, c.consent_at, c.consent_evidence, c.opted_out_at, c.opted_out_source,
  c.marketing_opt_out_at, c.marketing_opt_out_source, c.review_pending_at, c.created_at, c.updated_at`;

export interface ContactRow {
  id: string;
  phone: string;
  name: string | null;
  tags: string[];
  attributes: Record<string, string>;
  source: string;
  wa_id: string | null;
  wa_user_id: string | null;
  consent_source: string | null;
  consent_at: Date | null;
  consent_evidence: Record<string, string> | null;
  opted_out_at: Date | null;
  opted_out_source: string | null;
  marketing_opt_out_at: Date | null;
  marketing_opt_out_source: string | null;
  review_pending_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** One page of contacts in an order, after a cursor: `limit` is the last parameter. */
export function pageStatement(
  workspaceId: string,
  filter: ContactFilterValue,
  order: ContactOrder,
  limit: number,
  after?: Cursor,
) {
  const { conditions, values } = filterWhere(workspaceId, filter);
  const spec = ORDERS[order];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (after) {
    const cmp = spec.direction === 'asc' ? '>' : '<';
    if (spec.key === 'id') conditions.push(`c.id ${cmp} ${param(after.id)}::uuid`);
    else if (spec.key === 'phone')
      conditions.push(`(c.phone, c.id) ${cmp} (${param(after.key)}, ${param(after.id)}::uuid)`);
    else if (after.key === null) conditions.push(`c.name is null and c.id ${cmp} ${param(after.id)}::uuid`);
    else {
      const name = param(after.key);
      conditions.push(`((c.name, c.id) ${cmp} (${name}, ${param(after.id)}::uuid) or c.name is null)`);
    }
  }
  const text = `select ${CONTACT_COLUMNS} from contact c where ${conditions.join(' and ')} order by ${spec.by} limit ${param(limit)}::int`;
  return {
    statement: named('contacts.page', text) as Statement<ContactRow>,
    values,
    keyOf: (row: ContactRow): Cursor => ({ id: row.id, key: spec.key === 'id' ? null : row[spec.key] }),
  };
}

/** Counts matching contacts, stopping at `cap + 1` (exact below the cap, at no more cost above it). */
export function cappedCountStatement(workspaceId: string, filter: ContactFilterValue, cap: number) {
  const { conditions, values } = filterWhere(workspaceId, filter);
  values.push(cap + 1);
  const text = `select count(*)::int as count from (select 1 from contact c where ${conditions.join(' and ')} limit $${values.length}::int) t`;
  return { statement: named('contacts.count', text) as Statement<{ count: number }>, values };
}

/** The planner's estimate of the matching rows (EXPLAIN), for counts past the exact cap. */
export function estimateText(workspaceId: string, filter: ContactFilterValue) {
  const { conditions, values } = filterWhere(workspaceId, filter);
  return { text: `explain (format json) select 1 from contact c where ${conditions.join(' and ')}`, values };
}

/** The ids of the next batch of a filter after an id (bulk jobs walk a filter in id order). */
export function batchIdsStatement(workspaceId: string, filter: ContactFilterValue) {
  const { conditions, values } = filterWhere(workspaceId, filter);
  values.push(null, null);
  const text = `select c.id from contact c where ${conditions.join(' and ')}
    and ($${values.length - 1}::uuid is null or c.id > $${values.length - 1}::uuid)
    order by c.id limit $${values.length}::int`;
  return { statement: named('contacts.batch', text) as Statement<{ id: string }>, values, cursorAt: values.length - 2 };
}

/** Every filter at once: the shape the statements test prepares, so each fragment is checked. */
export const EVERY_FILTER: ContactFilterValue = {
  search: 'Budi',
  tags: ['vip'],
  anyTags: ['a', 'b'],
  suppression: SuppressionState.SUPPRESSED,
  source: undefined,
  attributes: [{ key: 'kota', value: 'Bandung' }],
  createdAfter: '2026-01-01T00:00:00Z',
  createdBefore: '2027-01-01T00:00:00Z',
  needsReview: true,
  ids: ['00000000-0000-7000-8000-000000000000'],
};
