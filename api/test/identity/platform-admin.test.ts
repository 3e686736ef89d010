import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace } from '../support/identity';

describe('the platform operator', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  it('sees every workspace and opens a new one whose first Owner joins through a one-time invitation', async () => {
    const em = api.running.orm.em.fork();
    const operator = await createMember(em, await createWorkspace(em, 'BizOne'), 'owner', { platformAdmin: true });
    await createMember(em, await createWorkspace(em, 'Toko Lain'), 'owner');
    const auth = { authorization: `Bearer ${operator.sessionToken}` };

    const created = await api.graphql<{
      createWorkspace: { workspace: { id: string; name: string }; ownerInvitationUrl: string };
    }>(
      'mutation { createWorkspace(input: { name: "Warung Sejahtera", ownerEmail: "Budi@Warung.co.id" }) { workspace { id name } ownerInvitationUrl } }',
      {},
      auth,
    );
    const { workspace, ownerInvitationUrl } = created.body.data!.createWorkspace;
    expect(workspace.name).toBe('Warung Sejahtera');
    expect(ownerInvitationUrl).toMatch(/\/invite\/bzi_[\w-]{43}$/);

    const memberCounts = async () =>
      (
        await api.graphql<{ allWorkspaces: { workspace: { name: string }; memberCount: number }[] }>(
          '{ allWorkspaces { workspace { name } memberCount } }',
          {},
          auth,
        )
      ).body.data!.allWorkspaces;
    expect(await memberCounts()).toEqual(
      expect.arrayContaining([
        { workspace: { name: 'Toko Lain' }, memberCount: 1 },
        { workspace: { name: 'Warung Sejahtera' }, memberCount: 0 },
      ]),
    );

    const accepted = await api.graphql<{ acceptInvitationWithNewAccount: { sessionToken: string } }>(
      'mutation ($t: String!) { acceptInvitationWithNewAccount(input: { token: $t, name: "Budi", password: "kopi susu gula aren 7" }) { sessionToken } }',
      { t: ownerInvitationUrl.split('/').pop() },
    );
    const me = await api.graphql<{ me: { email: string; workspace: { name: string }; role: { key: string } } }>(
      '{ me { email workspace { name } role { key } } }',
      {},
      { authorization: `Bearer ${accepted.body.data!.acceptInvitationWithNewAccount.sessionToken}` },
    );
    expect(me.body.data!.me).toEqual({
      email: 'budi@warung.co.id',
      workspace: { name: 'Warung Sejahtera' },
      role: { key: 'owner' },
    });
    expect(await memberCounts()).toEqual(
      expect.arrayContaining([{ workspace: { name: 'Warung Sejahtera' }, memberCount: 1 }]),
    );
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
