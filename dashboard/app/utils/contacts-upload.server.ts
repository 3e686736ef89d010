import { getEnv } from './env.server';
import { apiHeaders } from './graphql.server';
import type { Message } from './message';
import { getSessionToken } from './session.server';

/** What the API's upload route answers: the file's columns, its first rows and a suggested mapping. */
export interface ContactUpload {
  id: string;
  fileName: string;
  columns: string[];
  totalRows: number;
  preview: string[][];
  suggestedMapping: { phone: number; name: number | null; tags: number | null };
}

export type UploadOutcome = { ok: true; upload: ContactUpload } | { ok: false; message: Message; status: number };

/**
 * Forwards an uploaded CSV file to the API's REST route (`POST /api/contacts/imports`, the raw file as the body)
 * with the reader's session and language. The API checks size, encoding and shape; its refusal comes back
 * already in the reader's language.
 */
export async function uploadContactsCsv(request: Request, file: File): Promise<UploadOutcome> {
  const url = new URL(`${getEnv().API_INTERNAL_URL}/api/contacts/imports`);
  url.searchParams.set('fileName', file.name || 'contacts.csv');
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { ...apiHeaders(request, getSessionToken(request)), 'content-type': 'text/csv' },
      body: Buffer.from(await file.arrayBuffer()),
      signal: AbortSignal.timeout(60_000),
    });
  } catch {
    return { ok: false, message: { key: 'errors.apiUnavailable' }, status: 502 };
  }
  const body = (await response.json().catch(() => null)) as
    (ContactUpload & { error?: undefined }) | { error?: { message?: unknown } } | null;
  if (response.ok && body && !body.error) return { ok: true, upload: body as ContactUpload };
  const text = body?.error?.message;
  return {
    ok: false,
    message: typeof text === 'string' && text ? { text } : { key: 'errors.generic' },
    status: response.status >= 400 && response.status < 500 ? response.status : 502,
  };
}
