import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import { statement, type Statement } from '../../db/sql';
import { audienceWhere, filterWhere, Segment, type ContactFilterValue, type SqlWhere } from '../contacts';
import { AudienceKind, type AudienceValue } from './campaign-types';

/**
 * A campaign's audience as SQL over `contact c`: the snapshot at launch and the estimate are
 * one set-based statement each. One statement text per filter shape (like the contacts
 * module's), named by a hash of the text so PostgreSQL plans each shape once per connection.
 */

/**
 * Numbers Meta can be sent to: E.164, a plus, a first digit 1-9, 8 to 15 digits in all (`^\+[1-9][0-9]{7,14}$`).
 * Spelled out with string functions: the regular expression was most of the launch's count (100,000 contacts: 380 of
 * 560 ms here), which every `startCampaign` waits for.
 */
const VALID_PHONE = `(left(c.phone, 1) = '+' and length(c.phone) between 9 and 16 and substr(c.phone, 2, 1) <> '0'
  and ltrim(substr(c.phone, 2), '0123456789') = '')`;

function named<Row>(prefix: string, text: string): Statement<Row> {
  return statement<Row>(`${prefix}.${createHash('sha1').update(text).digest('hex').slice(0, 12)}`, text);
}

/** An audience as a contact filter, and for a retarget the earlier campaign's recipients it is limited to. */
export interface ResolvedAudience {
  filter: ContactFilterValue;
  retarget?: { campaignId: string; statuses: string[] };
}

export async function resolveAudience(
  em: EntityManager,
  workspaceId: string,
  audience: AudienceValue,
): Promise<ResolvedAudience> {
  if (audience.kind === AudienceKind.RETARGET) {
    return { filter: {}, retarget: { campaignId: audience.campaignId ?? '', statuses: audience.statuses ?? [] } };
  }
  return { filter: await audienceFilter(em, workspaceId, audience) };
}

async function audienceFilter(
  em: EntityManager,
  workspaceId: string,
  audience: AudienceValue,
): Promise<ContactFilterValue> {
  switch (audience.kind) {
    case AudienceKind.ALL:
    case AudienceKind.RETARGET:
      return {};
    case AudienceKind.TAGS:
      return { tags: audience.tags ?? [] };
    case AudienceKind.SEGMENT: {
      const segment = await em.findOne(Segment, { workspace: workspaceId, id: audience.segmentId ?? '' });
      if (!segment)
        throw new AppError('NOT_FOUND', 'campaigns.segmentNotFound', {}, { audience: 'campaigns.segmentNotFound' });
      return segment.filter as ContactFilterValue;
    }
  }
}

export interface AudienceCounts {
  matched: number;
  suppressed: number;
  invalid: number;
  recipients: number;
}

/** Who the audience reaches now: after suppression (marketing opt-outs for marketing templates) and invalid numbers. */
/** A retarget keeps the contacts that were the earlier campaign's recipients with one of the statuses. */
function retargetCondition(where: SqlWhere, retarget: ResolvedAudience['retarget']): void {
  if (!retarget) return;
  where.values.push(retarget.campaignId, retarget.statuses);
  const campaign = `$${where.values.length - 1}::uuid`;
  const statuses = `$${where.values.length}::text[]`;
  // campaign_message_status_index
  where.conditions.push(
    `c.id in (select r.contact_id from campaign_message r where r.workspace_id = $1 and r.campaign_id = ${campaign} and r.status = any(${statuses}))`,
  );
}

export function estimateStatement(workspaceId: string, audience: ResolvedAudience, marketing: boolean) {
  const where = filterWhere(workspaceId, audience.filter);
  retargetCondition(where, audience.retarget);
  const { conditions, values } = where;
  values.push(marketing);
  const flag = `$${values.length}::boolean`;
  const text = `select count(*)::int as matched,
      count(*) filter (where t.suppressed)::int as suppressed,
      count(*) filter (where not t.suppressed and not t.valid)::int as invalid,
      count(*) filter (where not t.suppressed and t.valid)::int as recipients
    from (select (c.opted_out_at is not null or (${flag} and c.marketing_opt_out_at is not null)) as suppressed,
                 ${VALID_PHONE} as valid
          from contact c where ${conditions.join(' and ')}) t`;
  return { statement: named<AudienceCounts>('campaigns.estimate', text), values };
}

export interface SnapshotChunkRow {
  /** Contacts the chunk looked at (fewer than asked: the audience is exhausted). */
  picked: number;
  inserted: number;
  /** The last contact id looked at: the cursor the next chunk starts after. */
  last: string | null;
}

/** Below every UUID: the cursor of a snapshot that has not started. */
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/**
 * One chunk of the launch snapshot: the next `limit` contacts of the audience after the cursor, in contact id order
 * (`contact_page_index`), one campaign message each (the unique index makes a repeated chunk a no-op). The launch
 * writes the first chunk and the channel's dispatch loop the rest (snapshot.service.ts); each chunk reports how many
 * contacts it looked at and the last one, so the cursor moves past rows that already existed too.
 */
export function snapshotChunkStatement(
  workspaceId: string,
  audience: ResolvedAudience,
  marketing: boolean,
  campaignId: string,
  now: Date,
  after: string | null,
  limit: number,
) {
  const where = audienceWhere(workspaceId, audience.filter, { marketing });
  retargetCondition(where, audience.retarget);
  const { conditions, values } = where;
  values.push(campaignId, now, after ?? FIRST_ID, limit);
  const n = values.length;
  const [campaign, at, cursor, size] = [`$${n - 3}::uuid`, `$${n - 2}::timestamptz`, `$${n - 1}::uuid`, `$${n}::int`];
  const text = `with picked as (
      select c.id, c.phone from contact c
      where ${conditions.join(' and ')} and ${VALID_PHONE} and c.id > ${cursor}
      order by c.id limit ${size}
    ), inserted as (
      insert into campaign_message (id, created_at, updated_at, workspace_id, campaign_id, contact_id, phone, status)
      select gen_random_uuid(), ${at}, ${at}, $1, ${campaign}, p.id, p.phone, 'QUEUED' from picked p
      on conflict (campaign_id, contact_id) do nothing
      returning 1
    )
    select (select count(*) from picked)::int as picked, (select count(*) from inserted)::int as inserted,
           (select p.id from picked p order by p.id desc limit 1) as last`;
  return { statement: named<SnapshotChunkRow>('campaigns.snapshot-chunk', text), values };
}

/** Every audience shape at once, for the statements test. */
const EVERY_AUDIENCE: ResolvedAudience = {
  filter: { tags: ['vip'] },
  retarget: { campaignId: '00000000-0000-7000-8000-000000000002', statuses: ['FAILED'] },
};
export const EVERY_AUDIENCE_STATEMENT = [
  estimateStatement('00000000-0000-7000-8000-000000000000', EVERY_AUDIENCE, true).statement,
  snapshotChunkStatement(
    '00000000-0000-7000-8000-000000000000',
    EVERY_AUDIENCE,
    true,
    '00000000-0000-7000-8000-000000000001',
    new Date(0),
    null,
    1000,
  ).statement,
];
