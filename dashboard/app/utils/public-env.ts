import { useRouteLoaderData } from '@remix-run/react';

/** What the browser knows about the environment (see `getPublicEnv` in env.server.ts). */
export interface PublicEnv {
  MODE: 'development' | 'production' | 'test';
  /** Midtrans Snap's script and the (public) client key it is loaded with; absent when top-ups only redirect. */
  SNAP_JS_URL?: string;
  MIDTRANS_CLIENT_KEY?: string;
}

declare global {
  interface Window {
    ENV: PublicEnv;
  }
}

/** For components: the public environment the root loader sent. */
export function usePublicEnv(): PublicEnv | undefined {
  return useRouteLoaderData<{ ENV: PublicEnv }>('root')?.ENV;
}

/**
 * The inline script that puts it on `window.ENV` for code outside React (a payment widget's loader, say). `<` is
 * escaped so no value can close the script element.
 */
export function publicEnvScript(env: PublicEnv): string {
  return `window.ENV = ${JSON.stringify(env).replace(/</g, '\\u003c')};`;
}
