import type { ActionFunctionArgs } from '@remix-run/node';
import { requireSameOrigin } from '../utils/csrf.server';
import { errorResponse } from '../utils/graphql.server';

/**
 * Every URL no other route matches. Without it Remix answers the 404 from the root route alone, without running
 * the root loader, so the page could not know the reader's language (it was always Indonesian), and a URL under
 * an existing layout (`/settings/typo`) hydrated into a different tree than the server rendered. Here the root
 * loader runs as on any page, and the root error boundary shows the translated 404.
 */
export function loader() {
  throw errorResponse({ messageKey: 'errors.notFound.description' }, 404);
}

export function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  throw errorResponse({ messageKey: 'errors.notFound.description' }, 404);
}

// Never rendered: the loader always throws.
export default function NotFound() {
  return null;
}
