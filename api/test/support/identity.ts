import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import {
  ApiToken,
  Membership,
  Role,
  Session,
  User,
  Workspace,
  type BuiltInRoleKey,
  type Permission,
} from '../../src/modules/identity';
import { hashPassword } from '../../src/modules/identity/passwords';
import { hashToken, newToken } from '../../src/modules/identity/secrets';

/** Factories: each test builds the people and workspaces it needs, directly in its own database. */

export const PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;
const sharedHash = () => (passwordHash ??= hashPassword(PASSWORD));

// Six random bytes: a file such as the authorization matrix creates thousands of workspaces in one database, and
// three bytes (16 million slugs) collided there once (CI, stop 29).
export async function createWorkspace(em: EntityManager, name = `Toko ${randomBytes(6).toString('hex')}`) {
  const workspace = em.create(Workspace, { name, slug: name.toLowerCase().replace(/\W+/g, '-') });
  await em.flush();
  return workspace;
}

export interface TestMember {
  user: User;
  workspace: Workspace;
  sessionToken: string;
  sessionId: string;
}

export async function createMember(
  em: EntityManager,
  workspace: Workspace,
  roleKey: BuiltInRoleKey | Role,
  options: { email?: string; mustChangePassword?: boolean; platformAdmin?: boolean } = {},
): Promise<TestMember> {
  const role = typeof roleKey === 'string' ? await em.findOneOrFail(Role, { key: roleKey, workspace: null }) : roleKey;
  const user = em.create(User, {
    email: options.email ?? `${randomBytes(5).toString('hex')}@example.co.id`,
    name: 'Test User',
    passwordHash: await sharedHash(),
    mustChangePassword: options.mustChangePassword ?? false,
    isPlatformAdmin: options.platformAdmin ?? false,
  });
  em.create(Membership, { user, workspace, role });
  await em.flush();
  const { token, session } = await createSession(em, user, workspace);
  return { user, workspace, sessionToken: token, sessionId: session.id };
}

export async function createSession(em: EntityManager, user: User, workspace: Workspace | null) {
  const token = newToken('bzs');
  const session = em.create(Session, {
    user,
    workspace,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  await em.flush();
  return { token, session };
}

export async function createApiToken(em: EntityManager, member: TestMember, permissions: Permission[]) {
  const token = newToken('bzt');
  const apiToken = em.create(ApiToken, {
    workspace: member.workspace,
    createdBy: member.user,
    name: `script ${randomBytes(2).toString('hex')}`,
    prefix: token.slice(0, 12),
    tokenHash: hashToken(token),
    permissions,
  });
  await em.flush();
  return { token, apiToken };
}
