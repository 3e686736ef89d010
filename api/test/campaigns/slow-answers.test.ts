import { waitFor } from '../support/wait';
import { startWorkerHarness, type WorkerHarness } from './workers';

const RECIPIENTS = 300;

/**
 * Meta answering slowly (1.5 s a request, within the send timeout) on a standard channel (80 msg/s): more messages
 * wait for their answers than the loop lets wait (a second of throughput), so it waits for answers before claiming
 * again. The wait was a `Promise.race` with an already-resolved "next claim due" promise: a loop of microtasks that
 * never let the answers in (no I/O runs between microtasks), so the worker stopped dead, its heap grew with every
 * turn (one reaction more on each pending batch), and it died out of memory (CI, stop 29: snapshot-crash.test.ts).
 */
describe('a worker whose requests Meta answers slowly', () => {
  let harness: WorkerHarness;

  beforeAll(async () => {
    harness = await startWorkerHarness('postgresql', 9);
    harness.world.meta.simulator.sends.configure({ latencyMs: 1500 });
  });
  afterAll(() => harness.stop());

  it('keeps sending while more answers are outstanding than it claims ahead, and completes the campaign once', async () => {
    const { world, launch, checkExactlyOnce, diagnose } = harness;
    const { id, prefix } = await launch(RECIPIENTS);
    const worker = harness.startWorker({ CAMPAIGN_SEND_TIMEOUT_MS: '5000' });
    await waitFor(
      async () =>
        (await world.sql<{ status: string }>('select status from campaign where id = ?', [id]))[0]!.status ===
        'COMPLETED',
      { timeoutMs: 60_000, what: 'the campaign completed' },
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}\n${await diagnose(id)}\n${worker.output().slice(-2000)}`);
    });
    worker.child.kill('SIGTERM');
    await worker.exited;
    await checkExactlyOnce(id, prefix);
  }, 120_000);
});
