import { Migration } from '@mikro-orm/migrations';

/**
 * Templates synced before a location header, a single-product template, an authentication template and parts the
 * portal does not know were recognised as unfillable (template-support.ts) are marked now, not at their next sync:
 * until then a campaign could be created and launched with one, and every send would fail at Meta.
 *
 * The rule is template-support.ts's `unsupportedReason` as of this migration, in SQL: a migration is a snapshot
 * (it must do the same on every database it ever runs on, whatever the code becomes), and SQL keeps it readable to
 * the checks that read migrations without a database. The first unfillable part decides, in the order of the
 * components and then of a BUTTONS component's buttons; `template-webhooks.test.ts` compares it with the function.
 */
export class Migration20261204191000TemplatesUnsupported extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      with parts as (
        select t.id, c.ord, b.ord as button_ord, upper(c.part ->> 'type') as type,
               upper(c.part ->> 'format') as format, upper(b.button ->> 'type') as button
        from "message_template" t
        cross join lateral jsonb_array_elements(
          case when jsonb_typeof(t.components) = 'array' then t.components else '[]'::jsonb end
        ) with ordinality as c(part, ord)
        left join lateral jsonb_array_elements(
          case when upper(c.part ->> 'type') = 'BUTTONS' and jsonb_typeof(c.part -> 'buttons') = 'array'
               then c.part -> 'buttons' else '[]'::jsonb end
        ) with ordinality as b(button, ord) on true
        where t.unsupported is null
      ), reasons as (
        select id, ord, button_ord, case
          when type = 'CAROUSEL' then 'CAROUSEL'
          when type = 'LIMITED_TIME_OFFER' then 'LIMITED_TIME_OFFER'
          when type = 'HEADER' then case
            when format is null or format in ('TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT') then null
            when format = 'LOCATION' then 'LOCATION'
            when format = 'PRODUCT' then 'PRODUCT'
            else 'OTHER' end
          when type = 'BUTTONS' then case
            when button_ord is null then null
            when button in ('QUICK_REPLY', 'PHONE_NUMBER', 'URL', 'COPY_CODE') then null
            when button in ('CATALOG', 'MPM') then 'CATALOG'
            when button = 'SPM' then 'PRODUCT'
            when button = 'FLOW' then 'FLOW'
            when button = 'OTP' then 'AUTHENTICATION'
            else 'OTHER' end
          when type in ('BODY', 'FOOTER') then null
          else 'OTHER' end as reason
        from parts
      ), first_reason as (
        select distinct on (id) id, reason from reasons where reason is not null
        order by id, ord, button_ord
      )
      update "message_template" t set "unsupported" = f.reason from first_reason f where t.id = f.id;`);
  }

  override async down(): Promise<void> {
    // Nothing to undo: the next sync sets the same marks from the components.
  }
}
