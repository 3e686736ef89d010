import { z } from 'zod';
import { snapOrigin, snapScriptUrl } from '../../midtrans-snap.js';
import type { PublicEnv } from './public-env';

// The only module of the app that reads process.env (server.js reads the same variables for the HTTP server).
// The Epic Stack's env.server.ts: validated once at boot (entry.server.tsx), typed, and split into what the
// server uses and the little the browser may see (`getPublicEnv`).
const schema = z.object({
  API_INTERNAL_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3001'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  // Midtrans Snap for the top-up popup: the API's variables, handed to this process too. The client key is public
  // by design (Midtrans puts it in the page); the server key never comes here.
  MIDTRANS_ENV: z.enum(['sandbox', 'production']).default('sandbox'),
  MIDTRANS_CLIENT_KEY: z.string().min(8).optional(),
  MIDTRANS_SNAP_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
});

export interface Env {
  API_INTERNAL_URL: string;
  /**
   * Cookies carry `Secure` when the portal is served over https: decided by PUBLIC_URL when
   * it is set (the embedded start sets its own http address, so a LAN demo keeps working),
   * else by NODE_ENV=production (behind nginx with TLS).
   */
  SECURE_COOKIES: boolean;
  MODE: 'development' | 'production' | 'test';
  /** Where readers reach this installation (`https://portal.example.com`), when configured. */
  PUBLIC_URL?: string;
  /** snap.js for the top-up popup, and the client key it is loaded with; null without a client key (redirect only). */
  SNAP: { scriptUrl: string; clientKey: string } | null;
}

/** The dashboard's environment from `source`, or an error that names every variable that is wrong and why. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse({
    API_INTERNAL_URL: source.API_INTERNAL_URL || undefined,
    NODE_ENV: source.NODE_ENV || undefined,
    PUBLIC_URL: source.PUBLIC_URL || undefined,
    MIDTRANS_ENV: source.MIDTRANS_ENV || undefined,
    MIDTRANS_CLIENT_KEY: source.MIDTRANS_CLIENT_KEY || undefined,
    MIDTRANS_SNAP_BASE_URL: source.MIDTRANS_SNAP_BASE_URL || undefined,
  });
  if (!parsed.success) {
    throw new Error(`Invalid dashboard environment:\n${z.prettifyError(parsed.error)}`);
  }
  return {
    API_INTERNAL_URL: parsed.data.API_INTERNAL_URL.replace(/\/+$/, ''),
    SECURE_COOKIES: parsed.data.PUBLIC_URL
      ? parsed.data.PUBLIC_URL.startsWith('https://')
      : parsed.data.NODE_ENV === 'production',
    MODE: parsed.data.NODE_ENV,
    ...(parsed.data.PUBLIC_URL ? { PUBLIC_URL: parsed.data.PUBLIC_URL.replace(/\/+$/, '') } : {}),
    SNAP: parsed.data.MIDTRANS_CLIENT_KEY
      ? { scriptUrl: snapScriptUrl(snapOrigin(parsed.data)), clientKey: parsed.data.MIDTRANS_CLIENT_KEY }
      : null,
  };
}

let cached: Env | undefined;

/** The server's environment, parsed on first use; `entry.server.tsx` calls it at boot so a bad value stops the start. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * Everything the browser is allowed to know about the environment, and nothing else: the root loader sends it
 * and the document puts it on `window.ENV` (read with `usePublicEnv()` or `publicEnv()`). Never a secret; the
 * Midtrans client key and Snap URL join it with the wallet.
 */
export function getPublicEnv(): PublicEnv {
  const { MODE, SNAP } = getEnv();
  return SNAP ? { MODE, SNAP_JS_URL: SNAP.scriptUrl, MIDTRANS_CLIENT_KEY: SNAP.clientKey } : { MODE };
}
