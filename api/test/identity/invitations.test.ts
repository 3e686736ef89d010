import { ManualClock } from '../../src/core/clock';
import { workspaceEm } from '../../src/db/base.entity';
import { AuditLog, Membership, Permission, Role, User, type Workspace } from '../../src/modules/identity';
import { startTestApi, type TestApi } from '../support/api';
import { createApiToken, createMember, createWorkspace, PASSWORD, type TestMember } from '../support/identity';

/**
 * Joining a workspace by invitation (issue 14, point 6). Written from what a user relies on:
 * the inviter learns nothing about the address, nobody is attached without accepting, a link
 * works once, for its address, for seven days, and only while the inviter may still grant it.
 */
describe('invitations', () => {
  const clock = new ManualClock();
  let api: TestApi;
  let workspace: Workspace;
  let owner: TestMember;
  let admin: TestMember;
  let roles: Record<string, string>;
  const NEW_PASSWORD = 'kopi susu gula aren 7';

  const as = (credential: string) => ({ authorization: `Bearer ${credential}` });
  const tokenOf = (url: string) => url.split('/').pop()!;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    const em = api.running.orm.em.fork();
    workspace = await createWorkspace(em, 'Toko Undangan');
    owner = await createMember(em, workspace, 'owner');
    admin = await createMember(em, workspace, 'admin');
    const builtIn = await em.find(Role, { workspace: null });
    roles = Object.fromEntries(builtIn.map((role) => [role.key, role.id]));
  });
  afterAll(() => api.stop());

  async function invite(credential: string, email: string, role = 'operator') {
    return api.graphql<{
      inviteMember: { url: string; invitation: Record<string, unknown> & { id: string } };
    }>(
      'mutation ($e: String!, $r: ID!) { inviteMember(input: { email: $e, roleId: $r }) { url invitation { id email status role { key } invitedBy { email } expiresAt } } }',
      { e: email, r: roles[role] },
      as(credential),
    );
  }

  async function acceptAsNew(token: string, name = 'Siti Rahma', password = NEW_PASSWORD, language?: string) {
    return api.graphql<{ acceptInvitationWithNewAccount: { status: string; sessionToken: string } }>(
      'mutation ($t: String!, $n: String!, $p: String!, $l: Language) { acceptInvitationWithNewAccount(input: { token: $t, name: $n, password: $p, language: $l }) { status sessionToken } }',
      { t: token, n: name, p: password, l: language },
    );
  }

  const membersOf = () => api.running.orm.em.fork().count(Membership, { workspace }, { filters: { workspace: false } });

  it('answers the same for an address with an account and one without, and attaches nobody', async () => {
    const em = api.running.orm.em.fork();
    const elsewhere = await createMember(em, await createWorkspace(em), 'owner', { email: 'rudi@example.co.id' });
    const before = await membersOf();

    const existing = await invite(owner.sessionToken, 'Rudi@Example.co.id');
    const fresh = await invite(owner.sessionToken, 'nobody.yet@example.co.id');

    const shape = (body: typeof existing.body) => {
      const { url, invitation } = body.data!.inviteMember;
      return { url: url.replace(/bzi_[\w-]{43}$/, 'TOKEN'), ...invitation, id: 'ID', email: 'EMAIL' };
    };
    expect(shape(existing.body)).toEqual(shape(fresh.body));
    expect(existing.body.data!.inviteMember.invitation).toMatchObject({
      email: 'rudi@example.co.id',
      status: 'PENDING',
      role: { key: 'operator' },
      invitedBy: { email: owner.user.email },
    });
    // Nothing about the account: not its name, not its second factor.
    expect(JSON.stringify(existing.body)).not.toMatch(/Test User|twoFactor/);
    expect(existing.body.data!.inviteMember.url).toMatch(/^http:\/\/[^/]+\/invite\/bzi_[\w-]{43}$/);
    expect(await membersOf()).toBe(before);
    expect(await em.fork().count(Membership, { user: elsewhere.user }, { filters: { workspace: false } })).toBe(1);
  });

  it('lets a new person accept by choosing a password, once, in the language of the page they read', async () => {
    const { body } = await invite(owner.sessionToken, 'siti@example.co.id');
    const token = tokenOf(body.data!.inviteMember.url);

    const preview = await api.graphql(
      'query ($t: String!) { invitation(token: $t) { email workspaceName role { key name } } }',
      {
        t: token,
      },
    );
    expect(preview.body.data).toEqual({
      invitation: {
        email: 'siti@example.co.id',
        workspaceName: 'Toko Undangan',
        role: { key: 'operator', name: 'Operator' },
      },
    });

    const weak = await acceptAsNew(token, 'Siti', 'password123');
    expect(weak.body.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { password: expect.any(String) },
    });

    const accepted = await acceptAsNew(token, '  Siti Rahma  ', NEW_PASSWORD, 'EN');
    expect(accepted.body.data!.acceptInvitationWithNewAccount.status).toBe('SIGNED_IN');
    const me = await api.graphql<{ me: Record<string, unknown> }>(
      '{ me { name language workspace { name } role { key } mustChangePassword } }',
      {},
      as(accepted.body.data!.acceptInvitationWithNewAccount.sessionToken),
    );
    expect(me.body.data!.me).toEqual({
      name: 'Siti Rahma',
      language: 'EN',
      workspace: { name: 'Toko Undangan' },
      role: { key: 'operator' },
      mustChangePassword: false,
    });

    const again = await acceptAsNew(token, 'Intruder', 'another strong passphrase 9');
    expect(again.body.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', messageKey: 'invitations.invalid' });
    const previewAfter = await api.graphql('query ($t: String!) { invitation(token: $t) { email } }', { t: token });
    expect(previewAfter.body.errors![0].extensions).toMatchObject({ messageKey: 'invitations.invalid' });
  });

  it('lets an existing account accept only while signed in as the invited address', async () => {
    const em = api.running.orm.em.fork();
    const invitee = await createMember(em, await createWorkspace(em), 'viewer', { email: 'joko@example.co.id' });
    const stranger = await createMember(em, await createWorkspace(em), 'owner');
    const token = tokenOf(
      (await invite(owner.sessionToken, 'joko@example.co.id', 'finance')).body.data!.inviteMember.url,
    );

    const accept = (credential: string) =>
      api.graphql<{ acceptInvitation: { name: string } }>(
        'mutation ($t: String!) { acceptInvitation(token: $t) { name } }',
        { t: token },
        as(credential),
      );
    const wrong = await accept(stranger.sessionToken);
    expect(wrong.body.errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'invitations.otherAccount',
    });
    const viaToken = await accept((await createApiToken(em, invitee, [])).token);
    expect(viaToken.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', messageKey: 'auth.sessionOnly' });

    const right = await accept(invitee.sessionToken);
    expect(right.body.data!.acceptInvitation).toEqual({ name: 'Toko Undangan' });
    // The session now looks at the workspace it joined, with the invited role.
    const me = await api.graphql<{ me: { workspace: { name: string }; role: { key: string } } }>(
      '{ me { workspace { name } role { key } } }',
      {},
      as(invitee.sessionToken),
    );
    expect(me.body.data!.me).toEqual({ workspace: { name: 'Toko Undangan' }, role: { key: 'finance' } });
    expect((await accept(invitee.sessionToken)).body.errors![0].extensions).toMatchObject({
      messageKey: 'invitations.invalid',
    });
  });

  it('spends a link redeemed as a new account for an address that has one, and audits it', async () => {
    const em = api.running.orm.em.fork();
    await createMember(em, await createWorkspace(em), 'viewer', { email: 'probed@example.co.id' });
    const existing = tokenOf((await invite(owner.sessionToken, 'probed@example.co.id')).body.data!.inviteMember.url);
    const fresh = tokenOf((await invite(owner.sessionToken, 'unknown@example.co.id')).body.data!.inviteMember.url);

    // A weak password answers the same for both: the form is judged before the address is looked up.
    const weakExisting = await acceptAsNew(existing, 'Probe', 'a');
    const weakFresh = await acceptAsNew(fresh, 'Probe', 'a');
    expect(weakExisting.body.errors![0].extensions).toEqual(weakFresh.body.errors![0].extensions);

    const probe = await acceptAsNew(existing, 'Probe');
    expect(probe.body.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      messageKey: 'invitations.signInToAccept',
    });
    // Spent: the answer cannot be asked twice, and the workspace's audit log shows the attempt.
    expect((await acceptAsNew(existing, 'Probe')).body.errors![0].extensions).toMatchObject({
      messageKey: 'invitations.invalid',
    });
    const refused = await em
      .fork()
      .find(AuditLog, { workspace, action: 'invitation.refused' }, { filters: { workspace: false } });
    expect(refused.map((entry) => [entry.target, entry.details])).toContainEqual([
      'probed@example.co.id',
      { reason: 'invitations.signInToAccept', spent: true },
    ]);
  });

  it('lets one of two workspaces that invited the same new address at once create the account', async () => {
    const em = api.running.orm.em.fork();
    const other = await createMember(em, await createWorkspace(em, 'Toko Kedua'), 'owner');
    for (let round = 0; round < 5; round += 1) {
      const email = `twice${round}@example.co.id`;
      const here = tokenOf((await invite(owner.sessionToken, email)).body.data!.inviteMember.url);
      const there = await api.graphql<{ inviteMember: { url: string } }>(
        'mutation ($e: String!, $r: ID!) { inviteMember(input: { email: $e, roleId: $r }) { url } }',
        { e: email, r: roles.viewer },
        as(other.sessionToken),
      );
      const results = await Promise.all([acceptAsNew(here), acceptAsNew(tokenOf(there.body.data!.inviteMember.url))]);
      expect(results.filter((result) => result.body.data?.acceptInvitationWithNewAccount)).toHaveLength(1);
      const loser = results.find((result) => result.body.errors)!;
      expect(loser.body.errors![0].extensions).toMatchObject({ messageKey: 'invitations.signInToAccept' });
      expect(await em.fork().count(User, { email })).toBe(1);
    }
  });

  it('keeps each workspace’s invitations to itself', async () => {
    const em = api.running.orm.em.fork();
    const rival = await createMember(em, await createWorkspace(em, 'Toko Saingan'), 'owner');
    const ours = await invite(owner.sessionToken, 'ours.only@example.co.id');
    const listed = await api.graphql<{ invitations: { email: string }[] }>(
      '{ invitations { email } }',
      {},
      as(rival.sessionToken),
    );
    expect(listed.body.data!.invitations).toEqual([]);
    const revoke = await api.graphql(
      'mutation ($id: ID!) { revokeInvitation(invitationId: $id) }',
      { id: ours.body.data!.inviteMember.invitation.id },
      as(rival.sessionToken),
    );
    expect(revoke.body.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('paces a workspace to 30 new invitations an hour', async () => {
    const em = api.running.orm.em.fork();
    const busy = await createMember(em, await createWorkspace(em, 'Toko Ramai'), 'owner');
    const codes: string[] = [];
    for (let i = 0; i < 31; i += 1) {
      const { body } = await api.graphql(
        'mutation ($e: String!, $r: ID!) { inviteMember(input: { email: $e, roleId: $r }) { url } }',
        { e: `batch${i}@example.co.id`, r: roles.viewer },
        as(busy.sessionToken),
      );
      codes.push(body.errors ? String(body.errors[0].extensions?.code) : 'OK');
    }
    expect(codes).toEqual([...Array.from({ length: 30 }, () => 'OK'), 'RATE_LIMITED']);
  });

  it('refuses to delete a role open invitations offer, and deletes it once they are revoked', async () => {
    const em = api.running.orm.em.fork();
    const role = em.create(Role, {
      workspace,
      key: `custom-${Date.now().toString(36)}`,
      name: 'Gudang',
      builtIn: false,
      permissions: [Permission.CONTACTS_READ],
    });
    await em.flush();
    const offered = await api.graphql<{ inviteMember: { invitation: { id: string } } }>(
      'mutation ($r: ID!) { inviteMember(input: { email: "gudang@example.co.id", roleId: $r }) { invitation { id } } }',
      { r: role.id },
      as(owner.sessionToken),
    );
    const deleteRole = () =>
      api.graphql('mutation ($r: ID!) { deleteRole(roleId: $r) }', { r: role.id }, as(owner.sessionToken));
    expect((await deleteRole()).body.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'roles.offeredByInvitation',
    });
    await api.graphql(
      'mutation ($id: ID!) { revokeInvitation(invitationId: $id) }',
      { id: offered.body.data!.inviteMember.invitation.id },
      as(owner.sessionToken),
    );
    expect((await deleteRole()).body.data).toEqual({ deleteRole: true });
  });

  it('stops a link that was revoked, replaced or left for more than seven days', async () => {
    const first = tokenOf((await invite(owner.sessionToken, 'dewi@example.co.id')).body.data!.inviteMember.url);
    const second = await invite(owner.sessionToken, 'dewi@example.co.id');
    expect((await acceptAsNew(first)).body.errors![0].extensions).toMatchObject({ messageKey: 'invitations.invalid' });

    const revoked = await api.graphql(
      'mutation ($id: ID!) { revokeInvitation(invitationId: $id) }',
      { id: second.body.data!.inviteMember.invitation.id },
      as(admin.sessionToken),
    );
    expect(revoked.body.data).toEqual({ revokeInvitation: true });
    const secondToken = tokenOf(second.body.data!.inviteMember.url);
    expect((await acceptAsNew(secondToken)).body.errors![0].extensions).toMatchObject({
      messageKey: 'invitations.invalid',
    });

    const third = tokenOf((await invite(owner.sessionToken, 'dewi@example.co.id')).body.data!.inviteMember.url);
    const service = api.running.services.identity.invitations;
    const openFor = async () =>
      (await service.openInvitations(workspaceEm(api.running.orm.em, workspace.id)))
        .filter(({ invitation }) => invitation.email === 'dewi@example.co.id')
        .map(({ status }) => status);
    expect(await openFor()).toEqual(['PENDING']);
    clock.advance(7 * 24 * 3_600_000 + 1000);
    try {
      expect(await openFor()).toEqual(['EXPIRED']);
      expect((await acceptAsNew(third)).body.errors![0].extensions).toMatchObject({
        messageKey: 'invitations.invalid',
      });
    } finally {
      clock.set(new Date());
    }
  });

  it('keeps the ceiling: an Owner invitation only from an Owner, and only while the inviter still may', async () => {
    const ownerByAdmin = await invite(admin.sessionToken, 'boss@example.co.id', 'owner');
    expect(ownerByAdmin.body.errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'members.onlyOwnerGrantsOwner',
    });

    const em = api.running.orm.em.fork();
    const recruiter = await createMember(em, workspace, 'admin');
    const pending = await invite(recruiter.sessionToken, 'late@example.co.id', 'admin');
    const ownerInvite = await invite(owner.sessionToken, 'co-owner@example.co.id', 'owner');
    const revokeOwnerInvite = await api.graphql(
      'mutation ($id: ID!) { revokeInvitation(invitationId: $id) }',
      { id: ownerInvite.body.data!.inviteMember.invitation.id },
      as(admin.sessionToken),
    );
    expect(revokeOwnerInvite.body.errors![0].extensions).toMatchObject({ messageKey: 'members.onlyOwnerManagesOwner' });

    // The recruiter is made a Viewer before the invitee clicks: the Admin link must not work.
    await em.nativeUpdate(
      Membership,
      { user: recruiter.user, workspace },
      { role: roles.viewer },
      { filters: { workspace: false } },
    );
    const late = await acceptAsNew(tokenOf(pending.body.data!.inviteMember.url));
    const refusals = await em
      .fork()
      .count(
        AuditLog,
        { workspace, action: 'invitation.refused', target: 'late@example.co.id' },
        { filters: { workspace: false } },
      );
    expect(refusals).toBe(1);
    expect(late.body.errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'invitations.inviterLostAuthority',
    });
  });

  it('lets a link win exactly once when it is clicked many times at the same moment', async () => {
    for (let round = 0; round < 8; round += 1) {
      const email = `race${round}@example.co.id`;
      const token = tokenOf((await invite(owner.sessionToken, email)).body.data!.inviteMember.url);
      const results = await Promise.all(Array.from({ length: 5 }, (_, i) => acceptAsNew(token, `Racer ${i}`)));
      expect(results.filter((result) => result.body.data?.acceptInvitationWithNewAccount)).toHaveLength(1);
      for (const failed of results.filter((result) => result.body.errors))
        expect(failed.body.errors![0].extensions).toMatchObject({ messageKey: 'invitations.invalid' });
      const em = api.running.orm.em.fork();
      expect(await em.count(User, { email })).toBe(1);
      expect(await em.count(Membership, { user: { email } }, { filters: { workspace: false } })).toBe(1);
    }
  });

  it('lists open invitations to those who may read members, and audits every step', async () => {
    const em = api.running.orm.em.fork();
    const viewer = await createMember(em, workspace, 'viewer');
    const token = tokenOf((await invite(owner.sessionToken, 'audited@example.co.id')).body.data!.inviteMember.url);

    const listed = await api.graphql<{ invitations: { email: string; status: string }[] }>(
      '{ invitations { email status } }',
      {},
      as(admin.sessionToken),
    );
    expect(listed.body.data!.invitations).toContainEqual({ email: 'audited@example.co.id', status: 'PENDING' });
    const byViewer = await api.graphql('{ invitations { email } }', {}, as(viewer.sessionToken));
    expect(byViewer.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });

    await acceptAsNew(token, 'Audited Person');
    const afterAccept = await api.graphql<{ invitations: { email: string }[] }>(
      '{ invitations { email } }',
      {},
      as(admin.sessionToken),
    );
    expect(afterAccept.body.data!.invitations.map((row) => row.email)).not.toContain('audited@example.co.id');

    const actions = (
      await em
        .fork()
        .find(
          AuditLog,
          { workspace, target: 'audited@example.co.id' },
          { orderBy: { createdAt: 'asc' }, filters: { workspace: false } },
        )
    ).map((entry) => entry.action);
    expect(actions).toEqual(['invitation.created', 'invitation.accepted']);
    // The inviter's password is untouched by any of this.
    const login = await api.graphql<{ login: { status: string } }>(
      'mutation ($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { status } }',
      { e: owner.user.email, p: PASSWORD },
    );
    expect(login.body.data!.login.status).toBe('SIGNED_IN');
  });
});
