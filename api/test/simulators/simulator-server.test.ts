import { connect } from 'node:net';
import { startSimulator, type SimulatorHandle } from '../../src/simulators/simulator-server';

/**
 * A simulator must never close an idle keep-alive connection before its client does: fetch
 * reuses an idle socket for up to 4 s, and a server closing it at Node's default 5 s races the
 * next request into ECONNRESET (seen in CI on a loaded machine).
 */
describe('the simulator server', () => {
  let sim: SimulatorHandle;
  beforeAll(async () => {
    sim = await startSimulator('probe', 0, false, () => undefined);
  });
  afterAll(() => sim.close());

  it('keeps an idle keep-alive connection open longer than Node’s default 5 s', async () => {
    const { port } = new URL(sim.url);
    const socket = connect(Number(port), '127.0.0.1');
    let closedAt: number | null = null;
    const answered = new Promise<void>((resolve) => socket.once('data', () => resolve()));
    socket.on('end', () => (closedAt = Date.now()));
    socket.write('GET /__simulator HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    await answered;
    const idleSince = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 6000));
    socket.destroy();
    expect(closedAt === null ? 'still open' : `closed after ${closedAt - idleSince} ms`).toBe('still open');
  }, 15_000);
});
