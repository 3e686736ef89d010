import { startTestApi, type TestApi } from './support/api';
import { createMember, createWorkspace, type TestMember } from './support/identity';

/** Issue 14, point 7: rules every argument obeys, checked once for all of them. */
describe('input hygiene', () => {
  let api: TestApi;
  let owner: TestMember;

  beforeAll(async () => {
    api = await startTestApi();
    const em = api.running.orm.em.fork();
    owner = await createMember(em, await createWorkspace(em), 'owner');
  });
  afterAll(() => api.stop());

  const call = (query: string, variables: Record<string, unknown> = {}) =>
    api.graphql(query, variables, { authorization: `Bearer ${owner.sessionToken}` });

  it('answers a malformed id in any ID argument with BAD_USER_INPUT naming the field, not a 500', async () => {
    for (const [query, variables, field] of [
      ['mutation ($m: ID!) { removeMember(memberId: $m) }', { m: 'not-a-uuid' }, 'memberId'],
      ['mutation { revokeSession(id: "12345") }', {}, 'id'],
      [
        'mutation ($i: ChangeMemberRoleInput!) { changeMemberRole(input: $i) { id } }',
        { i: { memberId: "1' or '1'='1", roleId: 'x' } },
        'input.memberId',
      ],
      ['query ($a: ID) { notifications(after: $a) { unreadCount } }', { a: 'zzz' }, 'after'],
      ['mutation { markNotificationsRead(ids: ["00000000-0000-0000-0000-000000000000", "nope"]) }', {}, 'ids'],
    ] as const) {
      const { status, body } = await call(query, variables);
      expect({ query, status, extensions: body.errors?.[0].extensions }).toMatchObject({
        query,
        status: 400,
        extensions: { code: 'BAD_USER_INPUT', fields: { [field]: 'validation.isUuid' } },
      });
    }
  });

  it('answers a NUL byte in any string input with BAD_USER_INPUT naming the field', async () => {
    const { status, body } = await call('mutation ($i: UpdateProfileInput!) { updateProfile(input: $i) { id } }', {
      i: { name: 'Siti\u0000Rahayu', language: 'ID' },
    });
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions).toMatchObject({ fields: { 'input.name': 'validation.nulByte' } });
    const login = await api.graphql('mutation { login(input: { email: "a\\u0000@b.id", password: "x" }) { status } }');
    expect(login.body.errors?.[0].extensions).toMatchObject({ fields: { 'input.email': 'validation.nulByte' } });
  });

  it('answers a malformed page cursor with BAD_USER_INPUT instead of silently restarting', async () => {
    const { body } = await call('{ auditLog(cursor: "bm90IGEgY3Vyc29y") { items { id } } }');
    expect(body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { cursor: 'validation.cursor' },
    });
  });

  it('trims names before counting: a name of spaces is refused', async () => {
    const { body } = await call(
      'mutation { createRole(input: { name: "     ", permissions: [CONTACTS_READ] }) { id } }',
    );
    expect(body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { name: 'validation.isLength' },
      fieldParams: { name: { min: 2, max: 60 } },
    });
  });

  it('refuses a guessable new password, and says so in the reader’s language', async () => {
    const { body } = await api.graphql(
      'mutation { changePassword(input: { currentPassword: "correct horse battery", newPassword: "password123" }) }',
      {},
      { authorization: `Bearer ${owner.sessionToken}`, 'accept-language': 'id' },
    );
    expect(body.errors?.[0].extensions).toMatchObject({ fields: { newPassword: 'auth.passwordTooGuessable' } });
    expect(body.errors?.[0].message).toMatch(/lebih sulit ditebak/);
  });
});
