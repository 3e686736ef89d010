import { randomBytes } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, SEEDED_PASSWORD } from './identity';
import type { Stack } from './stack';

/**
 * Test data made through the API, the way an operator would make it, so every browser test owns its user and
 * workspace and runs alone (the Epic Stack's `playwright-utils`): nothing depends on what an earlier test did.
 */

export async function callApi<T>(
  stack: Stack,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(`${stack.apiUrl}/api/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: unknown }[] };
  if (body.errors?.length || !body.data) {
    throw new Error(`API call failed (${response.status}): ${JSON.stringify(body.errors)}\n${query}`);
  }
  return body.data;
}

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { status sessionToken challengeToken mustChangePassword } }`;
const CHANGE_PASSWORD = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const CREATE_WORKSPACE = `mutation ($input: CreateWorkspaceInput!) {
  createWorkspace(input: $input) { ownerInvitationUrl workspace { id name } }
}`;
const INVITE_MEMBER = `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { url } }`;
const ACCEPT_AS_NEW = `mutation ($input: AcceptInvitationWithNewAccountInput!) {
  acceptInvitationWithNewAccount(input: $input) { sessionToken }
}`;

interface LoginAnswer {
  login: { status: string; sessionToken: string | null; challengeToken: string | null; mustChangePassword: boolean };
}

export async function apiLogin(stack: Stack, email: string, password: string): Promise<LoginAnswer['login']> {
  return (await callApi<LoginAnswer>(stack, LOGIN, { input: { email, password } })).login;
}

const platformTokens = new WeakMap<Stack, Promise<string>>();

/** A session of the portal's platform operator (the seeded admin, its forced password change done once). */
export function platformAdminToken(stack: Stack): Promise<string> {
  let token = platformTokens.get(stack);
  if (!token) {
    token = (async () => {
      const first = await apiLogin(stack, ADMIN_EMAIL, SEEDED_PASSWORD).catch(() => null);
      if (first?.sessionToken) {
        if (first.mustChangePassword) {
          await callApi(
            stack,
            CHANGE_PASSWORD,
            { input: { currentPassword: SEEDED_PASSWORD, newPassword: ADMIN_PASSWORD } },
            first.sessionToken,
          );
        }
        return first.sessionToken;
      }
      const again = await apiLogin(stack, ADMIN_EMAIL, ADMIN_PASSWORD);
      if (!again.sessionToken) throw new Error(`the platform admin could not sign in: ${again.status}`);
      return again.sessionToken;
    })();
    platformTokens.set(stack, token);
  }
  return token;
}

export interface TestOwner {
  email: string;
  name: string;
  password: string;
  workspaceName: string;
  /** A session of the owner. */
  sessionToken: string;
}

/** The secret of a one-time link (`.../invite/bzi_...`), as the API's mutations take it. */
export const linkToken = (url: string) => url.split('/').pop() ?? '';

/** Accepts an invitation link through the API as a new account; the session it starts. */
export async function acceptAsNewAccount(
  stack: Stack,
  url: string,
  person: { name: string; password: string; language?: 'EN' | 'ID' },
): Promise<string> {
  const { acceptInvitationWithNewAccount } = await callApi<{
    acceptInvitationWithNewAccount: { sessionToken: string | null };
  }>(stack, ACCEPT_AS_NEW, { input: { token: linkToken(url), ...person } });
  if (!acceptInvitationWithNewAccount.sessionToken) throw new Error('the invitation did not sign the new account in');
  return acceptInvitationWithNewAccount.sessionToken;
}

/**
 * A new workspace with a new Owner, opened by the platform operator: the Owner joins through the invitation the
 * operator gets, choosing a password, as a person would.
 */
export async function createOwner(
  stack: Stack,
  { language = 'ID' }: { language?: 'EN' | 'ID' } = {},
): Promise<TestOwner> {
  const suffix = randomBytes(4).toString('hex');
  const email = `owner-${suffix}@example.co.id`;
  const name = `Pemilik ${suffix}`;
  const workspaceName = `Toko ${suffix}`;
  const admin = await platformAdminToken(stack);
  const { createWorkspace } = await callApi<{ createWorkspace: { ownerInvitationUrl: string } }>(
    stack,
    CREATE_WORKSPACE,
    { input: { name: workspaceName, ownerEmail: email } },
    admin,
  );
  const password = `Kata-sandi-${suffix}-uji`;
  const sessionToken = await acceptAsNewAccount(stack, createWorkspace.ownerInvitationUrl, {
    name,
    password,
    language,
  });
  return { email, name, password, workspaceName, sessionToken };
}

/** An invitation of `owner`'s workspace with a built-in role; its one-time link. */
export async function inviteMember(stack: Stack, owner: TestOwner, email: string, roleKey: string): Promise<string> {
  const { roles } = await callApi<{ roles: { id: string; key: string }[] }>(
    stack,
    `{ roles { id key } }`,
    {},
    owner.sessionToken,
  );
  const role = roles.find((candidate) => candidate.key === roleKey);
  if (!role) throw new Error(`no ${roleKey} role`);
  const { inviteMember } = await callApi<{ inviteMember: { url: string } }>(
    stack,
    INVITE_MEMBER,
    { input: { email, roleId: role.id } },
    owner.sessionToken,
  );
  return inviteMember.url;
}

/** Signs `context` in with an API session (the dashboard's own cookie), and sets the reader's language. */
export async function signInBrowser(
  context: BrowserContext,
  stack: Stack,
  sessionToken: string,
  lng?: 'en' | 'id',
): Promise<void> {
  const url = stack.dashboardUrl;
  await context.addCookies([
    { name: 'bz_session', value: sessionToken, url, httpOnly: true, sameSite: 'Lax' },
    ...(lng ? [{ name: 'lng', value: lng, url, httpOnly: true, sameSite: 'Lax' as const }] : []),
  ]);
}

/**
 * What a workspace that has been used a little looks like, so tables have rows: a second member, an API token with
 * a long name and one revoked (which also leaves audit entries with details).
 */
export async function fillWorkspace(stack: Stack, owner: TestOwner): Promise<void> {
  const token = owner.sessionToken;
  const { roles } = await callApi<{ roles: { id: string; key: string | null }[] }>(
    stack,
    `{ roles { id key } }`,
    {},
    token,
  );
  if (!roles.some((role) => role.key === 'operator')) throw new Error('no operator role');
  const staff = await inviteMember(stack, owner, `staf-${owner.email}`, 'operator');
  await acceptAsNewAccount(stack, staff, { name: 'Staf Gudang Surabaya', password: 'Gudang-Surabaya-2026-aman' });
  // And one still open, so the invitations table has a row.
  await inviteMember(stack, owner, `calon-${owner.email}`, 'viewer');
  const create = `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { apiToken { id } } }`;
  await callApi(
    stack,
    create,
    {
      input: {
        name: 'Sinkronisasi pesanan toko daring cabang Jakarta Selatan',
        permissions: ['CONTACTS_READ', 'CONTACTS_WRITE', 'CAMPAIGNS_READ', 'MEMBERS_READ'],
      },
    },
    token,
  );
  const old = await callApi<{ createApiToken: { apiToken: { id: string } } }>(
    stack,
    create,
    { input: { name: 'Skrip lama', permissions: ['CONTACTS_READ'] } },
    token,
  );
  await callApi(
    stack,
    `mutation ($id: ID!) { revokeApiToken(id: $id) { id } }`,
    { id: old.createApiToken.apiToken.id },
    token,
  );
}

/** Turns on two-factor authentication for `owner` through the API (the code computed from the secret). */
export async function enableTwoFactor(stack: Stack, owner: TestOwner): Promise<void> {
  const { generate } = await import('otplib');
  const { startTwoFactorSetup } = await callApi<{ startTwoFactorSetup: { secret: string } }>(
    stack,
    `mutation { startTwoFactorSetup { secret } }`,
    {},
    owner.sessionToken,
  );
  const code = await generate({ secret: startTwoFactorSetup.secret });
  await callApi(
    stack,
    `mutation ($input: EnableTwoFactorInput!) { enableTwoFactor(input: $input) { codes } }`,
    { input: { code, password: owner.password } },
    owner.sessionToken,
  );
}
