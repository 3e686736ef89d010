import { redirect } from '@remix-run/node';
import { graphql } from '../graphql';
import type { Permission } from '../graphql/graphql';
import { errorResponse, gql, gqlResultAs } from './graphql.server';
import { getLanguage, languageFromCookie, serializeLanguageCookie } from './language.server';
import type { Language } from './language';
import { safeRedirectPath } from './redirect';
import { commitSessionCookie, destroyChallengeCookie, getSessionToken, loginRedirect } from './session.server';
import type { CurrentUser } from './user';

export type { CurrentUser };

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
        timeZone
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

const SaveAccountLanguageMutation = graphql(`
  mutation SaveAccountLanguage($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      language
    }
  }
`);

const toApiLanguage = (lng: Language) => (lng === 'en' ? 'EN' : 'ID');
const fromApiLanguage = (language: CurrentUser['language']): Language => (language === 'EN' ? 'en' : 'id');

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
    // A redirect to /login means the API refused the session.
    if (error instanceof Response && error.status >= 300 && error.status < 400) return null;
    throw error;
  }
}

/** Where a signed-in user goes from the login pages. */
export function homeFor(user: Pick<CurrentUser, 'mustChangePassword'>, redirectTo?: string | null): string {
  if (user.mustChangePassword) return PASSWORD_CHANGE_PATH;
  return safeRedirectPath(redirectTo ?? undefined) ?? '/dashboard';
}

/**
 * Completes a sign-in: stores the session token, drops the two-factor challenge, reconciles the browser's and
 * the account's language, and goes on (to the forced password change first when one is pending).
 */
export async function signIn(
  request: Request,
  { sessionToken, mustChangePassword }: { sessionToken: string; mustChangePassword: boolean },
  redirectTo: string | null | undefined,
): Promise<Response> {
  const headers = new Headers();
  headers.append('Set-Cookie', commitSessionCookie(sessionToken));
  headers.append('Set-Cookie', destroyChallengeCookie());
  // A failure here must not block the sign-in.
  const me = await gqlResultAs(request, sessionToken, CurrentUserQueryDocument);
  if (me.data) {
    const cookie = await reconcileLanguage(request, sessionToken, me.data.me);
    if (cookie) headers.append('Set-Cookie', cookie);
  }
  return redirect(homeFor({ mustChangePassword }, redirectTo), { headers });
}

/**
 * One language per person: a browser without a choice takes the account's (the returned `lng` cookie), except on
 * a new account's first sign-in; a choice made in this browser (the login page's switch, say) becomes the
 * account's. Best effort.
 */
export async function reconcileLanguage(
  request: Request,
  token: string,
  user: Pick<CurrentUser, 'name' | 'language' | 'mustChangePassword'>,
): Promise<string | undefined> {
  const chosen = languageFromCookie(request.headers.get('Cookie'));
  if (!chosen) {
    // A new account (its one-time password still to change) has never chosen a language: it keeps the one the
    // login page spoke (the browser's preference), which the forced change then saves to the account.
    if (user.mustChangePassword) return serializeLanguageCookie(getLanguage(request));
    return serializeLanguageCookie(fromApiLanguage(user.language));
  }
  // Until a seeded password is changed the API takes nothing but the change; the change itself calls this again.
  if (chosen !== fromApiLanguage(user.language) && !user.mustChangePassword) {
    await saveAccountLanguage(request, token, user, chosen);
  }
  return undefined;
}

/** Makes `lng` the account's language (the dashboard and the API's messages); failures are ignored. */
export async function saveAccountLanguage(
  request: Request,
  token: string,
  user: Pick<CurrentUser, 'name'>,
  lng: Language,
): Promise<void> {
  const result = await gqlResultAs(request, token, SaveAccountLanguageMutation, {
    input: { name: user.name, language: toApiLanguage(lng) },
  });
  if (result.error) {
    console.warn(JSON.stringify({ level: 'warn', event: 'language_not_saved', code: result.error.code }));
  }
}
