import { ManualClock } from '../../src/core/clock';
import { rupiah } from '../../src/core/money';
import { WorkspaceTimeZone } from '../../src/modules/identity';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';

/**
 * The ledger filtered by calendar days as the workspace reads them: the days are the workspace's own (its time
 * zone), both ends inclusive, and a bad day is refused with a reason beside its field.
 */
describe('ledger entries by date', () => {
  const clock = new ManualClock(new Date('2026-11-19T00:00:00Z'));
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(() => api.stop());

  /**
   * Credits at fixed instants. 2026-11-20T15:30Z is 22:30 on 20 November in Jakarta (UTC+7) but 00:30 on
   * 21 November in Jayapura (UTC+9); 16:59Z is 23:59 in Jakarta, still the 20th there. (Before
   * today: the test sessions expire a day after the real now.)
   */
  const INSTANTS = ['2026-11-19T17:00:00Z', '2026-11-20T15:30:00Z', '2026-11-20T16:59:00Z', '2026-11-21T17:00:00Z'];

  async function workspaceWithCredits(timeZone: WorkspaceTimeZone): Promise<TestMember> {
    const em = api.running.orm.em.fork();
    const workspace = await createWorkspace(em);
    workspace.timeZone = timeZone;
    await em.flush();
    const { wallet } = api.running.services.wallet;
    for (const [index, instant] of INSTANTS.entries()) {
      clock.set(new Date(instant));
      const key = `credit-${workspace.id}-${index}`;
      await wallet.credit(api.running.orm.em.fork(), workspace.id, {
        key,
        reference: `T${index}`,
        actor: 'ledger-filter-test',
        amount: rupiah(50_000 * (index + 1)),
      });
    }
    // Signed in after the credits, so the session is fresh on the clock the API now reads.
    return createMember(em, workspace, 'owner');
  }

  async function referencesBetween(owner: TestMember, filter: Record<string, unknown>) {
    const response = await api.graphql<{ ledgerEntries: { edges: { node: { reference: string } }[] } }>(
      'query ($filter: LedgerEntryFilter) { ledgerEntries(first: 50, filter: $filter) { edges { node { reference } } } }',
      { filter },
      { authorization: `Bearer ${owner.sessionToken}` },
    );
    return response;
  }

  const references = async (owner: TestMember, filter: Record<string, unknown>) =>
    (await referencesBetween(owner, filter)).body.data!.ledgerEntries.edges.map((edge) => edge.node.reference);

  it('cuts days at the workspace’s own midnight: Jakarta and Jayapura see 22:30 WIB on different days', async () => {
    const jakarta = await workspaceWithCredits(WorkspaceTimeZone.ASIA_JAKARTA);
    const jayapura = await workspaceWithCredits(WorkspaceTimeZone.ASIA_JAYAPURA);
    // 20 November in Jakarta: 00:00 (17:00Z on the 19th) up to 23:59 (16:59Z); newest first.
    expect(await references(jakarta, { from: '2026-11-20', to: '2026-11-20' })).toEqual(['T2', 'T1', 'T0']);
    // 20 November in Jayapura ends at 15:00Z: only the first credit (02:00 WIT) is on it.
    expect(await references(jayapura, { from: '2026-11-20', to: '2026-11-20' })).toEqual(['T0']);
    expect(await references(jayapura, { from: '2026-11-21', to: '2026-11-21' })).toEqual(['T2', 'T1']);
  });

  it('takes an open end on either side, and combines with the kind filter', async () => {
    const owner = await workspaceWithCredits(WorkspaceTimeZone.ASIA_JAKARTA);
    expect(await references(owner, { from: '2026-11-21' })).toEqual(['T3']);
    expect(await references(owner, { to: '2026-11-19' })).toEqual([]);
    expect(await references(owner, { to: '2026-11-20' })).toEqual(['T2', 'T1', 'T0']);
    expect(await references(owner, { from: '2026-11-20', kinds: ['REFUND'] })).toEqual([]);
    expect(await references(owner, { from: '2026-11-20', kinds: ['TOPUP'] })).toEqual(['T3', 'T2', 'T1', 'T0']);
  });

  it.each([
    [{ from: '2026-02-30' }, 'from', 'wallet.ledger.badDay'],
    [{ to: '1 Desember' }, 'to', 'wallet.ledger.badDay'],
    [{ from: '2026-11-21', to: '2026-11-20' }, 'to', 'wallet.ledger.toBeforeFrom'],
  ])('refuses %j with a reason beside %s', async (filter, field, key) => {
    const owner = await workspaceWithCredits(WorkspaceTimeZone.ASIA_JAKARTA);
    const response = await referencesBetween(owner, filter);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const fields = response.body.errors?.[0]?.extensions?.fields as Record<string, string>;
    expect(Object.entries(fields).find(([path]) => path.endsWith(field))?.[1]).toBe(key);
  });
});
