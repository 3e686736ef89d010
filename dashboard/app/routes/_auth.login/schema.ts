import * as z from 'zod/mini';

export const loginSchema = z.object({
  email: z
    .string()
    .check(z.trim(), z.minLength(1, { error: 'validation.required' }), z.email({ error: 'validation.email' })),
  password: z.string().check(z.minLength(1, { error: 'validation.required' })),
  redirectTo: z.optional(z.string()),
});
