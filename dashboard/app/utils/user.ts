import { useRouteLoaderData } from '@remix-run/react';
import type { CurrentUserQuery } from '../graphql/graphql';

/** The signed-in user as `me` describes them (see auth.server.ts for the document). */
export type CurrentUser = CurrentUserQuery['me'];

/** The user the signed-in shell loaded; only for components rendered inside it. */
export function useUser(): CurrentUser {
  const data = useRouteLoaderData<{ user: CurrentUser }>('routes/_app');
  if (!data) throw new Error('useUser() is for pages inside the signed-in shell (routes/_app)');
  return data.user;
}
