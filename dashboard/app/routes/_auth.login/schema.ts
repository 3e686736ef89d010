import * as z from 'zod/mini';
import { requiredPasswordSchema } from '../../utils/credential-schemas';

export const loginSchema = z.object({
  email: z
    .string()
    .check(z.trim(), z.minLength(1, { error: 'validation.required' }), z.email({ error: 'validation.email' })),
  password: requiredPasswordSchema,
  redirectTo: z.optional(z.string()),
});
