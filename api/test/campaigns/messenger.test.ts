import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudApiMessenger } from '../../src/modules/campaigns/dispatch/messenger';
import { freePort } from '../../bench/support';

/**
 * What the dispatcher learns from one send over the wire (issue 19 point 4): only a request that cannot have left
 * may be sent again; a timeout, a reset after the request was written or an answer that is not Meta's is UNKNOWN.
 * Against a local HTTP server playing each case.
 */
type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

async function serve(handler: Handler): Promise<{ url: string; server: Server; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      bodies.push(body);
      handler(request, response, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, bodies };
}

const MESSAGE = {
  to: '6281234567890',
  template: { name: 'promo', language: 'id', components: [] },
  callbackData: 'cm-1',
};

describe('the Cloud API messenger', () => {
  const servers: Server[] = [];
  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  async function messengerFor(handler: Handler, timeoutMs = 2000) {
    const served = await serve(handler);
    servers.push(served.server);
    return { messenger: new CloudApiMessenger({ baseUrl: served.url, apiVersion: 'v25.0', timeoutMs }), ...served };
  }

  it('posts the template with the token in the Authorization header and reads the wamid', async () => {
    let seen: IncomingMessage | undefined;
    const { messenger, bodies } = await messengerFor((request, response) => {
      seen = request;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ messages: [{ id: 'wamid.ABC', message_status: 'accepted' }] }));
    });
    const outcome = await messenger.send('secret-token', '1065', MESSAGE);
    expect(outcome).toEqual({ kind: 'accepted', wamid: 'wamid.ABC', messageStatus: 'accepted' });
    expect(seen?.url).toBe('/v25.0/1065/messages');
    expect(seen?.headers.authorization).toBe('Bearer secret-token');
    expect(JSON.parse(bodies[0]!)).toMatchObject({ to: '6281234567890', biz_opaque_callback_data: 'cm-1' });
  });

  it('reports a Graph error body as a definite rejection by its code, whatever the HTTP status', async () => {
    const { messenger } = await messengerFor((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 131026, error_subcode: 2494010, message: 'undeliverable' } }));
    });
    expect(await messenger.send('t', '1065', MESSAGE)).toEqual({ kind: 'rejected', code: 131026, subcode: 2494010 });
  });

  it('calls a 5xx without a Graph body unknown', async () => {
    const { messenger } = await messengerFor((_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html>bad gateway</html>');
    });
    expect((await messenger.send('t', '1065', MESSAGE)).kind).toBe('unknown');
  });

  it('calls a connection reset after the request was written unknown', async () => {
    const { messenger, bodies } = await messengerFor((request) => request.socket.destroy());
    expect((await messenger.send('t', '1065', MESSAGE)).kind).toBe('unknown');
    expect(bodies).toHaveLength(1);
  });

  it('calls an answer that never comes unknown after the timeout', async () => {
    const { messenger } = await messengerFor(() => undefined, 300);
    expect(await messenger.send('t', '1065', MESSAGE)).toMatchObject({ kind: 'unknown' });
  });

  it('calls a refused connection not sent: the request never left', async () => {
    const port = await freePort();
    const messenger = new CloudApiMessenger({
      baseUrl: `http://127.0.0.1:${port}`,
      apiVersion: 'v25.0',
      timeoutMs: 2000,
    });
    expect(await messenger.send('t', '1065', MESSAGE)).toEqual({ kind: 'not-sent', reason: 'ECONNREFUSED' });
  });

  it('sends many at once on kept-alive connections, each with its own answer', async () => {
    // A generous timeout: 300 connections opened at once on a loaded CI machine are slow, and this is not about time.
    const { messenger } = await messengerFor((_request, response, body) => {
      const { biz_opaque_callback_data: id } = JSON.parse(body) as { biz_opaque_callback_data: string };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ messages: [{ id: `wamid.${id}` }] }));
    }, 30_000);
    const outcomes = await Promise.all(
      Array.from({ length: 300 }, (_, index) =>
        messenger.send('t', '1065', { ...MESSAGE, callbackData: `cm-${index}` }),
      ),
    );
    expect(outcomes.map((outcome) => (outcome.kind === 'accepted' ? outcome.wamid : outcome.kind))).toEqual(
      Array.from({ length: 300 }, (_, index) => `wamid.cm-${index}`),
    );
  });

  it('never holds a request back behind a socket cap until its timeout (it would end unknown, never sent)', async () => {
    // Every channel's loop bounds its own sends in flight; four channels once shared one cap and waited it out.
    // With a cap of 4 the last of 120 answers (250 ms each) would come after 7.5 s, well past the 3 s timeout.
    const { url, server } = await serve((_request, response) => {
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ messages: [{ id: 'wamid.slow' }] }));
      }, 250);
    });
    servers.push(server);
    const messenger = new CloudApiMessenger({ baseUrl: url, apiVersion: 'v25.0', timeoutMs: 3000, maxIdleSockets: 4 });
    const outcomes = await Promise.all(Array.from({ length: 120 }, () => messenger.send('t', '1065', MESSAGE)));
    expect(outcomes.filter((outcome) => outcome.kind !== 'accepted')).toEqual([]);
  });
});
