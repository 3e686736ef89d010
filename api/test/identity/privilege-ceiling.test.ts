import { randomBytes } from 'node:crypto';
import { Membership, Permission, Role, type Workspace } from '../../src/modules/identity';
import { startTestApi, type TestApi } from '../support/api';
import { createApiToken, createMember, createWorkspace, type TestMember } from '../support/identity';

/**
 * Nobody hands out what they do not hold (issue 14, points 1-3). Expectations are written
 * here by hand: the permissions each caller holds, and what it therefore may not grant.
 */
describe('privilege ceiling', () => {
  let api: TestApi;
  let workspace: Workspace;
  let owner: TestMember;
  let admin: TestMember;
  let recruiter: TestMember; // a custom role: may manage members, holds nothing else of note
  let roleSmith: TestMember; // a custom role: may manage roles, and read contacts
  let roleIds: Record<string, string>;

  const as = (credential: string) => ({ authorization: `Bearer ${credential}` });

  async function customRole(name: string, permissions: Permission[]): Promise<Role> {
    const em = api.running.orm.em.fork();
    const role = em.create(Role, {
      workspace,
      key: `custom-${randomBytes(4).toString('hex')}`,
      name,
      builtIn: false,
      permissions,
    });
    await em.flush();
    return role;
  }

  async function memberOf(roleKey: string) {
    const em = api.running.orm.em.fork();
    return createMember(em, workspace, roleKey as 'viewer');
  }

  /** A member who holds only MEMBERS_READ: below the recruiter and the two-permission token. */
  async function observer() {
    const em = api.running.orm.em.fork();
    return createMember(em, workspace, await customRole('Observer', [Permission.MEMBERS_READ]));
  }

  async function membershipId(member: TestMember): Promise<string> {
    const em = api.running.orm.em.fork();
    const membership = await em.findOneOrFail(
      Membership,
      { user: member.user.id, workspace: workspace.id },
      { filters: { workspace: false } },
    );
    return membership.id;
  }

  const changeRole = (credential: string, memberId: string, roleId: string) =>
    api.graphql(
      'mutation ($m: ID!, $r: ID!) { changeMemberRole(input: { memberId: $m, roleId: $r }) { role { key } } }',
      { m: memberId, r: roleId },
      as(credential),
    );

  beforeAll(async () => {
    api = await startTestApi();
    const em = api.running.orm.em.fork();
    workspace = await createWorkspace(em);
    owner = await createMember(em, workspace, 'owner');
    admin = await createMember(em, workspace, 'admin');
    recruiter = await createMember(
      em,
      workspace,
      await customRole('Recruiter', [Permission.MEMBERS_READ, Permission.MEMBERS_MANAGE]),
    );
    roleSmith = await createMember(
      em,
      workspace,
      await customRole('Role smith', [Permission.ROLES_MANAGE, Permission.CONTACTS_READ, Permission.MEMBERS_READ]),
    );
    const roles = await em.find(Role, { workspace: null });
    roleIds = Object.fromEntries(roles.map((role) => [role.key, role.id]));
  });
  afterAll(() => api.stop());

  it('refuses to give a member a role with permissions the caller does not hold', async () => {
    const below = await observer();
    const { body } = await changeRole(recruiter.sessionToken, await membershipId(below), roleIds.admin!);
    expect(body.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'members.beyondOwnPermissions',
    });
    // Not even to itself.
    const self = await changeRole(recruiter.sessionToken, await membershipId(recruiter), roleIds.operator!);
    expect(self.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses to invite someone with a role above the caller', async () => {
    const { body } = await api.graphql(
      'mutation ($r: ID!) { inviteMember(input: { email: "new.hire@example.co.id", roleId: $r }) { url } }',
      { r: roleIds.finance },
      as(recruiter.sessionToken),
    );
    expect(body.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'members.beyondOwnPermissions',
    });
  });

  it('refuses to change or remove a member whose permissions exceed the caller’s', async () => {
    // A Viewer reads contacts and campaigns, which the recruiter cannot: it is not below the recruiter.
    const viewer = await changeRole(
      recruiter.sessionToken,
      await membershipId(await memberOf('viewer')),
      roleIds.viewer!,
    );
    expect(viewer.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', messageKey: 'members.aboveYou' });
    const adminId = await membershipId(admin);
    const demote = await changeRole(recruiter.sessionToken, adminId, roleIds.viewer!);
    expect(demote.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', messageKey: 'members.aboveYou' });
    const remove = await api.graphql(
      'mutation ($m: ID!) { removeMember(memberId: $m) }',
      { m: adminId },
      as(recruiter.sessionToken),
    );
    expect(remove.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', messageKey: 'members.aboveYou' });
  });

  it('refuses to create or widen a role beyond the caller’s own permissions', async () => {
    const created = await api.graphql(
      'mutation { createRole(input: { name: "Treasurer", permissions: [CONTACTS_READ, WALLET_TOPUP] }) { id } }',
      {},
      as(roleSmith.sessionToken),
    );
    expect(created.body.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'members.beyondOwnPermissions',
      params: { permissions: 'WALLET_TOPUP' },
    });
    const within = await api.graphql<{ createRole: { id: string } }>(
      'mutation { createRole(input: { name: "Reader", permissions: [CONTACTS_READ] }) { id } }',
      {},
      as(roleSmith.sessionToken),
    );
    const widened = await api.graphql(
      'mutation ($id: ID!) { updateRole(input: { roleId: $id, name: "Reader", permissions: [CONTACTS_READ, CAMPAIGNS_SEND] }) { id } }',
      { id: within.body.data!.createRole.id },
      as(roleSmith.sessionToken),
    );
    expect(widened.body.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      params: { permissions: 'CAMPAIGNS_SEND' },
    });
  });

  it('lets only an Owner grant or remove Owner: an Admin cannot, nor can any token, not even an Owner’s', async () => {
    const viewerId = await membershipId(await observer());
    const byAdmin = await changeRole(admin.sessionToken, viewerId, roleIds.owner!);
    expect(byAdmin.body.errors?.[0].extensions).toMatchObject({ messageKey: 'members.onlyOwnerGrantsOwner' });

    const em = api.running.orm.em.fork();
    const { token } = await createApiToken(em, owner, [Permission.MEMBERS_READ, Permission.MEMBERS_MANAGE]);
    const byToken = await changeRole(token, viewerId, roleIds.owner!);
    expect(byToken.body.errors?.[0].extensions).toMatchObject({ messageKey: 'members.onlyOwnerGrantsOwner' });
    // The token holds only two permissions, whatever its creator holds.
    const toAdmin = await changeRole(token, viewerId, roleIds.admin!);
    expect(toAdmin.body.errors?.[0].extensions).toMatchObject({ messageKey: 'members.beyondOwnPermissions' });

    const byOwner = await changeRole(owner.sessionToken, viewerId, roleIds.owner!);
    expect(byOwner.body.data).toEqual({ changeMemberRole: { role: { key: 'owner' } } });
  });

  it('lets a member grant what it does hold', async () => {
    const viewer = await memberOf('operator');
    const { body } = await changeRole(admin.sessionToken, await membershipId(viewer), roleIds.finance!);
    expect(body.data).toEqual({ changeMemberRole: { role: { key: 'finance' } } });
  });
});

describe('a workspace always keeps an Owner', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  it('leaves exactly one Owner when two Owners demote each other at the same instant, 50 times out of 50', async () => {
    const em = api.running.orm.em.fork();
    const viewerRole = await em.findOneOrFail(Role, { key: 'viewer', workspace: null });
    const outcomes: number[] = [];
    for (let round = 0; round < 50; round++) {
      const workspace = await createWorkspace(em);
      const [a, b] = [await createMember(em, workspace, 'owner'), await createMember(em, workspace, 'owner')];
      const ids = await Promise.all(
        [a, b].map(
          async (member) =>
            (
              await em
                .fork()
                .findOneOrFail(
                  Membership,
                  { user: member.user.id, workspace: workspace.id },
                  { filters: { workspace: false } },
                )
            ).id,
        ),
      );
      const demote = (by: TestMember, memberId: string) =>
        api.graphql(
          'mutation ($m: ID!, $r: ID!) { changeMemberRole(input: { memberId: $m, roleId: $r }) { id } }',
          { m: memberId, r: viewerRole.id },
          { authorization: `Bearer ${by.sessionToken}` },
        );
      const results = await Promise.all([demote(a, ids[1]!), demote(b, ids[0]!)]);
      const refused = results.filter((result) => result.body.errors);
      for (const result of refused) {
        // The loser is refused as the last Owner, or (if its request began after the other committed)
        // because it no longer holds the permission or the Owner role itself.
        expect(['members.lastOwner', 'members.onlyOwnerManagesOwner', 'members.aboveYou', 'auth.forbidden']).toContain(
          result.body.errors![0].extensions?.messageKey,
        );
      }
      const owners = await em
        .fork()
        .count(Membership, { workspace: workspace.id, role: { key: 'owner' } }, { filters: { workspace: false } });
      outcomes.push(owners);
    }
    expect(outcomes).toEqual(Array.from({ length: 50 }, () => 1));
  }, 120_000);
});

describe('API tokens are for workspace data, not the account', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await startTestApi();
    const em = api.running.orm.em.fork();
    const owner = await createMember(em, await createWorkspace(em), 'owner');
    token = (await createApiToken(em, owner, [Permission.MEMBERS_READ])).token;
  });
  afterAll(() => api.stop());

  it.each([
    ['mySessions', '{ mySessions { id } }'],
    ['changePassword', 'mutation { changePassword(input: { currentPassword: "x", newPassword: "y" }) }'],
    ['updateProfile', 'mutation { updateProfile(input: { name: "Robot", language: EN }) { id } }'],
    ['startTwoFactorSetup', 'mutation { startTwoFactorSetup { secret } }'],
    [
      'regenerateRecoveryCodes',
      'mutation { regenerateRecoveryCodes(input: { password: "x", code: "123456" }) { codes } }',
    ],
    ['logout', 'mutation { logout }'],
  ])('refuses %s to a token with a localized FORBIDDEN', async (_, query) => {
    const { body } = await api.graphql(query, {}, { authorization: `Bearer ${token}`, 'accept-language': 'id' });
    expect(body.errors?.[0]).toMatchObject({
      message: 'Hanya orang yang masuk yang dapat melakukan ini, bukan token API.',
      extensions: { code: 'FORBIDDEN', messageKey: 'auth.sessionOnly' },
    });
  });

  it('still lets the token read its workspace data and who it acts for', async () => {
    const { body } = await api.graphql('{ me { email } members { id } }', {}, { authorization: `Bearer ${token}` });
    expect(body.errors).toBeUndefined();
  });
});
