import { AuditLog } from '../../src/modules/identity';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace } from '../support/identity';

const ME = '{ me { workspace { timeZone } } }';
const SET = 'mutation ($tz: WorkspaceTimeZone!) { updateWorkspaceTimeZone(timeZone: $tz) { id timeZone } }';

describe('the workspace time zone', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  it('is WIB for a new workspace, and an Owner changes it to WITA, audited with what it was', async () => {
    const em = api.running.orm.em.fork();
    const owner = await createMember(em, await createWorkspace(em), 'owner');
    const before = await api.graphql<{ me: { workspace: { timeZone: string } } }>(ME, {}, as(owner.sessionToken));
    expect(before.body.data!.me.workspace.timeZone).toBe('ASIA_JAKARTA');

    const changed = await api.graphql<{ updateWorkspaceTimeZone: { id: string; timeZone: string } }>(
      SET,
      { tz: 'ASIA_MAKASSAR' },
      as(owner.sessionToken),
    );
    expect(changed.body.data!.updateWorkspaceTimeZone).toEqual({ id: owner.workspace.id, timeZone: 'ASIA_MAKASSAR' });
    const after = await api.graphql<{ me: { workspace: { timeZone: string } } }>(ME, {}, as(owner.sessionToken));
    expect(after.body.data!.me.workspace.timeZone).toBe('ASIA_MAKASSAR');

    const entries = await api.running.orm.em
      .fork()
      .find(
        AuditLog,
        { workspace: owner.workspace.id, action: 'workspace.timeZoneChanged' },
        { populate: ['actor'], filters: { workspace: false } },
      );
    expect(entries.map((entry) => ({ actor: entry.actor?.id, details: entry.details }))).toEqual([
      { actor: owner.user.id, details: { from: 'Asia/Jakarta', to: 'Asia/Makassar' } },
    ]);
  });

  it("changes only the caller's workspace, and setting the same zone again records nothing", async () => {
    const em = api.running.orm.em.fork();
    const owner = await createMember(em, await createWorkspace(em), 'owner');
    const neighbour = await createMember(em, await createWorkspace(em), 'owner');
    await api.graphql(SET, { tz: 'ASIA_JAYAPURA' }, as(owner.sessionToken));
    await api.graphql(SET, { tz: 'ASIA_JAYAPURA' }, as(owner.sessionToken));
    const theirs = await api.graphql<{ me: { workspace: { timeZone: string } } }>(ME, {}, as(neighbour.sessionToken));
    expect(theirs.body.data!.me.workspace.timeZone).toBe('ASIA_JAKARTA');
    const count = await api.running.orm.em
      .fork()
      .count(
        AuditLog,
        { workspace: owner.workspace.id, action: 'workspace.timeZoneChanged' },
        { filters: { workspace: false } },
      );
    expect(count).toBe(1);
  });

  it("refuses a zone outside Indonesia's three with BAD_USER_INPUT, and a Viewer with FORBIDDEN, changing nothing", async () => {
    const em = api.running.orm.em.fork();
    const workspace = await createWorkspace(em);
    const owner = await createMember(em, workspace, 'owner');
    const viewer = await createMember(em, workspace, 'viewer');

    const foreign = await api.graphql(SET, { tz: 'EUROPE_LONDON' }, as(owner.sessionToken));
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const refused = await api.graphql(
      SET,
      { tz: 'ASIA_JAYAPURA' },
      { ...as(viewer.sessionToken), 'accept-language': 'id' },
    );
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', messageKey: 'auth.forbidden' });

    const now = await api.graphql<{ me: { workspace: { timeZone: string } } }>(ME, {}, as(owner.sessionToken));
    expect(now.body.data!.me.workspace.timeZone).toBe('ASIA_JAKARTA');
  });

  it('keeps the list in the database too: a value outside it is refused by the check constraint', async () => {
    const em = api.running.orm.em.fork();
    const workspace = await createWorkspace(em);
    await expect(
      em.getConnection().execute(`update "workspace" set "time_zone" = 'Europe/London' where id = ?`, [workspace.id]),
    ).rejects.toThrow(/workspace_time_zone_check/);
  });
});
