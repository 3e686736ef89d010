import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** The error code of a request `mayWrite` refused: nothing of it was written. */
export const LEASE_STALE = 'ELEASESTALE';

/** What came back for one POST: an answer (status and body text), or an error and whether the request was written. */
export type GraphReply =
  | { kind: 'answer'; status: number; text: string }
  | { kind: 'error'; code: string | undefined; name: string; written: boolean };

/**
 * POSTs JSON to the Graph API over node:http(s) with a keep-alive pool sized to the dispatcher's in-flight window.
 * Global fetch cost the dispatcher most of its CPU per message (undici's web streams, an AbortSignal and a
 * promise chain per request; measured in docs/BENCHMARKS.md); a plain request keeps what the messenger needs: the
 * status, the body, a total timeout, and whether the request had been written when a failure came.
 */
export class GraphTransport {
  private readonly agent: HttpAgent;
  private readonly request: typeof httpRequest;
  private readonly base: URL;
  private readonly secure: boolean;

  constructor(
    baseUrl: string,
    private readonly options: { timeoutMs: number; maxIdleSockets: number },
  ) {
    this.base = new URL(baseUrl);
    const secure = this.base.protocol === 'https:';
    this.secure = secure;
    // No cap on sockets: each channel's loop bounds its own sends in flight, and a request queued behind a shared
    // cap would wait out its timeout unsent. Idle sockets close after 4 s, before a server's usual 5 s keep-alive
    // ends them: a request written on a socket the server is closing at that moment would end UNKNOWN.
    const agentOptions = {
      keepAlive: true,
      maxFreeSockets: options.maxIdleSockets,
      scheduling: 'lifo' as const,
      timeout: 4_000,
    };
    this.agent = secure ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
    this.request = secure ? httpsRequest : httpRequest;
  }

  /**
   * `mayWrite` is asked at the last moment, once the socket is connected and right before the request's bytes go
   * to it (node:http writes nothing, headers included, before `end`): refused there, the request is destroyed
   * unwritten and answers `{ kind: 'error', code: LEASE_STALE, written: false }`.
   */
  post(
    path: string,
    headers: Record<string, string>,
    body: string,
    mayWrite: () => boolean = () => true,
  ): Promise<GraphReply> {
    return new Promise((resolve) => {
      let settled = false;
      let written = false;
      const finish = (reply: GraphReply) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(reply);
      };
      const payload = Buffer.from(body);
      const request = this.request(
        {
          protocol: this.base.protocol,
          hostname: this.base.hostname,
          port: this.base.port,
          path: `${this.base.pathname.replace(/\/$/, '')}${path}`,
          method: 'POST',
          agent: this.agent,
          headers: { ...headers, 'content-length': String(payload.length) },
        },
        (response: IncomingMessage) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            if (!response.complete) return; // 'aborted' follows: the answer was cut off
            finish({ kind: 'answer', status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
          });
          response.on('aborted', () =>
            finish({ kind: 'error', code: 'ECONNRESET', name: 'AbortError', written: true }),
          );
          response.on('error', (error: NodeJS.ErrnoException) =>
            finish({ kind: 'error', code: error.code, name: error.name, written: true }),
          );
        },
      );
      // A timeout, as fetch's AbortSignal.timeout was: the whole exchange, not an idle socket. One that fires before
      // the connection opened is reported unwritten: the request never left.
      const timer = setTimeout(() => {
        request.destroy(Object.assign(new Error('send timed out'), { code: 'ETIMEDOUT', name: 'TimeoutError' }));
      }, this.options.timeoutMs);
      request.on('error', (error: NodeJS.ErrnoException) =>
        finish({ kind: 'error', code: error.code, name: error.name, written }),
      );
      // The bytes go only to a connected (for https: handshaken) socket, and only if `mayWrite` still agrees then:
      // a process frozen between the call and this moment (SIGSTOP, a long pause) must send nothing once it
      // resumes with a stale lease. From here on the request counts as written.
      request.on('socket', (socket) => {
        const write = () => {
          if (settled) return;
          if (!mayWrite()) {
            request.destroy(Object.assign(new Error('the lease went stale before the write'), { code: LEASE_STALE }));
            return;
          }
          written = true;
          request.end(payload);
        };
        if (socket.connecting) socket.once(this.secure ? 'secureConnect' : 'connect', write);
        else write();
      });
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
