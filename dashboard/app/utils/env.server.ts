import { z } from 'zod';

// The only module of the app that reads process.env (server.js reads the same variables for the HTTP server).
const schema = z.object({
  API_INTERNAL_URL: z.url().default('http://127.0.0.1:3001'),
  NODE_ENV: z.string().default('development'),
});

export interface Env {
  API_INTERNAL_URL: string;
  /** Cookies carry `Secure` in production (behind nginx with TLS); development and tests run on plain http. */
  SECURE_COOKIES: boolean;
}

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    const parsed = schema.safeParse({
      API_INTERNAL_URL: process.env.API_INTERNAL_URL || undefined,
      NODE_ENV: process.env.NODE_ENV || undefined,
    });
    if (!parsed.success) {
      throw new Error(`Invalid dashboard environment: ${z.prettifyError(parsed.error)}`);
    }
    cached = {
      API_INTERNAL_URL: parsed.data.API_INTERNAL_URL.replace(/\/+$/, ''),
      SECURE_COOKIES: parsed.data.NODE_ENV === 'production',
    };
  }
  return cached;
}
