import { AuditLog, Membership, Role, type Workspace } from '../../src/modules/identity';
import { startTestApi, type TestApi } from '../support/api';
import { createApiToken, createMember, createWorkspace, PASSWORD, type TestMember } from '../support/identity';

/**
 * A lost password's way back without e-mail (issue 14, point 6): an Owner, for an account
 * whose every workspace it owns, or the platform operator issues a one-time link; using it
 * sets the new password and ends every session of that account. Nobody else can.
 */
describe('password-reset links', () => {
  let api: TestApi;
  let workspace: Workspace;
  let owner: TestMember;
  const NEW_PASSWORD = 'teh manis hangat 42';

  const as = (credential: string) => ({ authorization: `Bearer ${credential}` });
  const tokenOf = (url: string) => url.split('/').pop()!;

  beforeAll(async () => {
    api = await startTestApi();
    const em = api.running.orm.em.fork();
    workspace = await createWorkspace(em, 'Toko Pulih');
    owner = await createMember(em, workspace, 'owner');
  });
  afterAll(() => api.stop());

  const membershipId = async (member: TestMember) =>
    (
      await api.running.orm.em
        .fork()
        .findOneOrFail(Membership, { user: member.user }, { filters: { workspace: false } })
    ).id;

  async function issue(credential: string, member: TestMember) {
    return api.graphql<{ issuePasswordResetLink: { url: string; expiresAt: string } }>(
      'mutation ($m: ID!) { issuePasswordResetLink(memberId: $m) { url expiresAt } }',
      { m: await membershipId(member) },
      as(credential),
    );
  }

  const reset = (token: string, password = NEW_PASSWORD) =>
    api.graphql('mutation ($t: String!, $p: String!) { resetPassword(input: { token: $t, password: $p }) }', {
      t: token,
      p: password,
    });

  const login = async (email: string, password: string) =>
    (
      await api.graphql<{ login: { status: string } }>(
        'mutation ($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { status } }',
        { e: email, p: password },
      )
    ).body;

  it('resets a member’s password once and ends every one of its sessions', async () => {
    const em = api.running.orm.em.fork();
    const member = await createMember(em, workspace, 'operator');
    const script = await createApiToken(em, member, ['CONTACTS_READ' as never]);
    const issued = await issue(owner.sessionToken, member);
    const { url, expiresAt } = issued.body.data!.issuePasswordResetLink;
    expect(url).toMatch(/\/reset-password\/bzr_[\w-]{43}$/);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);

    const preview = await api.graphql('query ($t: String!) { passwordResetLink(token: $t) { email } }', {
      t: tokenOf(url),
    });
    expect(preview.body.data).toEqual({ passwordResetLink: { email: member.user.email } });

    const weak = await reset(tokenOf(url), 'qwerty123');
    expect(weak.body.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { password: expect.any(String) },
    });
    // Nothing changed yet: the old session still works.
    expect((await api.graphql('{ me { id } }', {}, as(member.sessionToken))).body.data).toBeDefined();

    expect((await reset(tokenOf(url))).body.data).toEqual({ resetPassword: true });
    const me = await api.graphql('{ me { id } }', {}, as(member.sessionToken));
    expect(me.body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    // The account's API tokens end too: whoever knew the old password may have made them.
    const scripted = await api.graphql('{ me { id } }', {}, as(script.token));
    expect(scripted.body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await login(member.user.email, PASSWORD)).errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await login(member.user.email, NEW_PASSWORD)).data).toEqual({ login: { status: 'SIGNED_IN' } });

    const again = await reset(tokenOf(url), 'another long passphrase 5');
    expect(again.body.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', messageKey: 'resetLinks.invalid' });

    const audit = await em
      .fork()
      .find(
        AuditLog,
        { workspace, target: member.user.email },
        { filters: { workspace: false }, orderBy: { createdAt: 'asc' } },
      );
    // Issued, used (recorded here, where the Owner issued it), then the old password tried and refused.
    expect(audit.map((entry) => entry.action)).toEqual([
      'member.resetLinkIssued',
      'auth.passwordReset',
      'auth.loginFailed',
    ]);
    expect(audit[1].details).toEqual({ issuedBy: owner.user.email, byOperator: false });
  });

  it('lets a link win exactly once when it is used many times at the same moment', async () => {
    for (let round = 0; round < 5; round += 1) {
      const member = await createMember(api.running.orm.em.fork(), workspace, 'viewer');
      const token = tokenOf((await issue(owner.sessionToken, member)).body.data!.issuePasswordResetLink.url);
      const passwords = Array.from({ length: 4 }, (_, i) => `racing passphrase number ${round}-${i}`);
      const results = await Promise.all(passwords.map((password) => reset(token, password)));
      const winners = passwords.filter((_, i) => results[i].body.data?.resetPassword);
      expect(winners).toHaveLength(1);
      expect((await login(member.user.email, winners[0])).data).toEqual({ login: { status: 'SIGNED_IN' } });
    }
  });

  it('replaces an earlier link with a newer one', async () => {
    const member = await createMember(api.running.orm.em.fork(), workspace, 'viewer');
    const first = tokenOf((await issue(owner.sessionToken, member)).body.data!.issuePasswordResetLink.url);
    const second = tokenOf((await issue(owner.sessionToken, member)).body.data!.issuePasswordResetLink.url);
    expect((await reset(first)).body.errors![0].extensions).toMatchObject({ messageKey: 'resetLinks.invalid' });
    expect((await reset(second)).body.data).toEqual({ resetPassword: true });
  });

  it('is refused to anyone but an Owner signed in with a session', async () => {
    const em = api.running.orm.em.fork();
    const admin = await createMember(em, workspace, 'admin');
    const target = await createMember(em, workspace, 'viewer');
    const byAdmin = await issue(admin.sessionToken, target);
    expect(byAdmin.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', messageKey: 'resetLinks.ownerOnly' });
    const ownerToken = await createApiToken(em, owner, ['MEMBERS_MANAGE' as never]);
    const byToken = await issue(ownerToken.token, target);
    expect(byToken.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', messageKey: 'resetLinks.ownerOnly' });
    const self = await issue(owner.sessionToken, owner);
    expect(self.body.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      messageKey: 'resetLinks.notYourself',
    });
  });

  it('never opens an account that also belongs to a workspace the Owner does not own', async () => {
    const em = api.running.orm.em.fork();
    const member = await createMember(em, workspace, 'operator');
    const elsewhere = await createWorkspace(em, 'Toko Tetangga');
    const viewerRole = await em.findOneOrFail(Role, { key: 'viewer', workspace: null });
    em.create(Membership, { user: member.user, workspace: elsewhere, role: viewerRole });
    await em.flush();
    const refused = await issue(owner.sessionToken, member);
    expect(refused.body.errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'resetLinks.accountBeyondWorkspace',
    });

    // Issued while the account was only here, used after it joined elsewhere: refused at use.
    const later = await createMember(em, workspace, 'operator');
    const token = tokenOf((await issue(owner.sessionToken, later)).body.data!.issuePasswordResetLink.url);
    em.create(Membership, { user: later.user, workspace: elsewhere, role: viewerRole });
    await em.flush();
    const used = await reset(token);
    expect(used.body.errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'resetLinks.accountBeyondWorkspace',
    });
    expect((await login(later.user.email, PASSWORD)).data).toEqual({ login: { status: 'SIGNED_IN' } });
  });

  it('cannot reach a member of another workspace', async () => {
    const em = api.running.orm.em.fork();
    const outsider = await createMember(em, await createWorkspace(em), 'viewer');
    const { body } = await issue(owner.sessionToken, outsider);
    expect(body.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets the platform operator issue one for any account', async () => {
    const em = api.running.orm.em.fork();
    const operator = await createMember(em, await createWorkspace(em, 'BizOne'), 'owner', { platformAdmin: true });
    const member = await createMember(em, await createWorkspace(em), 'owner');
    const issued = await api.graphql<{ issueAccountResetLink: { url: string } }>(
      'mutation ($e: String!) { issueAccountResetLink(email: $e) { url } }',
      { e: member.user.email.toUpperCase() },
      as(operator.sessionToken),
    );
    expect((await reset(tokenOf(issued.body.data!.issueAccountResetLink.url))).body.data).toEqual({
      resetPassword: true,
    });
    expect((await login(member.user.email, NEW_PASSWORD)).data).toEqual({ login: { status: 'SIGNED_IN' } });
    expect(
      await em
        .fork()
        .count(
          AuditLog,
          { action: 'admin.resetLinkIssued', target: member.user.email },
          { filters: { workspace: false } },
        ),
    ).toBe(1);
  });

  it('refuses anything that is not one of its links without a server error', async () => {
    for (const token of [`bzi_${'a'.repeat(43)}`, `bzr_${'a'.repeat(43)}`, 'x'.repeat(150), 'bzr_not-a-link']) {
      const { body } = await reset(token);
      expect(body.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', messageKey: 'resetLinks.invalid' });
    }
    const tooShort = await reset('bzr_');
    expect(tooShort.body.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { token: expect.any(String) },
    });
  });
});
