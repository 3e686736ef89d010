import express, { type Express } from 'express';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenOn } from '../core/listen';

/** How long an idle keep-alive connection stays open: longer than any client keeps one. */
export const IDLE_SOCKET_MS = 65_000;

export interface SimulatorHandle {
  name: string;
  url: string;
  close(): Promise<void>;
}

/**
 * Starts one local stand-in for an outside service on 127.0.0.1. The simulators speak the
 * real wire format so the gateway code is the same against them and against production;
 * they refuse to exist in production.
 */
export async function startSimulator(
  name: string,
  port: number,
  isProduction: boolean,
  mount: (app: Express) => void,
  /** Answers the requests it takes (returning true) on node:http, before Express: for hot paths. */
  fastPath?: (request: IncomingMessage, response: ServerResponse) => boolean,
): Promise<SimulatorHandle> {
  if (isProduction) throw new Error(`the ${name} simulator cannot run with NODE_ENV=production`);
  const app = express();
  app.disable('x-powered-by');
  app.get('/__simulator', (_request, response) => {
    response.json({ simulator: name });
  });
  mount(app);
  const server: Server = fastPath
    ? createServer((request, response) => {
        if (!fastPath(request, response)) app(request, response);
      })
    : createServer(app);
  // Node closes an idle keep-alive socket after 5 s, while fetch (undici) may still pick that
  // socket for its next request: the request then fails with ECONNRESET. The client's own idle
  // timeout (4 s) must always win, so the simulator keeps idle sockets far longer.
  server.keepAliveTimeout = IDLE_SOCKET_MS;
  server.headersTimeout = IDLE_SOCKET_MS + 1000;
  await listenOn(server, '127.0.0.1', port, `${name.toUpperCase()}_SIMULATOR_PORT`);
  const address = server.address();
  return {
    name,
    // Port 0 (tests) asks the OS for a free one: report the one it gave.
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
