import { createHash } from 'node:crypto';
import type { Strapi } from './strapi-types';

/** The database families whose SQL differs here. MariaDB is told apart from MySQL: it has RETURNING. */
export type SqlDialect = 'sqlite' | 'postgres' | 'mariadb' | 'mysql';

export type Row = Record<string, unknown>;

/** What a statement gave back: its rows (SELECT, RETURNING), the rows it changed, and a new row's id (MySQL's insert id). */
export interface SqlResult {
  rows: Row[];
  changes: number;
  insertId: number | null;
}

/** Runs SQL on one pooled connection; `?` placeholders on every dialect. */
export type Execute = (sql: string, params: readonly unknown[]) => Promise<SqlResult>;

export interface SqlDriver {
  dialect: SqlDialect;
  /** One statement, prepared once per connection and reused. */
  execute: Execute;
  /** Several statements on one connection (MySQL's BEGIN … COMMIT). */
  withConnection<T>(work: (execute: Execute) => Promise<T>): Promise<T>;
  /** An identifier (table or column) quoted for the dialect. */
  quote(identifier: string): string;
}

interface SqliteStatement {
  reader: boolean;
  all(...params: unknown[]): Row[];
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}
interface PgConnection {
  query(query: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[]; rowCount: number | null }>;
}
type MySqlCallback = (error: Error | null, rows: unknown) => void;
interface MySqlConnection {
  execute(sql: string, params: unknown[], done: MySqlCallback): void;
  query(sql: string, params: unknown[], done: MySqlCallback): void;
}

/**
 * The few statements every request runs (the limit counters), sent to the driver on a
 * connection from Strapi's own knex pool, as rate-limiter-flexible's stores do. knex
 * builds and compiles SQL text on every call and better-sqlite3 and pg prepare nothing
 * by themselves: here each statement is prepared once per connection (SQLite: the
 * statement object; PostgreSQL: a named statement; MySQL: mysql2's execute cache).
 */
export async function createSqlDriver(strapi: Strapi): Promise<SqlDriver> {
  const knex = strapi.db.connection;
  const client = String(knex.client.config.client);
  const pool = knex.client as unknown as { acquireConnection(): Promise<unknown>; releaseConnection(connection: unknown): unknown };

  let dialect: SqlDialect;
  let run: (connection: unknown, sql: string, params: readonly unknown[]) => Promise<SqlResult>;
  if (client === 'better-sqlite3' || client === 'sqlite' || client === 'sqlite3') {
    dialect = 'sqlite';
    const prepared = new WeakMap<object, Map<string, SqliteStatement>>();
    run = async (connection, sql, params) => {
      const conn = connection as SqliteConnection;
      let statements = prepared.get(conn);
      if (!statements) prepared.set(conn, (statements = new Map()));
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = conn.prepare(sql)));
      // As knex binds them for better-sqlite3, which takes neither: dates as epoch ms, booleans as 1 and 0.
      const values = params.map((value) => (value instanceof Date ? value.valueOf() : typeof value === 'boolean' ? Number(value) : value));
      if (statement.reader) {
        const rows = statement.all(...values);
        return { rows, changes: rows.length, insertId: null };
      }
      const { changes, lastInsertRowid } = statement.run(...values);
      return { rows: [], changes, insertId: Number(lastInsertRowid) };
    };
  } else if (client === 'pg' || client === 'postgres') {
    dialect = 'postgres';
    // A named statement is parsed and planned once per connection. The name is a digest of
    // the text: the same text gets the same name in every copy of this module that shares
    // the pool (PostgreSQL refuses one name for two texts on one connection).
    const names = new Map<string, { name: string; text: string }>();
    run = async (connection, sql, params) => {
      let statement = names.get(sql);
      if (!statement) {
        let n = 0;
        const text = sql.replace(/\?/g, () => `$${++n}`);
        statement = { name: `passwordless_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`, text };
        names.set(sql, statement);
      }
      const { rows, rowCount } = await (connection as PgConnection).query({ ...statement, values: [...params] });
      return { rows, changes: rowCount ?? rows.length, insertId: null };
    };
  } else if (client === 'mysql' || client === 'mysql2') {
    const [rows] = (await knex.raw('SELECT VERSION() AS version')) as unknown as [Array<{ version: string }>];
    dialect = /mariadb/i.test(String(rows[0]?.version)) ? 'mariadb' : 'mysql';
    run = (connection, sql, params) =>
      new Promise((resolve, reject) => {
        const conn = connection as MySqlConnection;
        // Statements without parameters (BEGIN, COMMIT) go as plain text: not every one may be prepared.
        const send = params.length === 0 ? conn.query.bind(conn) : conn.execute.bind(conn);
        send(sql, [...params], (error, result) => {
          if (error) return reject(error);
          if (Array.isArray(result)) return resolve({ rows: result as Row[], changes: result.length, insertId: null });
          const { affectedRows, insertId } = result as { affectedRows: number; insertId: number };
          return resolve({ rows: [], changes: affectedRows, insertId: insertId || null });
        });
      });
  } else {
    throw new Error(`passwordless: no SQL driver support for database client "${client}"`);
  }

  // Announced on knex's `query` event like knex's own statements, so that query logging
  // (and the tests that compare statements) still see them; nothing to do when no one listens.
  const events = knex as unknown as { listenerCount(event: string): number; emit(event: string, query: unknown): void };
  const withConnection = async <T>(work: (execute: Execute) => Promise<T>): Promise<T> => {
    const connection = await pool.acquireConnection();
    try {
      return await work((sql, params) => {
        if (events.listenerCount('query') > 0) events.emit('query', { method: 'raw', sql, bindings: params });
        return run(connection, sql, params);
      });
    } finally {
      pool.releaseConnection(connection);
    }
  };
  const quote = (identifier: string) => (dialect === 'mysql' || dialect === 'mariadb' ? `\`${identifier.replace(/`/g, '``')}\`` : `"${identifier.replace(/"/g, '""')}"`);
  return { dialect, quote, withConnection, execute: (sql, params) => withConnection((execute) => execute(sql, params)) };
}

const drivers = new WeakMap<object, Promise<SqlDriver>>();

/** The driver for this Strapi, made on first use (MySQL asks the server which it is) and kept. */
export function sqlDriver(strapi: Strapi): Promise<SqlDriver> {
  let driver = drivers.get(strapi);
  if (!driver) {
    driver = createSqlDriver(strapi);
    drivers.set(strapi, driver);
    // A database down at first use must not stay cached as the answer.
    driver.catch(() => drivers.delete(strapi));
  }
  return driver;
}
