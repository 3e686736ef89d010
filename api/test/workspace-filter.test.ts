import { Entity, ManyToOne, MikroORM, Property } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { BaseEntity, WORKSPACE_FILTER, WorkspaceScoped } from '../src/db/base.entity';
import { ormOptions } from '../src/db/orm';
import { Workspace } from '../src/modules/identity';
import { createTestDatabase, type TestDatabase } from './support/database';

/** A tenant-owned entity that exists only in this test, to prove the mechanism every module uses. */
@Entity({ tableName: 'test_note' })
@WorkspaceScoped()
class Note extends BaseEntity {
  @ManyToOne(() => Workspace)
  workspace!: Workspace;

  @Property()
  text!: string;
}

describe('the workspace filter', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let acme: Workspace;
  let globex: Workspace;

  beforeAll(async () => {
    database = await createTestDatabase();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query(`create table test_note (id uuid primary key, created_at timestamptz not null,
      updated_at timestamptz not null, workspace_id uuid not null references workspace(id), text text not null)`);
    await client.end();
    const options = ormOptions({ url: database.url, poolMax: 4 });
    orm = await MikroORM.init({ ...options, entities: [...(options.entities ?? []), Note] });
    const em = orm.em.fork();
    acme = em.create(Workspace, { name: 'Acme', slug: 'acme' });
    globex = em.create(Workspace, { name: 'Globex', slug: 'globex' });
    em.create(Note, { workspace: acme, text: 'acme secret' });
    em.create(Note, { workspace: globex, text: 'globex secret' });
    await em.flush();
  });

  afterAll(async () => {
    await orm.close(true);
    await database.drop();
  });

  function emFor(workspace: Workspace) {
    const em = orm.em.fork();
    em.setFilterParams(WORKSPACE_FILTER, { workspaceId: workspace.id });
    return em;
  }

  it('shows a workspace only its own rows', async () => {
    expect((await emFor(acme).find(Note, {})).map((note) => note.text)).toEqual(['acme secret']);
    expect((await emFor(globex).find(Note, {})).map((note) => note.text)).toEqual(['globex secret']);
  });

  it('finds nothing when asked for another workspace’s row by id', async () => {
    const globexNote = await emFor(globex).findOneOrFail(Note, { text: 'globex secret' });
    expect(await emFor(acme).findOne(Note, { id: globexNote.id })).toBeNull();
    expect(await emFor(acme).count(Note, { workspace: globex })).toBe(0);
  });

  it('fails closed when no workspace was set, instead of returning every tenant', async () => {
    await expect(orm.em.fork().find(Note, {})).rejects.toThrow(/No arguments provided for filter 'workspace'/);
  });

  it('crosses workspaces only when the caller says so explicitly', async () => {
    const all = await orm.em
      .fork()
      .find(Note, {}, { filters: { [WORKSPACE_FILTER]: false }, orderBy: { text: 'asc' } });
    expect(all.map((note) => note.text)).toEqual(['acme secret', 'globex secret']);
  });
});
