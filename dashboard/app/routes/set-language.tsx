import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { serializeLanguageCookie, setLanguageSchema } from '../utils/language.server';
import { safeRedirectPath } from '../utils/redirect';

/** Resource route behind the header's EN/ID switch: remember the choice for a year, go back where the reader was. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = setLanguageSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    throw new Response(JSON.stringify({ messageKey: 'errors.invalidLanguage' }), {
      status: 400,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
  }
  const target = safeRedirectPath(parsed.data.redirectTo) ?? refererPath(request) ?? '/';
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
