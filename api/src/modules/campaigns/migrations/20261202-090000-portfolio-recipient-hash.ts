import { Migration } from '@mikro-orm/migrations';

/**
 * `portfolio_recipient` counts a portfolio's distinct recipients in Meta's rolling 24 h (the messaging limit). It
 * kept each plain number, and for ever: an erased contact's number stayed. From now on it keeps the contacts
 * module's keyed hash of the number (PhoneHasher, scoped by portfolio), and the personal-data purge deletes rows
 * whose window is over.
 *
 * A migration has no ENCRYPTION_KEY, so existing rows cannot become the hash the dispatcher will compute. Rows whose
 * window is over count nothing and go; each row still in its window becomes a random token, so the portfolio's use
 * today stays exactly what it was and no number is left. The cost, for at most the 24 h after the upgrade: a number
 * reached before it and again after it counts twice against the limit (the portal sends less, never more, than
 * Meta allows).
 */
export class Migration20261202090000PortfolioRecipientHash extends Migration {
  override async up(): Promise<void> {
    this.addSql(`delete from "portfolio_recipient" where "window_start" <= now() - interval '24 hours';`);
    this.addSql(`alter table "portfolio_recipient" rename column "phone" to "phone_hash";`);
    // An HMAC-SHA256 in hex is 64 characters.
    this.addSql(`alter table "portfolio_recipient" alter column "phone_hash" type varchar(64);`);
    this.addSql(`update "portfolio_recipient" set "phone_hash" = 'upgrade:' || gen_random_uuid()::text;`);
  }

  override async down(): Promise<void> {
    // The numbers cannot come back from their hashes: the window starts empty.
    this.addSql(`delete from "portfolio_recipient";`);
    this.addSql(`alter table "portfolio_recipient" alter column "phone_hash" type varchar(16);`);
    this.addSql(`alter table "portfolio_recipient" rename column "phone_hash" to "phone";`);
  }
}
