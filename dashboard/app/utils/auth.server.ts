import { redirect } from '@remix-run/node';
import { graphql } from '../graphql';
import type { CurrentUserQuery, Permission } from '../graphql/graphql';
import { gql, gqlResultAs, errorResponse, isApiUnavailable } from './graphql.server';
import { serializeLanguageCookie } from './language.server';
import { safeRedirectPath } from './redirect';
import { commitSessionCookie, destroyChallengeCookie, getSessionToken, loginRedirect } from './session.server';

const CurrentUserQueryDocument = graphql(`
  query CurrentUser {
    me {
      id
      email
      name
      language
      isPlatformAdmin
      mustChangePassword
      twoFactorEnabled
      workspace {
        id
        name
      }
      role {
        id
        key
        name
        builtIn
      }
      permissions
    }
  }
`);

export type CurrentUser = CurrentUserQuery['me'];

const PASSWORD_CHANGE_PATH = '/change-password';

/**
 * The signed-in user, or a redirect: to /login (no session, or one the API no longer accepts; the cookie is
 * cleared) or to /change-password while a seeded or reset password is still in use.
 */
export async function requireUser(
  request: Request,
  { allowPasswordChange = false }: { allowPasswordChange?: boolean } = {},
): Promise<CurrentUser> {
  if (!getSessionToken(request)) throw loginRedirect(request);
  const { me } = await gql(request, CurrentUserQueryDocument);
  if (me.mustChangePassword && !allowPasswordChange) throw redirect(PASSWORD_CHANGE_PATH);
  return me;
}

/** `requireUser`, and a translated 403 page when the user's role in this workspace lacks `permission`. */
export async function requirePermission(request: Request, permission: Permission): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!can(user, permission)) throw errorResponse({ messageKey: 'errors.forbidden.description' }, 403);
  return user;
}

export function can(user: Pick<CurrentUser, 'permissions'>, permission: Permission): boolean {
  return user.permissions.includes(permission);
}

/**
 * The signed-in user, or null when nobody is (no cookie, or a session the API refuses). Throws only when the API
 * cannot answer at all, so a caller can tell "signed out" from "cannot know".
 */
export async function getUser(request: Request): Promise<CurrentUser | null> {
  if (!getSessionToken(request)) return null;
  try {
    return (await gql(request, CurrentUserQueryDocument)).me;
  } catch (error) {
    if (error instanceof Response && !isApiUnavailable(error) && error.status >= 300 && error.status < 400) {
      return null;
    }
    throw error;
  }
}

/** Where a signed-in user goes from the login pages. */
export function homeFor(user: Pick<CurrentUser, 'mustChangePassword'>, redirectTo?: string | null): string {
  if (user.mustChangePassword) return PASSWORD_CHANGE_PATH;
  return safeRedirectPath(redirectTo ?? undefined) ?? '/dashboard';
}

/**
 * Completes a sign-in: stores the session token, drops the two-factor challenge, adopts the user's language
 * for the dashboard, and goes on (to the forced password change first when one is pending).
 */
export async function signIn(
  request: Request,
  { sessionToken, mustChangePassword }: { sessionToken: string; mustChangePassword: boolean },
  redirectTo: string | null | undefined,
): Promise<Response> {
  const headers = new Headers();
  headers.append('Set-Cookie', commitSessionCookie(sessionToken));
  headers.append('Set-Cookie', destroyChallengeCookie());
  // The account's language follows the user to any browser; a failure here must not block the sign-in.
  const me = await gqlResultAs(request, sessionToken, CurrentUserQueryDocument);
  if (me.data) headers.append('Set-Cookie', serializeLanguageCookie(me.data.me.language === 'EN' ? 'en' : 'id'));
  return redirect(homeFor({ mustChangePassword }, redirectTo), { headers });
}
