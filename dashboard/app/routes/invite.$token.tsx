import type { LoaderFunctionArgs } from '@remix-run/node';
import { captureLink } from '../utils/one-time-links.server';

/** An invitation link as handed over: its secret moves into a cookie, and the reader goes to /invite. */
export function loader({ params }: LoaderFunctionArgs) {
  return captureLink('invite', params.token);
}
