import { Entity, ManyToOne, MikroORM, Property } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { BaseEntity, CrossWorkspace, WORKSPACE_FILTER, WorkspaceEntity, workspaceEm } from '../src/db/base.entity';
import { createOrm } from '../src/db/orm';
import { unscopedTenantEntities } from '../src/db/scoping';
import { appSchema } from '../src/modules';
import { Workspace } from '../src/modules/identity';
import { createTestDatabase, type TestDatabase } from './support/database';

/** A tenant-owned entity that exists only in this test, to prove the mechanism every module uses. */
@Entity({ tableName: 'test_note' })
class Note extends WorkspaceEntity {
  @Property()
  text!: string;
}

/** What a tenant entity looks like when someone forgets the scoping. */
@Entity({ tableName: 'test_forgotten' })
class Forgotten extends BaseEntity {
  @ManyToOne(() => Workspace)
  workspace!: Workspace;
}

/** A deliberate exception, with its reason. */
@Entity({ tableName: 'test_shared' })
@CrossWorkspace('shared by several workspaces in this test')
class Shared extends BaseEntity {
  @ManyToOne(() => Workspace)
  workspace!: Workspace;
}

describe('workspace scoping', () => {
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
    const schema = appSchema();
    orm = await createOrm({ url: database.url, poolMax: 4, ...schema, entities: [...schema.entities, Note] });
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

  it('shows a workspace only its own rows', async () => {
    expect((await workspaceEm(orm.em, acme.id).find(Note, {})).map((note) => note.text)).toEqual(['acme secret']);
    expect((await workspaceEm(orm.em, globex.id).find(Note, {})).map((note) => note.text)).toEqual(['globex secret']);
  });

  it('finds nothing when asked for another workspace’s row by id', async () => {
    const globexNote = await workspaceEm(orm.em, globex.id).findOneOrFail(Note, { text: 'globex secret' });
    expect(await workspaceEm(orm.em, acme.id).findOne(Note, { id: globexNote.id })).toBeNull();
    expect(await workspaceEm(orm.em, acme.id).count(Note, { workspace: globex })).toBe(0);
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

  it('holds for every entity of every module: scoped, or exempt with a reason', async () => {
    expect(unscopedTenantEntities(orm.getMetadata())).toEqual([]);
    // The identity tables a workspace owns (written by hand, not read from the code).
    const scoped = ['Membership', 'ApiToken'].filter((name) => orm.getMetadata().find(name)?.filters[WORKSPACE_FILTER]);
    expect(scoped).toEqual(['Membership', 'ApiToken']);
  });

  it('refuses to start an ORM with a tenant entity that forgot its scoping, naming it', async () => {
    const schema = appSchema();
    await expect(
      createOrm({ url: database.url, poolMax: 1, ...schema, entities: [...schema.entities, Forgotten, Shared] }),
    ).rejects.toThrow(/^Forgotten: reference a workspace but are not scoped/);
    // The declared exception alone starts.
    const exempt = await createOrm({
      url: database.url,
      poolMax: 1,
      ...schema,
      entities: [...schema.entities, Shared],
    });
    await exempt.close(true);
  });
});
