import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { getUser, saveAccountLanguage } from '../utils/auth.server';
import { requireSameOrigin } from '../utils/csrf.server';
import type { Language } from '../utils/language';
import { serializeLanguageCookie, setLanguageSchema } from '../utils/language.server';
import { safeRedirectPath } from '../utils/redirect';
import { getSessionToken } from '../utils/session.server';

/** Resource route behind the header's EN/ID switch: remember the choice for a year, go back where the reader was. */
export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const parsed = setLanguageSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    throw new Response(JSON.stringify({ messageKey: 'errors.invalidLanguage' }), {
      status: 400,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
  }
  const target = safeRedirectPath(parsed.data.redirectTo) ?? refererPath(request) ?? '/';
  await rememberForAccount(request, parsed.data.lng);
  return redirect(target, { headers: { 'Set-Cookie': serializeLanguageCookie(parsed.data.lng) } });
}

// Someone following a link here gets the home page rather than a 405.
export function loader() {
  return redirect('/');
}

function refererPath(request: Request): string | undefined {
  const referer = request.headers.get('Referer');
  if (!referer) return undefined;
  try {
    const from = new URL(referer);
    if (from.host !== new URL(request.url).host) return undefined;
    return safeRedirectPath(`${from.pathname}${from.search}`);
  } catch {
    return undefined;
  }
}

/**
 * A signed-in reader's choice also becomes their account's language (the one the next sign-in, on any browser,
 * starts with). Best effort: the cookie alone already switches this browser.
 */
async function rememberForAccount(request: Request, lng: Language): Promise<void> {
  const token = getSessionToken(request);
  if (!token) return;
  try {
    const user = await getUser(request);
    if (!user || user.mustChangePassword || user.language === (lng === 'en' ? 'EN' : 'ID')) return;
    await saveAccountLanguage(request, token, user, lng);
  } catch {
    // The API is unreachable: the language switch still works for this browser.
  }
}
