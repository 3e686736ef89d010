import type { Server } from 'node:net';

/**
 * Starts listening, or fails with one clear line naming the variable that sets the port
 * (`API_PORT 3001 on 127.0.0.1 is already in use: ...`) instead of Node's bare EADDRINUSE.
 */
export function listenOn(server: Server, host: string, port: number, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`${variable} ${port} on ${host} is already in use: stop what uses it or set ${variable}`)
          : error,
      );
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
