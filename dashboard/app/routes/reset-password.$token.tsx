import type { LoaderFunctionArgs } from '@remix-run/node';
import { captureLink } from '../utils/one-time-links.server';

/** A password-reset link as handed over: its secret moves into a cookie, and the reader goes to /reset-password. */
export function loader({ params }: LoaderFunctionArgs) {
  return captureLink('reset', params.token);
}
