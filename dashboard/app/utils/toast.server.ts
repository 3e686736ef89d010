import { createCookie, redirect } from '@remix-run/node';
import { z } from 'zod';
import { isTranslationKey } from '../i18n';
import { getEnv } from './env.server';
import type { Toast } from './toast';

/**
 * Post/redirect/get with a message (the Epic Stack's `redirectWithToast`): a successful action redirects and
 * leaves a one-shot cookie; the root loader reads it once and deletes it in the same response. A refresh then
 * re-reads the page (GET), never re-submits, and shows the toast no second time. The cookie carries a
 * translation key and its parameters, not text, so the toast appears in the reader's language.
 */
const toastCookie = createCookie('bz_toast', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  // Long enough to survive the redirect it travels with, short enough never to surprise a later visit.
  maxAge: 60,
});

const toastSchema = z.object({
  id: z.string().max(40),
  type: z.enum(['success', 'info', 'error']),
  key: z.string().refine(isTranslationKey),
  params: z.record(z.string(), z.union([z.string().max(200), z.number()])).optional(),
});

export type ToastInput = Omit<Toast, 'id'>;

/** The cookie that shows `toast` on the next page this browser loads. */
export async function toastHeader(toast: ToastInput): Promise<string> {
  const value: Toast = { id: crypto.randomUUID(), ...toast };
  return toastCookie.serialize(value, { secure: getEnv().SECURE_COOKIES });
}

/** A redirect after a successful action, with its toast; `init.headers` may add other cookies. */
export async function redirectWithToast(url: string, toast: ToastInput, init?: { headers?: HeadersInit }) {
  const headers = new Headers(init?.headers);
  headers.append('Set-Cookie', await toastHeader(toast));
  return redirect(url, { headers });
}

/** The pending toast, if any, and the header that deletes it (read once). A forged or stale cookie is dropped. */
export async function getToast(request: Request): Promise<{ toast: Toast | null; headers?: HeadersInit }> {
  const raw: unknown = await toastCookie.parse(request.headers.get('Cookie'));
  if (raw === null || raw === undefined) return { toast: null };
  const parsed = toastSchema.safeParse(raw);
  const remove = await toastCookie.serialize('', { maxAge: 0, expires: new Date(0), secure: getEnv().SECURE_COOKIES });
  return { toast: parsed.success ? (parsed.data as Toast) : null, headers: { 'Set-Cookie': remove } };
}
