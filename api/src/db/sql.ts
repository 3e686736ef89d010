import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/postgresql';
import type { ClientBase as PgClient } from 'pg';

/**
 * Named SQL for the hot paths. `$n` placeholders only; PostgreSQL parses and plans a named
 * statement once per connection, then only binds (measured here: a session lookup through
 * MikroORM's raw path 535 µs, as a prepared statement 223 µs).
 *
 * By convention a statement over tenant data takes the workspace id as `$1` (raw SQL is not
 * filtered by the ORM). Every statement is listed by its module's manifest, and a test
 * prepares each one against the migrated schema, so a broken query fails CI.
 */
export interface Statement<Row = Record<string, unknown>> {
  readonly name: string;
  readonly text: string;
  /** Phantom: the row type, for callers of `query`. */
  readonly __row?: Row;
}

export function statement<Row = Record<string, unknown>>(name: string, text: string): Statement<Row> {
  if (/(^|[^?])\?(?![?|&])/.test(text.replace(/'[^']*'/g, ''))) {
    throw new Error(`statement ${name}: use $n placeholders, not ?`);
  }
  return { name, text: text.trim() };
}

interface PgConnection {
  query(config: {
    name: string;
    text: string;
    values: readonly unknown[];
  }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

/**
 * Runs a named statement on `em`'s connection: inside `inTransaction` that is the
 * transaction's own connection (so the statement sees and joins its work and locks);
 * otherwise a connection borrowed from the ORM's pool for this one statement.
 */
export async function execute<Row>(
  em: EntityManager,
  { name, text }: Statement<Row>,
  values: readonly unknown[],
): Promise<QueryResult<Row>> {
  const trx = em.getTransactionContext<Knex.Transaction>();
  const client = trx ? trx.client : em.getConnection().getKnex().client;
  const connection = (await client.acquireConnection()) as PgConnection;
  try {
    const result = await connection.query({ name, text, values });
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
  } finally {
    // A transaction's client keeps its connection; the pool's takes this one back.
    await client.releaseConnection(connection);
  }
}

/**
 * The transaction's (or a pooled) pg connection itself, for what named statements cannot do:
 * COPY streams (pg-copy-streams) and EXPLAIN. Inside `inTransaction` it is the transaction's
 * own connection, so a COPY joins the transaction.
 */
export async function withConnection<T>(em: EntityManager, work: (connection: PgClient) => Promise<T>): Promise<T> {
  const trx = em.getTransactionContext<Knex.Transaction>();
  const client = trx ? trx.client : em.getConnection().getKnex().client;
  const connection = (await client.acquireConnection()) as PgClient;
  try {
    return await work(connection);
  } finally {
    await client.releaseConnection(connection);
  }
}

export async function query<Row>(
  em: EntityManager,
  statement: Statement<Row>,
  values: readonly unknown[],
): Promise<Row[]> {
  return (await execute(em, statement, values)).rows;
}
