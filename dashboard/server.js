// @ts-check
// The dashboard's HTTP server: the built Remix app, its static assets, /healthz, and (for installs without nginx)
// the /backend-api proxy to the API. Plain ESM JavaScript so production runs `node server.js` with no build step
// of its own. Besides app/utils/env.server.ts, the only place that reads the environment.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import compression from 'compression';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { snapOrigin } from './midtrans-snap.js';
import { parseReportOnly, securityHeaders } from './security-headers.js';

// `npm start` means production (React's production build, no stack traces in pages) unless told otherwise.
// Set before the server build is imported, which is when React reads it.
process.env.NODE_ENV ||= 'production';
const DEVELOPMENT = process.env.NODE_ENV === 'development';
const HOST = process.env.DASHBOARD_HOST || '127.0.0.1';
const PORT = parsePort(process.env.DASHBOARD_PORT || '3000');
const API_INTERNAL_URL = (process.env.API_INTERNAL_URL || 'http://127.0.0.1:3001').replace(/\/+$/, '');
const SHUTDOWN_GRACE_MS = 10_000;
const HTTPS = (process.env.PUBLIC_URL || '').startsWith('https://');
const CSP_REPORT_ONLY = (() => {
  try {
    return parseReportOnly(process.env.CSP_REPORT_ONLY);
  } catch (error) {
    return fatal(/** @type {Error} */ (error).message);
  }
})();

const buildDir = fileURLToPath(new URL('./build/', import.meta.url));

function parsePort(/** @type {string} */ value) {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fatal(`DASHBOARD_PORT must be a port number, got "${value}".`);
  }
  return port;
}

/** @param {string} message @returns {never} */
function fatal(message) {
  console.error(`dashboard: ${message}`);
  process.exit(1);
}

/** What Remix's loaders and entry.server receive: the response's CSP nonce. @param {unknown} _req @param {import('express').Response} res */
function getLoadContext(_req, res) {
  return { cspNonce: String(res.locals.cspNonce ?? '') };
}

async function loadRemixHandler() {
  if (DEVELOPMENT) {
    // Development: Vite compiles on request and hot-reloads; `npm run dev -w dashboard`.
    const vite = await import('vite');
    const viteServer = await vite.createServer({
      root: fileURLToPath(new URL('.', import.meta.url)),
      server: { middlewareMode: true },
    });
    return {
      assets: viteServer.middlewares,
      handler: createRequestHandler({
        build: () =>
          /** @type {Promise<import('@remix-run/node').ServerBuild>} */ (
            viteServer.ssrLoadModule('virtual:remix/server-build')
          ),
        mode: 'development',
        getLoadContext,
      }),
    };
  }
  const serverBuild = `${buildDir}server/index.js`;
  if (!existsSync(serverBuild)) fatal(`${serverBuild} is missing: run \`npm run build -w dashboard\` first.`);
  const assets = express.Router();
  // Vite puts a content hash in every file name under /assets, so browsers may keep them forever.
  assets.use('/assets', express.static(`${buildDir}client/assets`, { immutable: true, maxAge: '1y' }));
  assets.use(express.static(`${buildDir}client`, { maxAge: '1h' }));
  let build;
  try {
    build = await import(serverBuild);
  } catch (error) {
    // The build validates its environment as it loads (app/utils/env.server.ts): say what is wrong, no stack.
    fatal(error instanceof Error ? error.message : String(error));
  }
  return { assets, handler: createRequestHandler({ build, mode: 'production', getLoadContext }) };
}

const app = express();
app.disable('x-powered-by');
app.use(
  securityHeaders({
    development: DEVELOPMENT,
    https: HTTPS,
    snapOrigin: snapOrigin({ ...process.env }),
    reportOnly: CSP_REPORT_ONLY,
  }),
);

app.get('/healthz', (_req, res) => {
  res.type('text/plain').send('ok');
});

// In production nginx routes /backend-api/ to the API before a request reaches us; this serves the same route
// when the dashboard runs alone (npm start, development, tests). Mounted before any body parser: it streams bodies.
app.use(
  '/backend-api',
  createProxyMiddleware({
    target: `${API_INTERNAL_URL}/api`,
    xfwd: true,
    on: {
      error(error, _req, res) {
        console.error(`dashboard: proxy to ${API_INTERNAL_URL} failed: ${error.message}`);
        if (!('writeHead' in res) || res.headersSent) return void res.end();
        res.writeHead(502, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ errors: [{ message: 'API unavailable', extensions: { code: 'API_UNAVAILABLE' } }] }));
      },
    },
  }),
);

// Meta's webhooks and Midtrans's payment notifications, for installs without nginx (which routes these two to the
// API itself): the embedded start tells Midtrans and Meta this server's address (PUBLIC_URL). Bodies are streamed
// byte for byte, since both are signed over the raw body.
app.use(
  createProxyMiddleware({
    target: API_INTERNAL_URL,
    pathFilter: ['/api/webhooks/', '/api/wallet/midtrans/'],
    xfwd: true,
    on: {
      error(error, _req, res) {
        console.error(`dashboard: proxy to ${API_INTERNAL_URL} failed: ${error.message}`);
        if (!('writeHead' in res) || res.headersSent) return void res.end();
        res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('API unavailable');
      },
    },
  }),
);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A cross-site form post ends here with 403. Every action also runs the same check (app/utils/csrf.server.ts),
 * but Remix's own origin check would answer page routes with a 500 and a logged stack trace before ours runs.
 * @param {import('express').Request} req @param {import('express').Response} res @param {() => void} next
 */
function rejectCrossSite(req, res, next) {
  const origin = req.get('origin');
  if (SAFE_METHODS.has(req.method) || origin === undefined) return next();
  let originHost;
  try {
    originHost = origin === 'null' ? undefined : new URL(origin).host;
  } catch {
    originHost = undefined;
  }
  if (originHost !== undefined && originHost === req.get('host')) return next();
  res.status(403).type('text/plain').send('403 Forbidden: cross-site request');
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Leaves exactly one address in X-Forwarded-For for the app to pass on to the API (login throttling, audit log,
 * session list): the last hop nginx added when the request came through it on loopback, otherwise the peer
 * itself. Whatever a browser wrote into the header is never trusted on its own.
 * @param {import('express').Request} req @param {import('express').Response} _res @param {() => void} next
 */
function rewriteClientAddress(req, _res, next) {
  const peer = req.socket.remoteAddress ?? '';
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  const client = LOOPBACK.has(peer) && forwarded.length > 0 ? forwarded.at(-1) : peer;
  if (client) req.headers['x-forwarded-for'] = client;
  else delete req.headers['x-forwarded-for'];
  next();
}

// Pages, scripts and styles leave compressed: brotli when the browser offers it (the middleware's quality 4, not
// brotli's 11, which costs tens of milliseconds on every rendered page), else gzip. A settings page was 471 KB as is.
// Mounted after the /backend-api proxy, so the API's answers pass through as the API sent them; nginx passes
// compressed bodies on untouched (`gzip_proxied any` only compresses what is not compressed yet).
// (Its typings resolve the workspace's hoisted express 5 types; the middleware itself is the same for express 4.)
app.use(/** @type {import('express').RequestHandler} */ (/** @type {unknown} */ (compression())));

const { assets, handler } = await loadRemixHandler();
app.use(assets);
app.all('*', rejectCrossSite, rewriteClientAddress, handler);

const server = app.listen(PORT, HOST, () => {
  console.log(`dashboard: listening on http://${HOST}:${PORT} (API at ${API_INTERNAL_URL})`);
});

server.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
  if (error.code === 'EADDRINUSE')
    fatal(`port ${PORT} on ${HOST} is already in use; set DASHBOARD_PORT to a free port.`);
  if (error.code === 'EACCES')
    fatal(`no permission to listen on ${HOST}:${PORT}; set DASHBOARD_PORT to a port above 1023.`);
  fatal(`cannot listen on ${HOST}:${PORT}: ${error.message}`);
});

function shutdown(/** @type {string} */ signal) {
  console.log(`dashboard: ${signal} received, closing`);
  // Finish the requests in flight, drop idle keep-alive sockets now, and any stragglers after the grace period.
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, SHUTDOWN_GRACE_MS).unref();
}

process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));

// Started by the embedded launcher (`npm start`) with an IPC channel: when the launcher dies,
// even by kill -9, the channel closes and the dashboard exits instead of holding the port.
if (process.send) process.once('disconnect', () => shutdown('launcher gone'));
