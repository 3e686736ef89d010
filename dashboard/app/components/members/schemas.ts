import * as z from 'zod/mini';

const id = z.string().check(z.minLength(1, { error: 'validation.required' }));

export const addMemberSchema = z.object({
  email: z
    .string()
    .check(
      z.trim(),
      z.toLowerCase(),
      z.minLength(1, { error: 'validation.required' }),
      z.email({ error: 'validation.email' }),
    ),
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'validation.required' }),
      z.maxLength(100, { error: 'validation.tooLong' }),
    ),
  roleId: id,
});

export const changeRoleSchema = z.object({ memberId: id, roleId: id });

export const removeMemberSchema = z.object({ memberId: id });
