import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { getUser, homeFor } from '../utils/auth.server';
import { isApiUnavailable } from '../utils/graphql.server';

/** Home: the dashboard when signed in, else the login page (which also explains an unreachable API). */
export async function loader({ request }: LoaderFunctionArgs) {
  try {
    const user = await getUser(request);
    return redirect(user ? homeFor(user) : '/login');
  } catch (error) {
    if (isApiUnavailable(error)) return redirect('/login');
    throw error;
  }
}
