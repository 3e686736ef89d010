import * as z from 'zod/mini';
import { permissionListSchema } from '../../utils/permission-schema';

// roles.nameLength at the API: 2 to 60 characters.
const roleName = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, { error: 'validation.required' }),
    z.minLength(2, { error: 'validation.tooShort' }),
    z.maxLength(60, { error: 'validation.tooLong' }),
  );

export const createRoleSchema = z.object({ name: roleName, permissions: permissionListSchema });

export const updateRoleSchema = z.object({
  roleId: z.string().check(z.minLength(1)),
  name: roleName,
  permissions: permissionListSchema,
});

export const deleteRoleSchema = z.object({ roleId: z.string().check(z.minLength(1)) });
