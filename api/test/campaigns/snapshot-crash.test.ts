import { JOB_STORES } from '../support/job-stores';
import { waitFor } from '../support/wait';
import { PRICE, START } from './support';
import { startWorkerHarness, type WorkerHarness } from './workers';

/**
 * A worker killed (SIGKILL) while it writes a launch snapshot (snapshot.service.ts: startCampaign writes the first
 * 2,000 recipients, the channel's dispatch loop the rest, 10,000 a transaction): the chunk under way is lost whole,
 * the cursor stays where the last committed chunk left it, and the next worker completes the snapshot with every
 * recipient once and the one hold the launch placed.
 */
const RECIPIENTS = 50_000;
const FIRST_CHUNK = 2_000;
const CHUNK = 10_000;

describe.each(JOB_STORES)('a worker killed mid-snapshot, jobs on %s', (kind) => {
  let harness: WorkerHarness;

  beforeAll(async () => {
    harness = await startWorkerHarness(kind, 7);
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('completes the snapshot after a restart: each contact once, total and hold as counted at launch', async () => {
    const { world, startWorker } = harness;
    const tag = `snapshot-crash-${kind}`;
    const prefix = `6287${kind === 'mongodb' ? 2 : 3}`;
    await world.seedTagged(tag, RECIPIENTS, prefix);
    await world.fund(BigInt(RECIPIENTS) * PRICE);
    const id = await world.draftForTag(tag);
    expect((await world.gql(START, { id })).errors).toBeUndefined();
    const snapshot = async () =>
      (
        await world.sql<{ total: number; inserted: number; complete: boolean }>(
          'select total, inserted, complete from campaign_snapshot where campaign_id = ?',
          [id],
        )
      )[0]!;
    const rows = async () =>
      (
        await world.sql<{ rows: number; contacts: number }>(
          'select count(*)::int as rows, count(distinct contact_id)::int as contacts from campaign_message where campaign_id = ?',
          [id],
        )
      )[0]!;
    expect(await snapshot()).toEqual({ total: RECIPIENTS, inserted: FIRST_CHUNK, complete: false });

    let worker = startWorker();
    // Killed once the loop has written at least one chunk of its own and before it has written them all.
    await waitFor(async () => (await snapshot()).inserted > FIRST_CHUNK, {
      timeoutMs: 120_000,
      intervalMs: 20,
      what: 'the worker writing the snapshot',
    });
    worker.child.kill('SIGKILL');
    await worker.exited;
    const killed = await snapshot();
    expect(killed.complete).toBe(false);
    // Whole chunks only: the one under way at the kill rolled back with its cursor.
    expect((killed.inserted - FIRST_CHUNK) % CHUNK).toBe(0);
    expect(await rows()).toEqual({ rows: killed.inserted, contacts: killed.inserted });

    worker = startWorker();
    await waitFor(async () => (await snapshot()).complete, {
      timeoutMs: 120_000,
      intervalMs: 100,
      what: 'the restarted worker completing the snapshot',
    }).catch((error: Error) => {
      throw new Error(`${error.message}\n${worker.output().slice(-3000)}`);
    });
    // A drained stop: what is in flight is recorded, nothing is left SENDING.
    worker.child.kill('SIGTERM');
    await worker.exited;

    expect(await snapshot()).toEqual({ total: RECIPIENTS, inserted: RECIPIENTS, complete: true });
    expect(await rows()).toEqual({ rows: RECIPIENTS, contacts: RECIPIENTS });
    const [{ contacts }] = (await world.sql<{ contacts: number }>(
      `select count(*)::int as contacts from contact where workspace_id = ? and phone like ?`,
      [world.workspaceId, `+${prefix}%`],
    )) as [{ contacts: number }];
    expect(contacts).toBe(RECIPIENTS);
    // One hold, of every recipient counted; what it still holds is the share of every message not settled yet.
    const holds = await world.sql<{ held_delta: string }>(
      `select held_delta::text as held_delta from ledger_entry where reference = ? and kind = 'HOLD'`,
      [`campaign:${id}`],
    );
    expect(holds).toEqual([{ held_delta: (BigInt(RECIPIENTS) * PRICE).toString() }]);
    const [open] = await world.sql<{ open: number; charged: string }>(
      `select count(*) filter (where status in ('QUEUED', 'SENDING') or (status = 'UNKNOWN' and unknown_deadline is not null))::int as open,
              coalesce(sum(charged), 0)::text as charged
       from campaign_message where campaign_id = ?`,
      [id],
    );
    const wallet = world.api.running.services.wallet.wallet;
    const summary = await wallet.summary(world.em(), world.workspaceId);
    expect(summary.held).toBe(BigInt(open!.open) * PRICE);
    expect(summary.balance).toBe(BigInt(RECIPIENTS) * PRICE - BigInt(open!.charged));
    expect((await wallet.ledgerSums(world.em(), world.workspaceId)).balance).toBe(summary.balance);
    // Never a recipient sent twice.
    const mine = [...world.meta.simulator.sends.ledger.acceptedByRecipient].filter(([phone]) =>
      phone.startsWith(prefix),
    );
    expect(mine.filter(([, times]) => times > 1)).toEqual([]);
  }, 400_000);
});
