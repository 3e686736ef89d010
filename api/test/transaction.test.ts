import { Entity, Property, type MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { isAppError } from '../src/core/app-error';
import { rupiah, type Rupiah } from '../src/core/money';
import { BaseEntity } from '../src/db/base.entity';
import { createOrm } from '../src/db/orm';
import { query, statement } from '../src/db/sql';
import { inTransaction } from '../src/db/transaction';
import { RupiahType } from '../src/db/types/rupiah.type';
import { appSchema } from '../src/modules';
import { createTestDatabase, type TestDatabase } from './support/database';

/** Test-only tables: a counter to fight over, and a money column. */
@Entity({ tableName: 'test_counter' })
class Counter extends BaseEntity {
  @Property()
  value!: number;
}

@Entity({ tableName: 'test_purse' })
class Purse extends BaseEntity {
  @Property({ type: RupiahType })
  balance!: Rupiah;
}

const COUNTER_VALUE = statement<{ value: number }>(
  'test.counter-value',
  'select value from test_counter where id = $1',
);
const COUNTER_LOCK = statement<{ value: number }>(
  'test.counter-lock',
  'select value from test_counter where id = $1 for update',
);
const COUNTER_BUMP = statement('test.counter-bump', 'update test_counter set value = value + 1 where id = $1');

let database: TestDatabase;
let orm: MikroORM;

beforeAll(async () => {
  database = await createTestDatabase();
  const client = new Client({ connectionString: database.url });
  await client.connect();
  await client.query(`create table test_counter (id uuid primary key, created_at timestamptz not null,
    updated_at timestamptz not null, value integer not null)`);
  await client.query(`create table test_purse (id uuid primary key, created_at timestamptz not null,
    updated_at timestamptz not null, balance bigint not null)`);
  await client.end();
  const schema = appSchema();
  orm = await createOrm({
    url: database.url,
    poolMax: 10,
    ...schema,
    entities: [...schema.entities, Counter, Purse],
  });
});

afterAll(async () => {
  await orm.close(true);
  await database.drop();
});

describe('the transaction helper', () => {
  async function newCounter(): Promise<string> {
    const em = orm.em.fork();
    const counter = em.create(Counter, { value: 0 });
    await em.flush();
    return counter.id;
  }

  it('runs named SQL on the transaction’s own connection: it sees the uncommitted ORM write', async () => {
    const em = orm.em.fork();
    const seen = await inTransaction(em, {}, async (tx) => {
      const counter = tx.create(Counter, { value: 41 });
      await tx.flush();
      const [inside] = await query(tx, COUNTER_VALUE, [counter.id]);
      // Another connection cannot see it before the commit.
      const other = new Client({ connectionString: database.url });
      await other.connect();
      const outside = await other.query('select value from test_counter where id = $1', [counter.id]);
      await other.end();
      return { inside: inside?.value, outside: outside.rows[0], id: counter.id };
    });
    expect(seen.inside).toBe(41);
    expect(seen.outside).toBeUndefined();
    expect((await query(orm.em, COUNTER_VALUE, [seen.id]))[0]?.value).toBe(41);
  });

  it('rolls back the ORM’s and the SQL’s writes together when the work throws', async () => {
    const id = await newCounter();
    await expect(
      inTransaction(orm.em.fork(), {}, async (tx) => {
        await query(tx, COUNTER_BUMP, [id]);
        const counter = await tx.findOneOrFail(Counter, id);
        counter.value += 10;
        await tx.flush();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await query(orm.em, COUNTER_VALUE, [id]))[0]?.value).toBe(0);
  });

  it('serializes 20 concurrent read-modify-writes under a row lock: none is lost', async () => {
    const id = await newCounter();
    await Promise.all(
      Array.from({ length: 20 }, () =>
        inTransaction(orm.em.fork(), {}, async (tx) => {
          const [row] = await query(tx, COUNTER_LOCK, [id]);
          const counter = await tx.findOneOrFail(Counter, id);
          counter.value = row!.value + 1;
          await tx.flush();
        }),
      ),
    );
    expect((await query(orm.em, COUNTER_VALUE, [id]))[0]?.value).toBe(20);
  });

  it('retries serialization failures when asked, so concurrent SERIALIZABLE increments all land', async () => {
    const id = await newCounter();
    const increment = (retries: number) =>
      inTransaction(orm.em.fork(), { serializable: true, retryOnSerialization: retries }, async (tx) => {
        const counter = await tx.findOneOrFail(Counter, id);
        counter.value += 1;
        await tx.flush();
      });
    await Promise.all(Array.from({ length: 8 }, () => increment(50)));
    expect((await query(orm.em, COUNTER_VALUE, [id]))[0]?.value).toBe(8);

    // Without retries, the losers get a clean, translated CONFLICT rather than a driver error.
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => increment(0)));
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const outcome of refused) {
      const reason = (outcome as PromiseRejectedResult).reason;
      expect(isAppError(reason) && reason.code === 'CONFLICT' && reason.messageKey === 'errors.busy').toBe(true);
    }
  });

  it('gives up on a row lock after lockTimeout with CONFLICT, instead of waiting forever', async () => {
    const id = await newCounter();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = inTransaction(orm.em.fork(), {}, async (tx) => {
      await query(tx, COUNTER_LOCK, [id]);
      locked();
      await held;
    });
    await isLocked;
    await expect(
      inTransaction(orm.em.fork(), { lockTimeoutMs: 100 }, (tx) => query(tx, COUNTER_LOCK, [id])),
    ).rejects.toMatchObject({ code: 'CONFLICT', messageKey: 'errors.busy' });
    release();
    await holder;
  });

  it('joins an enclosing transaction instead of opening a second one', async () => {
    const id = await newCounter();
    await expect(
      inTransaction(orm.em.fork(), {}, async (outer) => {
        await inTransaction(outer, {}, (inner) => query(inner, COUNTER_BUMP, [id]));
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    expect((await query(orm.em, COUNTER_VALUE, [id]))[0]?.value).toBe(0);
  });
});

describe('the Rupiah column type', () => {
  it('stores whole rupiah as bigint and reads them back as Rupiah, exact beyond 2^53', async () => {
    const em = orm.em.fork();
    const big = em.create(Purse, { balance: rupiah('9007199254740993') });
    const debt = em.create(Purse, { balance: rupiah(-5000) });
    await em.flush();
    const fresh = orm.em.fork();
    const [readBig, readDebt] = await Promise.all([
      fresh.findOneOrFail(Purse, big.id),
      fresh.findOneOrFail(Purse, debt.id),
    ]);
    expect(typeof readBig.balance).toBe('bigint');
    expect(readBig.balance).toBe(9007199254740993n);
    expect(readDebt.balance).toBe(-5000n);
  });

  it('writes only what changed, comparing amounts by value', async () => {
    const em = orm.em.fork();
    const purse = em.create(Purse, { balance: rupiah(50_000) });
    await em.flush();
    purse.balance = rupiah('50000');
    em.getUnitOfWork().computeChangeSets();
    expect(em.getUnitOfWork().getChangeSets()).toHaveLength(0);
    purse.balance = rupiah(50_001);
    em.getUnitOfWork().computeChangeSets();
    expect(em.getUnitOfWork().getChangeSets()).toHaveLength(1);
  });

  it('refuses a JavaScript number where money belongs', async () => {
    const em = orm.em.fork();
    em.create(Purse, { balance: 1.5 as unknown as Rupiah });
    await expect(em.flush()).rejects.toThrow(/a Rupiah column takes a bigint/);
  });
});
