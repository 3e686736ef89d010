import * as z from 'zod/mini';
import { permissionListSchema } from '../../utils/permission-schema';

// tokens.nameLength at the API: 2 to 80 characters.
export const createTokenSchema = z.object({
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'validation.required' }),
      z.minLength(2, { error: 'validation.tooShort' }),
      z.maxLength(80, { error: 'validation.tooLong' }),
    ),
  permissions: permissionListSchema.check(z.minLength(1, { error: 'validation.permissionsRequired' })),
});

export const revokeTokenSchema = z.object({ tokenId: z.string().check(z.minLength(1)) });
