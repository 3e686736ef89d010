import { Migration } from '@mikro-orm/migrations';

/**
 * Counters kept as messages change (issue 20 point 1): a campaign's messages by status with what they charged
 * (`campaign_tally`), and a workspace's sent / delivered / read / failed messages and spend per UTC hour
 * (`message_hourly`, read as days in the workspace's zone: Indonesia's zones are whole hours from UTC, so a day there
 * is always 24 whole UTC hours, and changing the zone re-groups the same rows).
 *
 * Both are written by statement-level triggers on `campaign_message` with transition tables, so no statement that
 * inserts, updates or deletes messages (the launch, the claim, every outcome, status and expiry pass, an erasure, a
 * cascade) can forget them: one aggregate per statement, not per row. Each trigger only **inserts** delta rows,
 * never updates a counter row, so the dispatchers and the webhook appliers of several processes never queue on one
 * row; readers sum the few rows per key, and `campaigns.compact-tallies` folds them into one row per key now and then.
 *
 * PostgreSQL allows transition tables only on a trigger with a single event and no column list: three triggers, one
 * function body per event (the same aggregate over a different set of signed rows).
 */

/** The signed rows one statement changed: +1 for a row's new version, -1 for its old one. */
const COLUMNS = 'workspace_id, campaign_id, status, charged, sent_at, delivered_at, read_at, failed_at, created_at';
const CHANGES = {
  INSERT: `select 1 as sign, ${COLUMNS} from new_rows`,
  UPDATE: `select 1 as sign, ${COLUMNS} from new_rows union all select -1 as sign, ${COLUMNS} from old_rows`,
  DELETE: `select -1 as sign, ${COLUMNS} from old_rows`,
} as const;

/**
 * One statement writing both tallies. A message counts as sent in the hour of `sent_at`, delivered in the hour of its
 * first delivered status (or of `read_at` when the delivered and read statuses came in one pass, as the campaign
 * timeline counts it), read at `read_at`, failed at `failed_at`; its charge is spend in the hour it was sent (a refund
 * takes it back from that hour). Keys whose deltas cancel (a claim's `claimed_at`, an erased phone) write nothing.
 * The campaign tally skips campaigns deleted by the same statement's cascade (their tally goes with them).
 */
function tallyStatement(changes: string): string {
  return `
    with changes as materialized (${changes}),
    campaign_delta as (
      insert into "campaign_tally" (workspace_id, campaign_id, status, messages, charged)
      select d.* from (
        select workspace_id, campaign_id, status, sum(sign) as messages, sum(sign * charged) as charged
        from changes group by workspace_id, campaign_id, status
        having sum(sign) <> 0 or sum(sign * charged) <> 0
      ) d
      where exists (select 1 from "campaign" where "campaign".id = d.campaign_id)
    )
    insert into "message_hourly" (workspace_id, hour, sent, delivered, read, failed, spend)
    select d.* from (
      select c.workspace_id, e.hour, sum(c.sign * e.sent) as sent, sum(c.sign * e.delivered) as delivered,
             sum(c.sign * e.read) as read, sum(c.sign * e.failed) as failed, sum(c.sign * e.spend) as spend
      from changes c
      cross join lateral (values
        (date_trunc('hour', c.sent_at, 'UTC'), 1, 0, 0, 0, 0::bigint),
        (date_trunc('hour', coalesce(c.delivered_at, c.read_at), 'UTC'), 0, 1, 0, 0, 0::bigint),
        (date_trunc('hour', c.read_at, 'UTC'), 0, 0, 1, 0, 0::bigint),
        (date_trunc('hour', c.failed_at, 'UTC'), 0, 0, 0, 1, 0::bigint),
        (date_trunc('hour', coalesce(c.sent_at, c.created_at), 'UTC'), 0, 0, 0, 0, c.charged)
      ) as e (hour, sent, delivered, read, failed, spend)
      where e.hour is not null and (e.spend <> 0 or e.sent + e.delivered + e.read + e.failed > 0)
      group by c.workspace_id, e.hour
    ) d
    where (d.sent <> 0 or d.delivered <> 0 or d.read <> 0 or d.failed <> 0 or d.spend <> 0)
      and exists (select 1 from "workspace" where "workspace".id = d.workspace_id);`;
}

function tallyFunction(event: keyof typeof CHANGES): string {
  return `
    create function "campaign_message_tally_${event.toLowerCase()}"() returns trigger language plpgsql as $body$
    begin
      ${tallyStatement(CHANGES[event])}
      return null;
    end
    $body$;`;
}

const TRANSITIONS = {
  INSERT: 'new table as new_rows',
  UPDATE: 'old table as old_rows new table as new_rows',
  DELETE: 'old table as old_rows',
} as const;

export class Migration20261201200000MessageTallies extends Migration {
  override async up(): Promise<void> {
    // Delta rows: no primary key to maintain on the dispatcher's path, one index for the readers and the compactor.
    this.addSql(`
      create table "campaign_tally" (
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "campaign_id" uuid not null references "campaign" ("id") on delete cascade,
        "status" varchar(10) not null,
        "messages" bigint not null,
        "charged" bigint not null
      );`);
    this.addSql(`create index "campaign_tally_campaign_index" on "campaign_tally" ("campaign_id", "status");`);
    this.addSql(`
      create table "message_hourly" (
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "hour" timestamptz not null,
        "sent" bigint not null,
        "delivered" bigint not null,
        "read" bigint not null,
        "failed" bigint not null,
        "spend" bigint not null
      );`);
    this.addSql(`create index "message_hourly_workspace_index" on "message_hourly" ("workspace_id", "hour");`);
    for (const event of ['INSERT', 'UPDATE', 'DELETE'] as const) {
      this.addSql(tallyFunction(event));
      this.addSql(
        `create trigger "campaign_message_tally_${event.toLowerCase()}" after ${event.toLowerCase()} on "campaign_message"
         referencing ${TRANSITIONS[event]} for each statement
         execute function "campaign_message_tally_${event.toLowerCase()}"();`,
      );
    }
    // Messages that exist already: their tallies as one insert each, as if they had just been inserted (the trigger's
    // own statement over the whole table).
    this.addSql(`
      create temporary view new_rows as select * from "campaign_message";`);
    this.addSql(tallyStatement(CHANGES.INSERT));
    this.addSql(`drop view new_rows;`);
  }

  override async down(): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) {
      this.addSql(`drop trigger if exists "campaign_message_tally_${event}" on "campaign_message";`);
      this.addSql(`drop function if exists "campaign_message_tally_${event}"();`);
    }
    this.addSql(`drop table if exists "message_hourly";`);
    this.addSql(`drop table if exists "campaign_tally";`);
  }
}
