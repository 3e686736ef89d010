import { Client } from 'pg';
import { Permission } from '../../src/modules/identity';
import { startTestApi, type TestApi } from '../support/api';
import { createApiToken, createMember, createWorkspace, type TestMember } from '../support/identity';

describe('one workspace cannot read or change another’s identity data', () => {
  let api: TestApi;
  let acme: TestMember;
  let globex: TestMember;
  let acmeIds: { member: string; role: string; token: string };

  const as = (member: TestMember) => ({ authorization: `Bearer ${member.sessionToken}` });

  beforeAll(async () => {
    api = await startTestApi();
    const em = api.running.orm.em.fork();
    acme = await createMember(em, await createWorkspace(em, 'Acme'), 'owner');
    globex = await createMember(em, await createWorkspace(em, 'Globex'), 'owner');
    const staff = await createMember(em, acme.workspace, 'operator');
    const role = await api.graphql<{ createRole: { id: string } }>(
      'mutation { createRole(input: { name: "Gudang", permissions: [CONTACTS_READ] }) { id } }',
      {},
      as(acme),
    );
    const { apiToken } = await createApiToken(em, acme, [Permission.MEMBERS_READ]);
    const members = await api.graphql<{ members: { id: string; user: { id: string } }[] }>(
      '{ members { id user { id } } }',
      {},
      as(acme),
    );
    acmeIds = {
      member: members.body.data!.members.find((member) => member.user.id === staff.user.id)!.id,
      role: role.body.data!.createRole.id,
      token: apiToken.id,
    };
  });
  afterAll(() => api.stop());

  async function snapshot() {
    const client = new Client({ connectionString: api.database.url });
    await client.connect();
    const rows = await Promise.all(
      ['membership', 'role', 'api_token'].map((table) => client.query(`select * from "${table}" order by id`)),
    );
    await client.end();
    return rows.map((result) => result.rows);
  }

  it('lists only its own members, roles and tokens', async () => {
    const { body } = await api.graphql<{
      members: { user: { id: string } }[];
      roles: { name: string }[];
      apiTokens: { id: string }[];
    }>('{ members { user { id } } roles { name } apiTokens { id } }', {}, as(globex));
    expect(body.data!.members.map((member) => member.user.id)).toEqual([globex.user.id]);
    expect(body.data!.roles.map((role) => role.name)).not.toContain('Gudang');
    expect(body.data!.apiTokens).toEqual([]);
  });

  it.each([
    ['removeMember', 'mutation ($id: ID!) { removeMember(memberId: $id) }', 'member'],
    [
      'changeMemberRole',
      'mutation ($id: ID!, $role: ID!) { changeMemberRole(input: { memberId: $id, roleId: $role }) { id } }',
      'member',
    ],
    [
      'updateRole',
      'mutation ($id: ID!) { updateRole(input: { roleId: $id, name: "Hacked", permissions: [WORKSPACE_MANAGE] }) { id } }',
      'role',
    ],
    ['deleteRole', 'mutation ($id: ID!) { deleteRole(roleId: $id) }', 'role'],
    ['revokeApiToken', 'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }', 'token'],
  ] as const)('%s with another workspace’s id is NOT_FOUND and changes nothing', async (_name, mutation, kind) => {
    const before = await snapshot();
    const globexRoles = await api.graphql<{ roles: { id: string; key: string }[] }>(
      '{ roles { id key } }',
      {},
      as(globex),
    );
    const viewer = globexRoles.body.data!.roles.find((role) => role.key === 'viewer')!.id;
    const { body } = await api.graphql(mutation, { id: acmeIds[kind], role: viewer }, as(globex));
    expect(body.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });

  it('cannot give its members a role from another workspace', async () => {
    const members = await api.graphql<{ members: { id: string }[] }>('{ members { id } }', {}, as(globex));
    const { body } = await api.graphql(
      'mutation ($id: ID!, $role: ID!) { changeMemberRole(input: { memberId: $id, roleId: $role }) { id } }',
      { id: members.body.data!.members[0].id, role: acmeIds.role },
      as(globex),
    );
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'roles.unknown' });
  });

  it('reads only its own audit log', async () => {
    const { body } = await api.graphql<{ auditLog: { items: { action: string; target: string | null }[] } }>(
      '{ auditLog { items { action target } } }',
      {},
      as(globex),
    );
    expect(body.data!.auditLog.items.map((item) => item.target)).not.toContain('Gudang');
  });
});
