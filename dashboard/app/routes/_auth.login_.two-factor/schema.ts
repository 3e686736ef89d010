import * as z from 'zod/mini';
import { twoFactorCodeSchema } from '../../utils/credential-schemas';

export const verifySchema = z.object({
  code: twoFactorCodeSchema,
  redirectTo: z.optional(z.string()),
});
