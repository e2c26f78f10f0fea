/**
 * One fresh database per test app: a SQLite file, or a PostgreSQL / MariaDB database
 * created here and dropped afterwards. `TEST_DB` picks the server (npm run test:db).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import mysql from 'mysql2/promise';
import { ROOT, TEST_DB_DIR } from '../global-setup';

export type TestDbClient = 'sqlite' | 'postgres' | 'mysql';
export const TEST_DB = (process.env.TEST_DB ?? 'sqlite') as TestDbClient;

export const POSTGRES = { host: process.env.TEST_PG_HOST ?? '127.0.0.1', port: 5432, user: 'postgres' };
export const MYSQL = { host: process.env.TEST_MYSQL_HOST ?? '127.0.0.1', port: 3306, user: 'root', password: '' };

export interface TestDatabase {
  client: TestDbClient;
  name: string;
  /** DATABASE_* variables for config/database.ts. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `pl_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  if (TEST_DB === 'postgres') {
    await withPostgres((db) => db.query(`CREATE DATABASE ${name}`));
    return {
      client: TEST_DB,
      name,
      env: serverEnv('postgres', POSTGRES.host, POSTGRES.port, name, POSTGRES.user),
      drop: () => withPostgres((db) => db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    };
  }
  if (TEST_DB === 'mysql') {
    await withMysql((db) => db.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
    return {
      client: TEST_DB,
      name,
      env: serverEnv('mysql', MYSQL.host, MYSQL.port, name, MYSQL.user),
      drop: () => withMysql((db) => db.query(`DROP DATABASE IF EXISTS ${name}`)).then(() => undefined),
    };
  }
  // Absolute: the Strapi 5 host resolves it from its own folder.
  const filename = path.join(ROOT, TEST_DB_DIR, `${name}.db`);
  return {
    client: 'sqlite',
    name,
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${filename}${suffix}`, { force: true });
    },
  };
}

function serverEnv(client: string, host: string, port: number, name: string, user: string): Record<string, string> {
  return {
    DATABASE_CLIENT: client,
    DATABASE_HOST: host,
    DATABASE_PORT: String(port),
    DATABASE_NAME: name,
    DATABASE_USERNAME: user,
    DATABASE_PASSWORD: '',
    DATABASE_SSL: 'false',
  };
}

async function withPostgres<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ ...POSTGRES, database: 'postgres' });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

async function withMysql<T>(work: (db: mysql.Connection) => Promise<T>): Promise<T> {
  const db = await mysql.createConnection(MYSQL);
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}
