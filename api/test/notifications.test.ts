import { ManualClock } from '../src/core/clock';
import { inTransaction } from '../src/db/transaction';
import { Permission } from '../src/modules/identity';
import { NotificationType, type NotificationsService } from '../src/modules/notifications';
import { startTestApi, type TestApi } from './support/api';
import { createMember, createWorkspace, type TestMember } from './support/identity';

const INBOX = `query ($after: ID, $first: Int, $unreadOnly: Boolean) {
  notifications(after: $after, first: $first, unreadOnly: $unreadOnly) {
    unreadCount nextCursor items { id type title body link readAt }
  }
}`;

type Inbox = {
  notifications: {
    unreadCount: number;
    nextCursor: string | null;
    items: { id: string; type: string; title: string; body: string; link: string; readAt: string | null }[];
  };
};

describe('notifications', () => {
  let api: TestApi;
  let service: NotificationsService;
  let owner: TestMember;
  let finance: TestMember;
  let operator: TestMember;
  let stranger: TestMember;
  const clock = new ManualClock(new Date('2026-12-01T02:00:00Z'));

  beforeAll(async () => {
    api = await startTestApi({ clock });
    service = api.running.services.notifications.notifications;
    const em = api.running.orm.em.fork();
    const workspace = await createWorkspace(em);
    owner = await createMember(em, workspace, 'owner');
    finance = await createMember(em, workspace, 'finance');
    operator = await createMember(em, workspace, 'operator');
    stranger = await createMember(em, await createWorkspace(em), 'owner');
  });
  afterAll(() => api.stop());

  const inbox = (member: TestMember, variables: Record<string, unknown> = {}, language = 'en') =>
    api.graphql<Inbox>(INBOX, variables, {
      authorization: `Bearer ${member.sessionToken}`,
      'accept-language': language,
    });
  const markRead = (member: TestMember, ids?: string[]) =>
    api.graphql<{ markNotificationsRead: number }>(
      'mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }',
      { ids },
      { authorization: `Bearer ${member.sessionToken}` },
    );

  it('reaches the members who hold the audience’s permission, rendered in each reader’s language', async () => {
    const reached = await service.notify(
      api.running.orm.em.fork(),
      owner.workspace.id,
      NotificationType.PAYMENT_SETTLED,
      { orderId: 'BZ-TOPUP-20261201-AAAA', amount: '150000' },
      { permission: Permission.PAYMENTS_READ },
    );
    expect(reached).toBe(2);

    const english = await inbox(finance);
    expect(english.body.data!.notifications.items[0]).toMatchObject({
      type: 'PAYMENT_SETTLED',
      title: 'Top-up received',
      body: 'Rp150.000 from order BZ-TOPUP-20261201-AAAA is in your wallet.',
      link: '/wallet',
      readAt: null,
    });
    const indonesian = await inbox(owner, {}, 'id');
    expect(indonesian.body.data!.notifications.items[0]).toMatchObject({
      title: 'Isi saldo diterima',
      body: 'Rp150.000 dari pesanan BZ-TOPUP-20261201-AAAA sudah masuk ke dompet Anda.',
    });
    // An Operator cannot read payments, so it was not told; another workspace sees nothing.
    expect((await inbox(operator)).body.data!.notifications).toMatchObject({ unreadCount: 0, items: [] });
    expect((await inbox(stranger)).body.data!.notifications).toMatchObject({ unreadCount: 0, items: [] });
  });

  it('pages newest first and marks read only the reader’s own notifications', async () => {
    const em = api.running.orm.em.fork();
    for (const name of ['Promo Lebaran', 'Promo Natal', 'Promo Imlek']) {
      clock.advance(1000);
      await service.notify(
        em,
        operator.workspace.id,
        NotificationType.CAMPAIGN_STARTED,
        { campaignId: name.replace(' ', '-'), name, recipients: 12500 },
        { userIds: [operator.user.id] },
      );
    }
    const first = await inbox(operator, { first: 2 });
    const page = first.body.data!.notifications;
    expect(page.unreadCount).toBe(3);
    expect(page.items.map((item) => item.body)).toEqual([
      '“Promo Imlek” is sending to 12,500 recipients.',
      '“Promo Natal” is sending to 12,500 recipients.',
    ]);
    expect(page.items[0]!.link).toBe('/campaigns/Promo-Imlek');
    const second = (await inbox(operator, { first: 2, after: page.nextCursor }, 'id')).body.data!.notifications;
    expect(second.items.map((item) => item.body)).toEqual(['“Promo Lebaran” sedang mengirim ke 12.500 penerima.']);
    expect(second.nextCursor).toBeNull();

    // Someone else's ids change nothing; the reader's own do.
    expect((await markRead(stranger, [page.items[0]!.id])).body.data!.markNotificationsRead).toBe(0);
    expect((await markRead(operator, [page.items[0]!.id])).body.data!.markNotificationsRead).toBe(1);
    expect((await inbox(operator, { unreadOnly: true })).body.data!.notifications.unreadCount).toBe(2);
    expect((await markRead(operator)).body.data!.markNotificationsRead).toBe(2);
    const after = (await inbox(operator)).body.data!.notifications;
    expect(after.unreadCount).toBe(0);
    expect(after.items[0]!.readAt).toBe(clock.now().toISOString());
  });

  it('exists exactly when the event it reports was committed', async () => {
    await expect(
      inTransaction(api.running.orm.em.fork(), {}, async (tx) => {
        await service.notify(
          tx,
          owner.workspace.id,
          NotificationType.LOW_BALANCE,
          { available: '2500' },
          { everyone: true },
        );
        throw new Error('the payment did not commit');
      }),
    ).rejects.toThrow('the payment did not commit');
    expect((await inbox(operator)).body.data!.notifications.items.map((item) => item.type)).not.toContain(
      'LOW_BALANCE',
    );
  });

  it('refuses a notification whose parameters do not match its type', async () => {
    await expect(
      service.notify(
        api.running.orm.em.fork(),
        owner.workspace.id,
        NotificationType.LOW_BALANCE,
        {},
        { everyone: true },
      ),
    ).rejects.toThrow(/LOW_BALANCE takes available/);
    await expect(
      service.notify(
        api.running.orm.em.fork(),
        owner.workspace.id,
        NotificationType.LOW_BALANCE,
        { available: '12.5' },
        { everyone: true },
      ),
    ).rejects.toThrow(RangeError);
  });
});
