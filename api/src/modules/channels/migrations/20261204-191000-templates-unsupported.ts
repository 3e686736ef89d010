import { Migration } from '@mikro-orm/migrations';
import { unsupportedReason } from '../template-support';

/**
 * Templates synced before a location header, a single-product template, an authentication template and parts the
 * portal does not know were recognised as unfillable (template-support.ts) are marked now, not at their next sync:
 * until then a campaign could be created and launched with one, and every send would fail at Meta.
 */
export class Migration20261204191000TemplatesUnsupported extends Migration {
  override async up(): Promise<void> {
    const rows = await this.execute(`select id, components from "message_template" where "unsupported" is null`);
    for (const row of rows) {
      const components = row.components as unknown;
      const reason = Array.isArray(components) ? unsupportedReason(components) : null;
      if (reason) {
        await this.execute(`update "message_template" set "unsupported" = ? where "id" = ?`, [reason, row.id]);
      }
    }
  }
}
