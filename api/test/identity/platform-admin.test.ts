import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace } from '../support/identity';

describe('the platform operator', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  it('sees every workspace and opens a new one with its first Owner, who must set a password', async () => {
    const em = api.running.orm.em.fork();
    const operator = await createMember(em, await createWorkspace(em, 'BizOne'), 'owner', { platformAdmin: true });
    await createMember(em, await createWorkspace(em, 'Toko Lain'), 'owner');
    const auth = { authorization: `Bearer ${operator.sessionToken}` };

    const created = await api.graphql<{
      createWorkspace: { workspace: { id: string; name: string }; temporaryPassword: string };
    }>(
      'mutation { createWorkspace(input: { name: "Warung Sejahtera", ownerEmail: "Budi@Warung.co.id", ownerName: "Budi" }) { workspace { id name } temporaryPassword } }',
      {},
      auth,
    );
    const { workspace, temporaryPassword } = created.body.data!.createWorkspace;
    expect(workspace.name).toBe('Warung Sejahtera');

    const listed = await api.graphql<{ allWorkspaces: { workspace: { name: string }; memberCount: number }[] }>(
      '{ allWorkspaces { workspace { name } memberCount } }',
      {},
      auth,
    );
    expect(listed.body.data!.allWorkspaces).toEqual(
      expect.arrayContaining([
        { workspace: { name: 'Toko Lain' }, memberCount: 1 },
        { workspace: { name: 'Warung Sejahtera' }, memberCount: 1 },
      ]),
    );

    const login = await api.graphql<{ login: { sessionToken: string; mustChangePassword: boolean } }>(
      'mutation ($p: String!) { login(input: { email: "budi@warung.co.id", password: $p }) { sessionToken mustChangePassword } }',
      { p: temporaryPassword },
    );
    expect(login.body.data!.login.mustChangePassword).toBe(true);
  });

  it('is the only one who can: an Owner of a workspace is refused', async () => {
    const em = api.running.orm.em.fork();
    const owner = await createMember(em, await createWorkspace(em), 'owner');
    const { body } = await api.graphql(
      '{ allWorkspaces { memberCount } }',
      {},
      { authorization: `Bearer ${owner.sessionToken}` },
    );
    expect(body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', messageKey: 'auth.forbidden' });
  });
});
