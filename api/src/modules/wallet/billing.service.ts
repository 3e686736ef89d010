import type { EntityManager } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { newId } from '../../core/ids';
import { translate, type Language } from '../../core/messages';
import { rupiah, type Rupiah } from '../../core/money';
import { execute, query } from '../../db/sql';
import {
  CURRENT_PRICES,
  INSERT_PRICE,
  PRICE_HISTORY,
  READ_BILLING_PROFILE,
  STATEMENT_ROWS,
  UPSERT_BILLING_PROFILE,
  type PriceRow,
} from './billing.sql';

/** Meta's template categories; the price of a message depends on its template's. */
export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export interface PriceView {
  category: TemplateCategory;
  amount: Rupiah;
  /** null: the installation's price (or PRICE_PER_MESSAGE when never set). */
  workspaceId: string | null;
  validFrom: Date | null;
}

export interface BillingProfileInput {
  legalName: string;
  npwp?: string | null;
  address: string;
  invoiceEmail: string;
}

/**
 * A statement month (`2026-12`) as the instants that bound it where the workspace is: from its first day's
 * midnight in `zone` to the next month's (exclusive). Luxon's, so a Jayapura workspace's December starts at
 * 15:00Z on 30 November, Jakarta's two hours later.
 */
export function monthRange(month: string, zone: string): { from: Date; to: Date } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new AppError('BAD_USER_INPUT', 'wallet.monthFormat', {}, { month: 'wallet.monthFormat' });
  const start = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: 1 }, { zone });
  return { from: start.toJSDate(), to: start.plus({ months: 1 }).toJSDate() };
}

function toPrice(row: PriceRow): PriceView {
  return {
    category: row.category as TemplateCategory,
    amount: rupiah(row.amount),
    workspaceId: row.workspace_id,
    validFrom: new Date(row.valid_from),
  };
}

/**
 * Prices (with their history: rows are only added), billing profiles and the monthly
 * statement. The broadcast engine asks `pricesAt` when a campaign launches and keeps them.
 */
export class BillingService {
  constructor(
    private readonly clock: Clock,
    private readonly defaultPrice: Rupiah,
  ) {}

  /** The price of each category for a workspace (or the installation) at a moment. */
  async pricesAt(em: EntityManager, workspaceId: string | null, at: Date = this.clock.now()): Promise<PriceView[]> {
    const rows = new Map((await query(em, CURRENT_PRICES, [workspaceId, at])).map((row) => [row.category, row]));
    return TEMPLATE_CATEGORIES.map((category) => {
      const row = rows.get(category);
      return row ? toPrice(row) : { category, amount: this.defaultPrice, workspaceId: null, validFrom: null };
    });
  }

  async priceHistory(em: EntityManager, workspaceId: string | null, limit = 100): Promise<PriceView[]> {
    return (await query(em, PRICE_HISTORY, [workspaceId, limit])).map(toPrice);
  }

  /** A new price from now on (never changes the past, nor campaigns already launched). */
  async setPrice(
    em: EntityManager,
    setBy: string,
    input: { category: TemplateCategory; amount: Rupiah; workspaceId?: string | null },
  ): Promise<PriceView> {
    if (!TEMPLATE_CATEGORIES.includes(input.category)) throw new AppError('BAD_USER_INPUT', 'wallet.priceCategory');
    if (input.amount < 1n || input.amount > 1_000_000n) {
      throw new AppError('BAD_USER_INPUT', 'wallet.priceRange', {}, { amount: 'wallet.priceRange' });
    }
    const now = this.clock.now();
    try {
      await execute(em, INSERT_PRICE, [
        input.workspaceId ?? null,
        newId(),
        input.category,
        input.amount.toString(),
        now,
        setBy,
      ]);
    } catch (error) {
      // 23503: the workspace id names no workspace.
      if ((error as { code?: string }).code === '23503') throw new AppError('NOT_FOUND', 'errors.notFound');
      throw error;
    }
    return { category: input.category, amount: input.amount, workspaceId: input.workspaceId ?? null, validFrom: now };
  }

  async billingProfile(em: EntityManager, workspaceId: string) {
    const [row] = await query(em, READ_BILLING_PROFILE, [workspaceId]);
    return row
      ? {
          legalName: row.legal_name,
          npwp: row.npwp,
          address: row.address,
          invoiceEmail: row.invoice_email,
          updatedAt: new Date(row.updated_at),
        }
      : null;
  }

  async updateBillingProfile(em: EntityManager, workspaceId: string, input: BillingProfileInput) {
    const npwp = input.npwp?.replace(/[.\s-]/g, '') || null;
    if (npwp !== null && !/^\d{16}$/.test(npwp)) {
      throw new AppError('BAD_USER_INPUT', 'wallet.npwpFormat', {}, { npwp: 'wallet.npwpFormat' });
    }
    await execute(em, UPSERT_BILLING_PROFILE, [
      workspaceId,
      newId(),
      input.legalName.trim(),
      npwp,
      input.address.trim(),
      input.invoiceEmail.trim(),
      this.clock.now(),
    ]);
    return (await this.billingProfile(em, workspaceId))!;
  }

  /**
   * A month's statement as CSV (csv-stringify), headers in the reader's language: top-ups,
   * usage per campaign batch reference, refunds, reversals and adjustments, one row per kind
   * and reference, amounts in whole rupiah (signed). The month and the times are the
   * workspace's (`timeZone`), like every time it reads.
   */
  async monthlyStatement(em: EntityManager, workspaceId: string, month: string, language: Language, timeZone: string) {
    const { from, to } = monthRange(month, timeZone);
    const rows = await query(em, STATEMENT_ROWS, [workspaceId, from, to]);
    const time = (value: Date | string) =>
      DateTime.fromJSDate(new Date(value), { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm');
    const header = ['date', 'kind', 'reference', 'entries', 'amount'].map((column) =>
      translate(language, `wallet.statement.${column}`),
    );
    const csv = stringify([
      header,
      ...rows.map((row) => [
        time(row.created_at),
        translate(language, `wallet.statement.kinds.${row.kind}`),
        row.reference,
        row.entries,
        row.amount,
      ]),
    ]);
    return { filename: `bizone-statement-${month}.csv`, csv };
  }
}
