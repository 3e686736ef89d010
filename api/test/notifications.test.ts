import { ManualClock } from '../src/core/clock';
import { inTransaction } from '../src/db/transaction';
import { Membership, Permission, Role } from '../src/modules/identity';
import { NotificationType, type NotificationsService } from '../src/modules/notifications';
import { startTestApi, type TestApi } from './support/api';
import { createMember, createWorkspace, PASSWORD, type TestMember } from './support/identity';

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

  it('tells its owner of a sign-in from a device the account never used, in each of its workspaces', async () => {
    const em = api.running.orm.em.fork();
    const first = await createWorkspace(em);
    const member = await createMember(em, first, 'owner');
    const second = await createWorkspace(em);
    em.create(Membership, {
      user: member.user,
      workspace: second,
      role: await em.findOneOrFail(Role, { key: 'viewer', workspace: null }),
    });
    await em.flush();
    // An account that never signed in: the factory's session is no device of a person.
    await em.getConnection().execute('delete from session where user_id = ?', [member.user.id]);
    const firefox = (version: string) =>
      `Mozilla/5.0 (X11; Linux x86_64; rv:${version}) Gecko/20100101 Firefox/${version}`;
    const chromeAndroid =
      'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
    const login = async (userAgent: string, ip: string) => {
      const { body } = await api.graphql<{ login: { status: string; sessionToken: string } }>(
        'mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { status sessionToken } }',
        { email: member.user.email, password: PASSWORD },
        { 'user-agent': userAgent, 'x-forwarded-for': ip },
      );
      expect(body.data!.login.status).toBe('SIGNED_IN');
      return body.data!.login.sessionToken;
    };
    const newDevice = async (token: string, language = 'en') =>
      (
        await api.graphql<Inbox>(INBOX, {}, { authorization: `Bearer ${token}`, 'accept-language': language })
      ).body.data!.notifications.items.filter((item) => item.type === 'NEW_DEVICE_SIGN_IN');

    // The first sign-in ever, then the same browser updated: nothing to tell.
    await login(firefox('132.0'), '203.0.113.7');
    const updated = await login(firefox('133.0'), '203.0.113.7');
    expect(await newDevice(updated)).toEqual([]);
    // Another browser on another system: told, with the device and the address, in the reader's language.
    const phone = await login(chromeAndroid, '198.51.100.23');
    const [told] = await newDevice(phone);
    expect(told).toMatchObject({ title: 'New sign-in', link: '/settings/profile', readAt: null });
    expect(told!.body).toContain('Chrome on Android');
    expect(told!.body).toContain('198.51.100.23');
    const [dikabari] = await newDevice(phone, 'id');
    expect(dikabari!.title).not.toBe('New sign-in');
    expect(dikabari!.body).toContain('Chrome on Android');
    // In the other workspace too (where the session may switch), and only to this user.
    const rows = await em
      .getConnection()
      .execute<{ workspace_id: string; user_id: string }[]>(
        "select workspace_id, user_id from notification where type = 'NEW_DEVICE_SIGN_IN' and user_id = ? order by workspace_id",
        [member.user.id],
      );
    expect(rows.map((row) => row.workspace_id).sort()).toEqual([first.id, second.id].sort());
    // That device is known from now on.
    await login(chromeAndroid, '198.51.100.23');
    expect(await newDevice(phone)).toHaveLength(1);
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
