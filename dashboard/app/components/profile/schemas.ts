import * as z from 'zod/mini';
import { requiredPasswordSchema, totpCodeSchema, twoFactorCodeSchema } from '../../utils/credential-schemas';

export const profileSchema = z.object({
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'validation.required' }),
      z.maxLength(100, { error: 'validation.tooLong' }),
    ),
  language: z.enum(['EN', 'ID'], { error: 'validation.invalid' }),
});

export const enableTwoFactorSchema = z.object({ code: totpCodeSchema, password: requiredPasswordSchema });

export const disableTwoFactorSchema = z.object({ password: requiredPasswordSchema, code: twoFactorCodeSchema });

export const regenerateCodesSchema = z.object({ password: requiredPasswordSchema, code: twoFactorCodeSchema });
