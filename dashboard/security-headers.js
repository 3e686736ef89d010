// @ts-check
// The dashboard's response headers that protect its readers, set on every response by server.js. Plain ESM so
// server.js runs it without a build; the policy itself is in one function so a test reads it and the wallet can
// adds Midtrans Snap's origin in one place (midtrans-snap.js).
import { randomBytes } from 'node:crypto';

/**
 * Snap (`snapOrigin`) is the one outside origin: its snap.js (script-src), its payment popup (an iframe: frame-src)
 * and, without JavaScript, the top-up form's redirect to its payment page (form-action applies to a form's
 * redirects too, so `'self'` alone would stop the no-JS top-up).
 * @param {{ nonce: string, development: boolean, snapOrigin?: string }} options
 * @returns {string}
 */
export function contentSecurityPolicy({ nonce, development, snapOrigin }) {
  const snap = snapOrigin ? [snapOrigin] : [];
  const directives = {
    'default-src': ["'self'"],
    // Remix's own inline scripts carry the nonce; the modules they import are ours ('self').
    'script-src': ["'self'", `'nonce-${nonce}'`, ...snap],
    // React sets no inline styles here; the Vite build ships CSS files. Development's HMR injects style tags.
    'style-src': ["'self'", ...(development ? ["'unsafe-inline'"] : [])],
    // The 2FA QR code is an inline SVG; the favicon and icons are files.
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(development ? ['ws:'] : [])],
    'frame-src': snap.length > 0 ? snap : ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'", ...snap],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/**
 * CSP_REPORT_ONLY, read as the API reads its booleans (`true`/`1`/`yes`, `false`/`0`/`no`, unset: false); anything
 * else is a mistake the operator must hear of, not a silent enforcing policy.
 * @param {string | undefined} value
 * @returns {boolean}
 */
export function parseReportOnly(value) {
  if (value === undefined || value === '') return false;
  if (['true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no'].includes(value)) return false;
  throw new Error(`CSP_REPORT_ONLY must be true or false, got "${value}".`);
}

/**
 * Express middleware: a fresh nonce per response (res.locals.cspNonce, handed to Remix through its load
 * context), the CSP and the other headers, HSTS when the portal is served over https, and no caching of pages
 * (they carry a reader's data); the hashed assets keep their own long cache headers.
 *
 * `reportOnly` (CSP_REPORT_ONLY, for a first production top-up): the same policy as
 * `Content-Security-Policy-Report-Only`, so a Snap resource it would block is reported in the browser's console
 * and the payment still goes through; X-Frame-Options keeps framing refused meanwhile.
 * @param {{ development: boolean, https: boolean, snapOrigin?: string, reportOnly?: boolean }} options
 */
export function securityHeaders({ development, https, snapOrigin, reportOnly = false }) {
  const policyHeader = reportOnly ? 'Content-Security-Policy-Report-Only' : 'Content-Security-Policy';
  /** @param {import('express').Request} req @param {import('express').Response} res @param {() => void} next */
  return (req, res, next) => {
    const nonce = randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    res.setHeader(policyHeader, contentSecurityPolicy({ nonce, development, snapOrigin }));
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader(
      'Permissions-Policy',
      'camera=(), microphone=(), geolocation=(), usb=(), serial=(), bluetooth=(), interest-cohort=()',
    );
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (!req.path.startsWith('/assets/')) res.setHeader('Cache-Control', 'no-store');
    next();
  };
}
