import { waitFor } from '../support/wait';
import { useErasureWorld } from './erasure-world';

/**
 * The erasure fence (contacts/erasure-fence.ts) made to matter: Meta's statuses of a contact's message arrive while
 * the contact's erasure is inside its transaction, its renames done but not committed. Without the fence the status
 * webhook reads "not erased", writes the original wamid and the number, and commits after the erasure. Each step is
 * ordered by the test, never by time: no background dispatcher or job runner, the simulator's statuses fall due on
 * the test's clock, the erasure waits on a gate, and the webhook's wait on the fence is read from pg_locks.
 */
describe('the erasure fence', () => {
  const current = useErasureWorld();

  /** Lock types that backends of this suite's database are waiting for (other suites share the server). */
  async function awaitedLocks(): Promise<string[]> {
    const { rows } = await current().client.query<{ locktype: string }>(
      `select l.locktype from pg_locks l join pg_stat_activity a on a.pid = l.pid
       where not l.granted and a.datname = current_database() order by l.locktype`,
    );
    return rows.map((row) => row.locktype);
  }

  it('lands a status that arrives during an erasure on the erased message, without the number', async () => {
    const { world, client, contact, launchTo, erase, expectNoTrace } = current();
    const digits = '81277778884';
    // Meta reports the message sent and delivered one second after accepting it, in one POST.
    world.meta.simulator.sends.configure({ webhooks: { sentDelayMs: 1000, deliveredDelayMs: 1000 } });
    const contactId = await contact(digits, 'Balapan', ['balapan']);
    const campaignId = await launchTo('balapan');
    await world.dispatch();
    const [message] = await world.sql<{ id: string; wamid: string; status: string }>(
      'select id, wamid, status from campaign_message where campaign_id = ?',
      [campaignId],
    );
    expect(message).toMatchObject({ status: 'SENT', wamid: expect.stringMatching(/^wamid\./) });
    const webhooks = world.meta.simulator.sends.webhooks;
    expect(await webhooks.deliverDue()).toBe(0);

    // The erasure stops inside its transaction, after every module's renames, holding the fence.
    let reached!: () => void;
    const inside = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    world.api.running.services.contacts.contactBulk.onErase(async () => {
      reached();
      await gate;
    });
    const erasing = erase([contactId]);
    let waitedFor: string[] = [];
    try {
      await inside;
      // The clock moves until Meta's statuses are due: the POST is stored and answered, its application starts.
      let delivered = 0;
      for (let step = 0; step < 20 && delivered === 0; step += 1) {
        world.clock.advance(100);
        delivered = await webhooks.deliverDue();
      }
      expect(delivered).toBe(2);
      // Its application either waits (on the fence: nothing else is running) or, without a fence, is done already.
      waitedFor = await waitFor(
        async () => {
          const locks = await awaitedLocks();
          if (locks.length > 0) return locks;
          const [{ pending }] = (
            await client.query<{ pending: number }>(
              'select count(*)::int as pending from whatsapp_webhook where applied_at is null',
            )
          ).rows as [{ pending: number }];
          return pending === 0 ? ['none: applied during the erasure'] : undefined;
        },
        { what: 'the status webhook waiting for the erasure, or applied' },
      );
    } finally {
      release();
    }
    expect(await erasing).toEqual({ deleteContacts: { affected: 1 } });
    await world.deliverStatuses();

    // The status counted on the erased message, under its erased id; the original id and the number nowhere.
    const after = await client.query<{ wamid: string; status: string }>(
      'select wamid, status from campaign_message where id = $1',
      [message!.id],
    );
    expect(after.rows).toEqual([{ wamid: expect.stringMatching(/^erased\.[0-9a-f]{64}$/), status: 'DELIVERED' }]);
    const statuses = await client.query<{ wamid: string; recipient_id: string | null; status: string }>(
      'select wamid, recipient_id, status from message_status where workspace_id = $1',
      [world.workspaceId],
    );
    expect(statuses.rows).toEqual([{ wamid: after.rows[0]!.wamid, recipient_id: null, status: 'delivered' }]);
    await expectNoTrace(digits, message!.wamid);
    // What made it so: the webhook waited on the erasure's advisory lock, and on nothing else.
    expect(waitedFor).toEqual(['advisory']);
  });
});
