import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudApiMessenger, type TemplateMessage } from './messenger';

/**
 * The zombie guard at the wire (issue 19 point 3): a process frozen right after it handed a request to fetch
 * (SIGSTOP, a long pause: here the event loop blocked, which is what a frozen process's own code sees) must
 * not write that request once it resumes if its lease went stale meanwhile; the server never receives it.
 */
describe('CloudApiMessenger', () => {
  let server: Server;
  let url: string;
  /** Requests whose body arrived whole: what a server could act on. */
  let complete = 0;
  /** Requests the server saw at all (their headers). */
  let seen = 0;
  let answer: 'accept' | 'hang' = 'accept';

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen += 1;
      request.resume();
      request.on('end', () => {
        complete += 1;
        if (answer === 'hang') return;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ messaging_product: 'whatsapp', messages: [{ id: 'wamid.TEST' }] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    complete = 0;
    seen = 0;
    answer = 'accept';
  });

  const message: TemplateMessage = {
    to: '6281234567890',
    template: { name: 'promo', language: 'id', components: [] },
    callbackData: '00000000-0000-4000-8000-000000000001',
  };
  const messenger = (timeoutMs = 2000) => new CloudApiMessenger({ baseUrl: url, apiVersion: 'v23.0', timeoutMs });

  /** The process "freezes" for `ms` right after the call: nothing of it runs, but monotonic time goes on. */
  function freeze(ms: number) {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      // busy: no timer, no socket event, no promise of this process runs meanwhile
    }
  }

  /** A lease renewed now with this freshness window, checked against monotonic time like the dispatcher's. */
  function lease(freshForMs: number) {
    const renewedAt = performance.now();
    return () => performance.now() - renewedAt < freshForMs;
  }

  it('writes nothing when the lease went stale between the call and the write: not-sent, nothing received', async () => {
    const sending = messenger().send('token', '1065', message, lease(300));
    freeze(600);
    await expect(sending).resolves.toEqual({ kind: 'not-sent', reason: 'lease stale' });
    // Give a written request every chance to arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(complete).toBe(0);
    expect(seen).toBe(0);
  });

  it('still writes after the same freeze while the lease is fresh (the freeze alone stops nothing)', async () => {
    const sending = messenger().send('token', '1065', message, lease(60_000));
    freeze(600);
    await expect(sending).resolves.toEqual({ kind: 'accepted', wamid: 'wamid.TEST', messageStatus: 'accepted' });
    expect(complete).toBe(1);
  });

  it('says unknown, never not-sent, when the request was written and no answer came in time', async () => {
    answer = 'hang';
    const outcome = await messenger(300).send('token', '1065', message, lease(60_000));
    expect(outcome.kind).toBe('unknown');
    expect(complete).toBe(1);
  });

  it('says not-sent when the connection was refused before anything was written', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = new CloudApiMessenger({
      baseUrl: `http://127.0.0.1:${port}`,
      apiVersion: 'v23.0',
      timeoutMs: 2000,
    });
    await expect(refused.send('token', '1065', message)).resolves.toMatchObject({ kind: 'not-sent' });
  });
});
