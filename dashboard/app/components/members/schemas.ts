import * as z from 'zod/mini';

const id = z.string().check(z.minLength(1, { error: 'validation.required' }));

export const inviteMemberSchema = z.object({
  email: z
    .string()
    .check(
      z.trim(),
      z.toLowerCase(),
      z.minLength(1, { error: 'validation.required' }),
      z.maxLength(254, { error: 'validation.tooLong' }),
      z.email({ error: 'validation.email' }),
    ),
  roleId: id,
});

export const changeRoleSchema = z.object({ memberId: id, roleId: id });

export const removeMemberSchema = z.object({ memberId: id });

export const revokeInvitationSchema = z.object({ invitationId: id });

export const issueResetLinkSchema = z.object({ memberId: id });
