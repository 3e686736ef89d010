import fc from 'fast-check';
import { rupiah } from '../../src/core/money';
import { startTestApi, type TestApi } from '../support/api';
import { createWorkspace } from '../support/identity';

/**
 * Random interleavings of credit / hold / capture / release / refund / reversal, each group
 * run concurrently on separate connections. After every group: the wallet's totals equal the
 * ledger's sums and a model summed from the operations that succeeded; available is below
 * zero only after a reversal, and then sending and new holds are refused.
 */
type Op =
  | { kind: 'credit' | 'refund' | 'reversal'; amount: number }
  | { kind: 'hold'; amount: number }
  | { kind: 'capture' | 'release'; hold: number; amount: number };

const amount = fc.integer({ min: 1, max: 200 }).map((n) => n * 500);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('credit' as const), amount }),
  fc.record({ kind: fc.constant('refund' as const), amount }),
  fc.record({ kind: fc.constant('reversal' as const), amount }),
  fc.record({ kind: fc.constant('hold' as const), amount }),
  fc.record({ kind: fc.constant('capture' as const), hold: fc.nat(20), amount }),
  fc.record({ kind: fc.constant('release' as const), hold: fc.nat(20), amount }),
);

/** Refusals the guards are expected to make; anything else is a failure. */
const EXPECTED_REFUSALS = new Set(['wallet.insufficient', 'wallet.inDebt', 'wallet.holdExceeded', 'wallet.holdClosed']);

describe('wallet ledger under concurrent random operations', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  it('keeps balance == sum(ledger) and lets available go negative only after an uncovered reversal', async () => {
    const { wallet } = api.running.services.wallet;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(op, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
        async (groups) => {
          run++;
          const em = api.running.orm.em.fork();
          const workspaceId = (await createWorkspace(em)).id;
          const holds: string[] = [];
          let model = 0n;
          let reversed = false;
          let step = 0;
          for (const group of groups) {
            const results = await Promise.allSettled(
              group.map(async (operation) => {
                const key = `run${run}:op${step++}`;
                const common = { key, reference: key, actor: 'property-test' };
                const value = rupiah(operation.amount);
                const fork = api.running.orm.em.fork();
                switch (operation.kind) {
                  case 'credit':
                    await wallet.credit(fork, workspaceId, { ...common, amount: value });
                    return value;
                  case 'refund':
                    await wallet.refund(fork, workspaceId, { ...common, amount: value });
                    return value;
                  case 'reversal':
                    await wallet.debit(fork, workspaceId, { ...common, amount: value, kind: 'REVERSAL' });
                    reversed = true;
                    return -value;
                  case 'hold':
                    holds.push((await wallet.hold(fork, workspaceId, { ...common, amount: value })).holdId);
                    return 0n;
                  case 'capture': {
                    const holdId = holds[operation.hold % Math.max(1, holds.length)];
                    if (!holdId) return 0n;
                    await wallet.capture(fork, workspaceId, { ...common, holdId, amount: value });
                    return -value;
                  }
                  case 'release': {
                    const holdId = holds[operation.hold % Math.max(1, holds.length)];
                    if (!holdId) return 0n;
                    await wallet.release(fork, workspaceId, { ...common, holdId });
                    return 0n;
                  }
                }
              }),
            );
            for (const result of results) {
              if (result.status === 'fulfilled') model += result.value;
              else if (!EXPECTED_REFUSALS.has((result.reason as { messageKey?: string }).messageKey ?? ''))
                throw result.reason;
            }
            const summary = await wallet.summary(em, workspaceId);
            const sums = await wallet.ledgerSums(em, workspaceId);
            const openHeld = (await wallet.openHolds(em, workspaceId)).reduce(
              (total, hold) => total + BigInt(hold.remaining),
              0n,
            );
            expect(summary.balance).toBe(sums.balance);
            expect(summary.held).toBe(sums.held);
            expect(summary.held).toBe(openHeld);
            expect(summary.balance).toBe(model);
            if (summary.available < 0n) {
              expect(reversed).toBe(true);
              await expect(wallet.assertCanSend(em, workspaceId)).rejects.toMatchObject({
                messageKey: 'wallet.inDebt',
              });
              await expect(
                wallet.hold(em, workspaceId, {
                  key: `probe${step++}`,
                  reference: 'probe',
                  actor: 'test',
                  amount: rupiah(1),
                }),
              ).rejects.toMatchObject({ messageKey: 'wallet.inDebt' });
            }
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  it('applies the same idempotency key once, whoever races', async () => {
    const { wallet } = api.running.services.wallet;
    const workspaceId = (await createWorkspace(api.running.orm.em.fork())).id;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        wallet.credit(api.running.orm.em.fork(), workspaceId, {
          key: 'topup:same',
          reference: 'same',
          actor: 'test',
          amount: rupiah(50_000),
        }),
      ),
    );
    expect(results.filter((result) => result.applied)).toHaveLength(1);
    expect((await wallet.summary(api.running.orm.em.fork(), workspaceId)).balance).toBe(50_000n);
  });
});
