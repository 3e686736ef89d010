import { z } from 'zod';

// The only module of the app that reads process.env (server.js reads the same variables for the HTTP server).
const schema = z.object({
  API_INTERNAL_URL: z.url().default('http://127.0.0.1:3001'),
  NODE_ENV: z.string().default('development'),
  PUBLIC_URL: z.url().optional(),
});

export interface Env {
  API_INTERNAL_URL: string;
  /**
   * Cookies carry `Secure` when the portal is served over https: decided by PUBLIC_URL when
   * it is set (the embedded start sets its own http address, so a LAN demo keeps working),
   * else by NODE_ENV=production (behind nginx with TLS).
   */
  SECURE_COOKIES: boolean;
}

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    const parsed = schema.safeParse({
      API_INTERNAL_URL: process.env.API_INTERNAL_URL || undefined,
      NODE_ENV: process.env.NODE_ENV || undefined,
      PUBLIC_URL: process.env.PUBLIC_URL || undefined,
    });
    if (!parsed.success) {
      throw new Error(`Invalid dashboard environment: ${z.prettifyError(parsed.error)}`);
    }
    cached = {
      API_INTERNAL_URL: parsed.data.API_INTERNAL_URL.replace(/\/+$/, ''),
      SECURE_COOKIES: parsed.data.PUBLIC_URL
        ? parsed.data.PUBLIC_URL.startsWith('https://')
        : parsed.data.NODE_ENV === 'production',
    };
  }
  return cached;
}
