import { z } from 'zod';
import type { PublicEnv } from './public-env';

// The only module of the app that reads process.env (server.js reads the same variables for the HTTP server).
// The Epic Stack's env.server.ts: validated once at boot (entry.server.tsx), typed, and split into what the
// server uses and the little the browser may see (`getPublicEnv`).
const schema = z.object({
  API_INTERNAL_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3001'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
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
}

/** The dashboard's environment from `source`, or an error that names every variable that is wrong and why. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse({
    API_INTERNAL_URL: source.API_INTERNAL_URL || undefined,
    NODE_ENV: source.NODE_ENV || undefined,
    PUBLIC_URL: source.PUBLIC_URL || undefined,
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
  return { MODE: getEnv().MODE };
}
