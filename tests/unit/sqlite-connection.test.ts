import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { env } from '@strapi/utils';
import databaseConfig from '../../config/database';

// SQLite whatever DATABASE_CLIENT other suites of this run have set.
const sqliteEnv = Object.assign((key: string, fallback?: unknown) => (key === 'DATABASE_CLIENT' ? 'sqlite' : env(key, fallback as string)), env);

/** A connection set up as config/database.ts sets up Strapi's. */
function connect(file = ':memory:'): Database.Database {
  const { connection } = databaseConfig({ env: sqliteEnv }) as any;
  const conn = new Database(file);
  connection.pool.afterCreate(conn, (error: Error | null) => {
    if (error) throw error;
  });
  return conn;
}

describe('SQLite connection (config/database.ts)', () => {
  it('reuses the prepared statement for the same SQL text, with fresh bindings each run', () => {
    const conn = connect();
    conn.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    const insert = conn.prepare('INSERT INTO t (v) VALUES (?)');
    expect(conn.prepare('INSERT INTO t (v) VALUES (?)')).toBe(insert);
    insert.run('a');
    conn.prepare('INSERT INTO t (v) VALUES (?)').run('b');
    expect(conn.prepare('SELECT v FROM t ORDER BY id').all()).toEqual([{ v: 'a' }, { v: 'b' }]);
  });

  it('keeps working when the schema changes under a cached statement', () => {
    const conn = connect();
    conn.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    conn.prepare('INSERT INTO t (v) VALUES (?)').run('a');
    expect(conn.prepare('SELECT * FROM t').all()).toEqual([{ id: 1, v: 'a' }]);
    conn.exec('ALTER TABLE t ADD COLUMN w TEXT');
    expect(conn.prepare('SELECT * FROM t').all()).toEqual([{ id: 1, v: 'a', w: null }]);
  });

  it('keeps at most 500 statements, dropping the least recently used', () => {
    const conn = connect();
    const statements = Array.from({ length: 500 }, (_, i) => conn.prepare(`SELECT ${i}`));
    expect(conn.prepare('SELECT 0')).toBe(statements[0]); // used again: now the most recent
    conn.prepare('SELECT 500'); // the 501st evicts SELECT 1, the least recently used
    expect(conn.prepare('SELECT 0')).toBe(statements[0]);
    expect(conn.prepare('SELECT 2')).toBe(statements[2]);
    expect(conn.prepare('SELECT 1')).not.toBe(statements[1]);
  });

  it('runs in WAL mode with synchronous=NORMAL', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-wal-'));
    const conn = connect(path.join(dir, 'data.db'));
    expect(conn.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(conn.pragma('synchronous', { simple: true })).toBe(1);
    conn.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
