import { createHash } from 'node:crypto';
import { NotificationStatusQuery } from '../components/notifications/documents';
import type { NotificationStatusQuery as NotificationStatus } from '../graphql/graphql';
import { gqlResult } from './graphql.server';
import { getSessionToken } from './session.server';

/** How many notifications the bell's dropdown lists. */
export const BELL_SIZE = 5;

export type NotificationSummary = NotificationStatus['notifications'];

/** A strong validator of what the bell shows: the same badge and the same newest few, the same tag. */
export function statusTag(status: NotificationSummary): string {
  const hash = createHash('sha256').update(JSON.stringify(status)).digest('base64url').slice(0, 27);
  return `"${hash}"`;
}

/** True when the browser's `If-None-Match` already names `tag` (a list of tags, or `*`). */
export function matchesTag(ifNoneMatch: string | null, tag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((candidate) => candidate.trim().replace(/^W\//, ''))
    .some((candidate) => candidate === '*' || candidate === tag);
}

/**
 * What the header's bell polls: the reader's unread count and newest notifications, as JSON with an ETag, and 304
 * with no body when nothing changed since the tag the browser sent. Signed out (or a session the API refuses): 401,
 * never a redirect to the login page (a poll is no navigation).
 */
export async function notificationStatusResponse(request: Request): Promise<Response> {
  const noStore = { 'Cache-Control': 'private, no-cache', Vary: 'Cookie, Accept-Language' };
  if (!getSessionToken(request)) return new Response(null, { status: 401, headers: noStore });
  const result = await gqlResult(request, NotificationStatusQuery, { first: BELL_SIZE });
  if (result.error) {
    const status = result.error.code === 'API_UNAVAILABLE' ? 502 : result.error.code === 'UNAUTHENTICATED' ? 401 : 403;
    return new Response(null, { status, headers: noStore });
  }
  const tag = statusTag(result.data.notifications);
  const headers = { ...noStore, ETag: tag };
  if (matchesTag(request.headers.get('If-None-Match'), tag)) return new Response(null, { status: 304, headers });
  return new Response(JSON.stringify(result.data.notifications), {
    status: 200,
    headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
  });
}
