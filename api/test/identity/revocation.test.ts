import { startTestApi, type TestApi } from '../support/api';
import { createApiToken, createMember, createWorkspace } from '../support/identity';
import { Permission } from '../../src/modules/identity';

describe('revocation takes effect on the next request', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  const asBearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('a revoked session is refused on its very next request, and so is a logged-out one', async () => {
    const em = api.running.orm.em.fork();
    const member = await createMember(em, await createWorkspace(em), 'admin');
    const { createSession } = await import('../support/identity');
    const other = await createSession(em, member.user, member.workspace);

    const sessions = await api.graphql<{ mySessions: { id: string; current: boolean }[] }>(
      '{ mySessions { id current } }',
      {},
      asBearer(member.sessionToken),
    );
    expect(sessions.body.data!.mySessions).toHaveLength(2);
    expect(sessions.body.data!.mySessions.filter((session) => session.current)).toEqual([
      { id: member.sessionId, current: true },
    ]);

    expect((await api.graphql('{ me { id } }', {}, asBearer(other.token))).body.errors).toBeUndefined();
    await api.graphql(
      'mutation ($id: ID!) { revokeSession(id: $id) }',
      { id: other.session.id },
      asBearer(member.sessionToken),
    );
    const refused = await api.graphql('{ me { id } }', {}, asBearer(other.token));
    expect(refused.body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });

    await api.graphql('mutation { logout }', {}, asBearer(member.sessionToken));
    expect(
      (await api.graphql('{ me { id } }', {}, asBearer(member.sessionToken))).body.errors![0].extensions!.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('a revoked API token outlives its revocation by zero requests', async () => {
    const em = api.running.orm.em.fork();
    const owner = await createMember(em, await createWorkspace(em), 'owner');
    const { token, apiToken } = await createApiToken(em, owner, [Permission.MEMBERS_READ]);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => api.graphql('{ members { id } }', {}, asBearer(token))),
    );
    expect(results.every((result) => result.body.errors === undefined)).toBe(true);
    await api.graphql(
      'mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }',
      { id: apiToken.id },
      asBearer(owner.sessionToken),
    );
    const after = await api.graphql('{ members { id } }', {}, asBearer(token));
    expect(after.body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('a token loses what its creator loses: removing the creator kills it', async () => {
    const em = api.running.orm.em.fork();
    const workspace = await createWorkspace(em);
    const owner = await createMember(em, workspace, 'owner');
    const admin = await createMember(em, workspace, 'admin');
    const { token } = await createApiToken(em, admin, [Permission.MEMBERS_READ]);
    expect((await api.graphql('{ members { id } }', {}, asBearer(token))).body.errors).toBeUndefined();
    const members = await api.graphql<{ members: { id: string; user: { id: string } }[] }>(
      '{ members { id user { id } } }',
      {},
      asBearer(owner.sessionToken),
    );
    const adminMembership = members.body.data!.members.find((member) => member.user.id === admin.user.id)!;
    await api.graphql(
      'mutation ($id: ID!) { removeMember(memberId: $id) }',
      { id: adminMembership.id },
      asBearer(owner.sessionToken),
    );
    expect((await api.graphql('{ members { id } }', {}, asBearer(token))).body.errors![0].extensions!.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('changing the password ends every other session', async () => {
    const em = api.running.orm.em.fork();
    const member = await createMember(em, await createWorkspace(em), 'viewer');
    const { createSession } = await import('../support/identity');
    const laptop = await createSession(em, member.user, member.workspace);
    const changed = await api.graphql(
      'mutation { changePassword(input: { currentPassword: "correct horse battery", newPassword: "another long passphrase" }) }',
      {},
      asBearer(member.sessionToken),
    );
    expect(changed.body.errors).toBeUndefined();
    expect((await api.graphql('{ me { id } }', {}, asBearer(member.sessionToken))).body.errors).toBeUndefined();
    expect((await api.graphql('{ me { id } }', {}, asBearer(laptop.token))).body.errors![0].extensions!.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('CSRF: the session cookie cannot be ridden by another site', () => {
  let api: TestApi;
  let cookie: string;

  beforeAll(async () => {
    api = await startTestApi();
    const em = api.running.orm.em.fork();
    const member = await createMember(em, await createWorkspace(em), 'owner');
    cookie = `bz_session=${member.sessionToken}`;
  });
  afterAll(() => api.stop());

  it('accepts the cookie on a JSON request (what the dashboard sends)', async () => {
    const { body } = await api.graphql<{ me: { email: string } }>('{ me { email } }', {}, { cookie });
    expect(body.data!.me.email).toContain('@');
  });

  it('refuses a form-style POST carrying the cookie (what a cross-site form can send)', async () => {
    const response = await fetch(`${api.url}/api/graphql`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=mutation%20%7B%20logout%20%7D',
    });
    expect(response.status).toBe(400);
    const check = await api.graphql('{ me { id } }', {}, { cookie });
    expect(check.body.errors).toBeUndefined();
  });

  it('refuses a GET carrying the cookie (what an <img> or link can send)', async () => {
    const response = await fetch(`${api.url}/api/graphql?query=${encodeURIComponent('mutation { logout }')}`, {
      headers: { cookie },
    });
    expect(response.status).toBe(400);
    expect((await api.graphql('{ me { id } }', {}, { cookie })).body.errors).toBeUndefined();
  });
});
