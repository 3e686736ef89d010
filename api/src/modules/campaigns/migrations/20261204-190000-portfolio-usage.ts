import { Migration } from '@mikro-orm/migrations';

/**
 * Each claim counted the portfolio's unique recipients of the last 24 h (`portfolio_recipient`) under the portfolio
 * row's lock: at 100,000 recipients a count of ~20 ms, ten times a second at 1,000/s, with every other channel of the
 * portfolio waiting on the lock meanwhile. `portfolio_usage` keeps that count with the moment it was taken; claims
 * add what they reserve, and recount once it is a minute old (store.ts, `PORTFOLIO_RECOUNT_MS`). Between recounts
 * the number can only be too high (recipients whose window ended are still in it), never too low: the limit holds.
 */
export class Migration20261204190000PortfolioUsage extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "portfolio_usage" (
        "portfolio_id" varchar(40) not null primary key references "business_portfolio" ("id") on delete cascade,
        "used" int not null,
        "counted_at" timestamptz not null
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "portfolio_usage";`);
  }
}
