import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from './passwords';
import { User } from './user.entity';

/**
 * The account for an e-mail address: the existing one, or a new one with a one-time password
 * that whoever created it hands over (it must be changed at the first sign-in). Used where an
 * Owner adds a member and where the platform operator opens a workspace for its first Owner.
 */
export async function accountFor(
  tx: EntityManager,
  email: string,
  name: string,
): Promise<{ user: User; temporaryPassword?: string }> {
  const existing = await tx.findOne(User, { email });
  if (existing) return { user: existing };
  const temporaryPassword = randomBytes(12).toString('base64url');
  const user = tx.create(User, {
    email,
    name: name.trim(),
    passwordHash: await hashPassword(temporaryPassword),
    mustChangePassword: true,
  });
  return { user, temporaryPassword };
}
