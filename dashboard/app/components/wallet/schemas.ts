import * as z from 'zod/mini';

/** The top-up presets (issue 17): whole rupiah. */
export const TOPUP_PRESETS = [50_000, 100_000, 250_000, 500_000, 1_000_000] as const;
export const TOPUP_MINIMUM = 50_000;

/**
 * A top-up amount as a person types it: digits, optionally grouped with dots or spaces (`100.000`). The maximum is
 * the installation's (TOPUP_MAX_AMOUNT), so the API checks it and its error is shown beside the field.
 */
export const topupSchema = z.object({
  amount: z.string().check(
    z.trim(),
    z.minLength(1, { error: 'validation.required' }),
    z.regex(/^(\d+|\d{1,3}([. ]\d{3})+)$/, { error: 'wallet.topup.wholeRupiah' }),
    z.refine((value) => Number(value.replace(/[. ]/g, '')) >= TOPUP_MINIMUM, {
      error: 'wallet.topup.belowMinimum',
    }),
  ),
});

/** The amount a valid form holds, in rupiah. */
export const topupAmount = (amount: string): number => Number(amount.replace(/[. ]/g, ''));
