import { Authorized, type AuthChecker } from 'type-graphql';
import { AppError } from '../core/app-error';
import { type Permission } from '../modules/identity';
import type { GraphQLContext } from './context';

/**
 * Every query and mutation declares who may call it, with exactly one of these six decorators;
 * the authorization matrix test fails for a field that declares none.
 */
export const PUBLIC = 'public';
export const SIGNED_IN = 'signed-in';
export const PLATFORM_ADMIN = 'platform-admin';
export const SESSION_ONLY = 'session-only';

/** Anyone, signed in or not (sign-in itself, server facts). */
export const Public = () => Authorized(PUBLIC);
/** Any signed-in user or token, whatever its permissions (own profile, own sessions). */
export const SignedIn = () => Authorized(SIGNED_IN);
/**
 * A person signed in with a session, never an API token: the account itself (sessions,
 * profile, password, two-factor, recovery codes, switching workspace). Tokens are for
 * workspace data; a stolen script credential must not be able to take over the account.
 */
export const SessionOnly = () => Authorized(SESSION_ONLY);
/** Needs this permission in the active workspace. */
export const Requires = (permission: Permission) => Authorized(permission);
/**
 * Needs this permission, and a person signed in with a session: an act the product promises is
 * "by a person" (opting a contact back in after an opt-out), which a script's token may not do.
 */
export const RequiresPerson = (permission: Permission) => Authorized(permission, SESSION_ONLY);
/** The platform operator only (pricing, channels, every workspace). */
export const PlatformAdmin = () => Authorized(PLATFORM_ADMIN);

/** What a user with a seeded or reset password may still do: see who they are and change it. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['me', 'changePassword', 'logout', 'serverInfo']);

export const authChecker: AuthChecker<GraphQLContext> = ({ context, info }, [requirement, byPerson]) => {
  if (requirement === PUBLIC) return true;
  const identity = context.identity;
  if (!identity) throw new AppError('UNAUTHENTICATED', 'auth.signInRequired');
  if (identity.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(info.fieldName)) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', 'auth.passwordChangeRequired');
  }
  if (requirement === SIGNED_IN) return true;
  if (requirement === SESSION_ONLY) {
    if (identity.kind === 'session') return true;
    throw new AppError('FORBIDDEN', 'auth.sessionOnly');
  }
  if (requirement === PLATFORM_ADMIN) {
    if (identity.isPlatformAdmin) return true;
    throw new AppError('FORBIDDEN', 'auth.forbidden');
  }
  if (!identity.workspaceId || !identity.permissions.has(requirement as Permission)) {
    throw new AppError('FORBIDDEN', 'auth.forbidden', { permission: requirement ?? '' });
  }
  if (byPerson === SESSION_ONLY && identity.kind !== 'session') throw new AppError('FORBIDDEN', 'auth.byPersonOnly');
  return true;
};
