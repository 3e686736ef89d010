import * as z from 'zod/mini';
import { newPasswordSchema } from '../../utils/credential-schemas';

/** A new account from an invitation: a name, and a password typed twice. */
export const acceptWithNewAccountSchema = z.intersection(
  z.object({
    name: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, { error: 'validation.required' }),
        z.maxLength(120, { error: 'validation.tooLong' }),
      ),
  }),
  newPasswordSchema,
);
