import { data } from '@remix-run/node';

/**
 * What an action answers when it does not succeed: the form's feedback with a 4xx status (400 for a field the
 * reader must fix), so the page is re-rendered with its errors and nothing was changed. Success redirects instead
 * (`redirectWithToast`), so a refresh after it never sends the form again.
 */
export function refused<T>(payload: T, status = 400) {
  return data(payload, { status });
}
