// @ts-check
// Where Midtrans Snap lives for this installation, in one place: the CSP (server.js, security-headers.js) allows
// exactly this origin, and the wallet page loads snap.js from it (env.server.ts, getPublicEnv). Plain ESM so
// server.js uses it without a build.

const SNAP_SANDBOX = 'https://app.sandbox.midtrans.com';
const SNAP_PRODUCTION = 'https://app.midtrans.com';

/**
 * Snap's origin: production or sandbox by MIDTRANS_ENV (the API's variable), or MIDTRANS_SNAP_BASE_URL when set
 * (the simulator, in the demo and the tests). GATEWAYS.md 2.2: snap.js is `<origin>/snap/snap.js`.
 * @param {Record<string, string | undefined>} source
 * @returns {string}
 */
export function snapOrigin(source) {
  if (source.MIDTRANS_SNAP_BASE_URL) return new URL(source.MIDTRANS_SNAP_BASE_URL).origin;
  return source.MIDTRANS_ENV === 'production' ? SNAP_PRODUCTION : SNAP_SANDBOX;
}

/** @param {string} origin */
export function snapScriptUrl(origin) {
  return `${origin}/snap/snap.js`;
}
