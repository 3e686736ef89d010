import { rupiah } from '../../src/core/money';
import { startTestApi, type TestApi } from '../support/api';
import { createWorkspace } from '../support/identity';

/**
 * WalletService.creditMany, the credit of a batch of confirmed top-ups, raced on real concurrent
 * connections: batches naming the same workspaces in different orders (a lock-order mistake
 * deadlocks here), replaying each other's keys, while holds and captures run on one of the
 * wallets. Each key is credited once and balance == sum(ledger) in every wallet.
 */
describe('crediting a batch of top-ups', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  it('credits each key once across concurrent batches over shared wallets, with holds and captures racing', async () => {
    const { wallet } = api.running.services.wallet;
    const em = api.running.orm.em.fork();
    const workspaces: string[] = [];
    for (let index = 0; index < 4; index++) workspaces.push((await createWorkspace(em)).id);
    // The first wallet exists and has money to hold; the other three are created by the batch.
    await wallet.credit(em, workspaces[0]!, { key: 'seed', reference: 'seed', actor: 'test', amount: rupiah(100_000) });

    // Key j of workspace w is Rp(1.000 x (j + 1)); batch b names keys b..b+5 of every workspace, workspaces
    // in a rotated order, so each key is in up to six batches.
    const batches = Array.from({ length: 8 }, (_, b) =>
      Array.from({ length: 6 }, (_, offset) => b + offset).flatMap((j) =>
        [0, 1, 2, 3]
          .map((w) => workspaces[(w + b) % 4]!)
          .map((workspaceId) => ({
            workspaceId,
            key: `topup:${workspaceId}:${j}`,
            reference: `order-${j}`,
            actor: 'test',
            amount: rupiah(1_000 * (j + 1)),
          })),
      ),
    );
    const holds = Array.from({ length: 10 }, async (_, index) => {
      const { holdId } = await wallet.hold(api.running.orm.em.fork(), workspaces[0]!, {
        key: `hold:${index}`,
        reference: 'campaign',
        actor: 'test',
        amount: rupiah(500),
      });
      await wallet.capture(api.running.orm.em.fork(), workspaces[0]!, {
        holdId,
        key: `capture:${index}`,
        reference: 'batch',
        actor: 'test',
        amount: rupiah(500),
      });
    });
    const [applied] = await Promise.all([
      Promise.all(batches.map((batch) => wallet.creditMany(api.running.orm.em.fork(), batch))),
      Promise.all(holds),
    ]);

    // Keys 0..12 of each workspace: Rp1.000 x (1 + ... + 13) = Rp91.000 each, credited once.
    expect(applied.flat().filter(Boolean)).toHaveLength(4 * 13);
    for (const [index, workspaceId] of workspaces.entries()) {
      const summary = await wallet.summary(em, workspaceId);
      const sums = await wallet.ledgerSums(em, workspaceId);
      const expected = index === 0 ? 100_000n + 91_000n - 10n * 500n : 91_000n;
      expect(summary.balance).toBe(expected);
      expect(sums.balance).toBe(expected);
      expect(summary.held).toBe(0n);
      expect(sums.held).toBe(0n);
      expect(sums.entries).toBe(index === 0 ? 1 + 13 + 20 : 13);
    }
  });

  it('gives a replayed key back as not applied, changing nothing', async () => {
    const { wallet } = api.running.services.wallet;
    const em = api.running.orm.em.fork();
    const workspaceId = (await createWorkspace(em)).id;
    const credit = { workspaceId, key: 'topup:once', reference: 'once', actor: 'test', amount: rupiah(50_000) };
    expect(await wallet.creditMany(em, [credit, credit])).toEqual([true, false]);
    expect(await wallet.creditMany(em, [credit])).toEqual([false]);
    expect((await wallet.summary(em, workspaceId)).balance).toBe(50_000n);
    expect((await wallet.ledgerSums(em, workspaceId)).entries).toBe(1);
  });
});
