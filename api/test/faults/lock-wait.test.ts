import { Client } from 'pg';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, type TestMember } from '../support/identity';

/** Issue 15, point 3: a request blocked on a row lock answers within the lock timeout, cleanly. */
describe('a query blocked on a lock', () => {
  let api: TestApi;
  let member: TestMember;

  beforeAll(async () => {
    api = await startTestApi({ env: { DATABASE_LOCK_TIMEOUT_MS: '300', DATABASE_STATEMENT_TIMEOUT_MS: '2000' } });
    const em = api.running.orm.em.fork();
    member = await createMember(em, await createWorkspace(em), 'owner');
  });
  afterAll(() => api.stop());

  it('gives up after the lock timeout with a translated CONFLICT, and the pool is free again', async () => {
    const holder = new Client({ connectionString: api.database.url });
    await holder.connect();
    await holder.query('begin');
    await holder.query('select id from "user" where id = $1 for update', [member.user.id]);
    try {
      const started = Date.now();
      const { body } = await api.graphql(
        'mutation { updateProfile(input: { name: "Siti Rahayu", language: ID }) { name } }',
        {},
        { authorization: `Bearer ${member.sessionToken}`, 'accept-language': 'id' },
      );
      expect(Date.now() - started).toBeLessThan(2000);
      expect(body.errors?.[0]).toMatchObject({
        message: 'Orang lain sedang mengubah data ini. Silakan coba lagi.',
        extensions: { code: 'CONFLICT', messageKey: 'errors.busy' },
      });
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
    const retried = await api.graphql(
      'mutation { updateProfile(input: { name: "Siti Rahayu", language: ID }) { name } }',
      {},
      { authorization: `Bearer ${member.sessionToken}` },
    );
    expect(retried.body.data).toEqual({ updateProfile: { name: 'Siti Rahayu' } });
  });
});
