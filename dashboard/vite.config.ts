import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';

/**
 * The dashboard's own modules that every signed-in page loads (the shell, the UI kit, formatting, the language
 * files' loader) go out as one chunk instead of ~25 of 1-3 KB each: over HTTP/1.1 (the dashboard server, six
 * connections) every extra file costs a phone another round trip before the page can hydrate. Route modules keep
 * their own chunks, and anything that needs zod (form validation) stays with the routes that import it.
 */
const SHARED_APP_MODULES =
  /\/app\/(components\/(ui|shell)\/|components\/error-page|components\/notifications\/notification-bell|components\/search\/search-dialog|i18n(-catalogues)?\.ts|utils\/(?!forms|credential-schemas|permission-schema)[\w-]+\.tsx?$)/;

function sharedChunk(id: string): string | undefined {
  if (id.includes('node_modules') || id.includes('.server.') || id.includes('?')) return undefined;
  return SHARED_APP_MODULES.test(id) ? 'app-shell' : undefined;
}

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  build: isSsrBuild ? {} : { rollupOptions: { output: { manualChunks: sharedChunk } } },
  plugins: [
    remix({
      // Remix 2 opt-ins that are the defaults of its successor (React Router 7), so upgrading later is a no-op.
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
      },
    }),
  ],
}));
