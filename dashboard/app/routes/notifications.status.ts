import type { LoaderFunctionArgs } from '@remix-run/node';
import { notificationStatusResponse } from '../utils/notifications.server';

/** GET /notifications/status: the bell's poll (JSON with an ETag; 304 when unchanged). */
export function loader({ request }: LoaderFunctionArgs) {
  return notificationStatusResponse(request);
}
