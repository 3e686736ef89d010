import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteLoaderData } from '@remix-run/react';
import { useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ErrorPage } from './components/error-page';
import { Toaster } from './components/ui/toast';
import { catalogueUrls } from './i18n-catalogues';
import stylesheet from './styles/app.css?url';
import { defaultLanguage } from './utils/language';
import { getPublicEnv } from './utils/env.server';
import { getLanguage } from './utils/language.server';
import { getToast } from './utils/toast.server';
import { useNonce } from './utils/nonce';
import { useReaderI18n } from './utils/use-reader-i18n';
import { publicEnvScript } from './utils/public-env';
import { titleKeyOf } from './utils/route-handle';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // The toast an action left for this page (post/redirect/get), read once: the same response deletes it.
  const { toast, headers } = await getToast(request);
  return data({ lng: getLanguage(request), toast, ENV: getPublicEnv() }, headers ? { headers } : undefined);
}

// The same URL renders in English or Indonesian depending on these request headers.
export const headers: HeadersFunction = () => ({ Vary: 'Cookie, Accept-Language' });

/** The document around both the app and the error page, so errors are shown in the reader's language too. */
export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>('root');
  const lng = rootData?.lng ?? defaultLanguage;
  const i18n = useReaderI18n(lng);
  // The language the document was served in: its preload matters only to the first load, so a later switch
  // leaves the tag alone rather than have the browser fetch the new language a second time.
  const [servedLng] = useState(lng);
  const matches = useMatches();
  const titleKey = matches.map((match) => titleKeyOf(match.handle)).findLast(Boolean);
  const productName = i18n.t('common.productName');
  const nonce = useNonce();

  return (
    <html lang={i18n.language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* The page's strings, fetched by entry.client before it hydrates: start with the document, not after the
            scripts. `crossOrigin` matches fetch()'s same-origin credentials mode, so the preload is reused. */}
        <link rel="preload" href={catalogueUrls[servedLng]} as="fetch" crossOrigin="anonymous" />
        <meta name="color-scheme" content="light" />
        <title>{titleKey ? `${i18n.t(titleKey)} · ${productName}` : productName}</title>
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          {children}
          <Toaster toast={rootData?.toast ?? null} />
        </I18nextProvider>
        {rootData?.ENV ? (
          <script nonce={nonce} dangerouslySetInnerHTML={{ __html: publicEnvScript(rootData.ENV) }} />
        ) : null}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

// Pages get their data from loaders (`gql` in utils/graphql.server.ts, urql's core client on the server).
export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
