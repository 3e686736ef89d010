import { Pool } from 'pg';

/** A named SQL statement: PostgreSQL parses and plans it once per connection, then only binds. */
export interface Statement {
  name: string;
  text: string;
}

/**
 * A small pool for the statements every request runs (resolving who is calling). Going
 * through the ORM's raw path costs a parse and plan per call: measured here, 535 µs per
 * session lookup through MikroORM's `execute`, 223 µs as a prepared statement.
 */
export class PreparedStatements {
  private readonly pool: Pool;

  constructor(url: string, max = 4, onError?: (error: Error) => void) {
    this.pool = new Pool({ connectionString: url, max, application_name: 'bizone-prepared' });
    // An idle connection dropped by the server must not crash the process.
    this.pool.on('error', (error) => onError?.(error));
  }

  async query<Row>(statement: Statement, values: unknown[]): Promise<Row[]> {
    const result = await this.pool.query({ name: statement.name, text: statement.text, values });
    return result.rows as Row[];
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
