import type { Strapi } from '../utils/strapi-types';
import {
  RateLimiterMySQL,
  RateLimiterPostgres,
  RateLimiterSQLite,
  type RateLimiterStoreAbstract,
  type IRateLimiterStoreOptions,
} from 'rate-limiter-flexible';

/** Counters for every instance live in this table of Strapi's own database. */
export const LIMITS_TABLE = 'up_passwordless_limits';

export interface LimiterShape {
  keyPrefix: string;
  points: number;
  duration: number;
  blockDuration?: number;
}

type StoreFactory = (shape: LimiterShape, tableCreated: boolean) => Promise<RateLimiterStoreAbstract>;

/**
 * Picks rate-limiter-flexible's store for the database Strapi runs on, sharing
 * Strapi's knex pool: the atomic upserts are the library's, tested on each dialect.
 */
export function createDatabaseStore(strapi: Strapi): StoreFactory {
  const knex = strapi.db.connection;
  const client = String(knex.client.config.client);
  const connection = (strapi.db.config as unknown as { connection?: { connection?: Record<string, unknown> } }).connection
    ?.connection;
  return async (shape, tableCreated) => {
    const options: IRateLimiterStoreOptions & { clearExpiredByTimeout: boolean } = {
      ...shape,
      storeClient: knex,
      storeType: 'knex',
      tableName: LIMITS_TABLE,
      tableCreated,
      // Expired rows are removed by the library every 5 minutes (the option is read by
      // the SQL stores but missing from the typings).
      clearExpiredByTimeout: true,
    };
    // The callback reports table creation; it may run before the constructor returns.
    let limiter: RateLimiterStoreAbstract | undefined;
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => (error ? reject(error) : resolve());
      if (client === 'better-sqlite3' || client === 'sqlite3' || client === 'sqlite') {
        limiter = new RateLimiterSQLite(options, done);
      } else if (client === 'pg' || client === 'postgres') {
        limiter = new RateLimiterPostgres({ ...options, schemaName: connection?.schema as string | undefined }, done);
      } else if (client === 'mysql' || client === 'mysql2') {
        limiter = new RateLimiterMySQL({ ...options, dbName: connection?.database as string }, done);
      } else {
        reject(new Error(`passwordless: no rate-limit store for database client "${client}"`));
      }
    });
    return limiter!;
  };
}

/**
 * Strapi drops tables it does not know on boot unless they are listed in the
 * `core.persisted_tables` store; without this every deploy would reset the counters.
 */
export async function persistLimitsTable(strapi: Strapi): Promise<void> {
  const store = { type: 'core', key: 'persisted_tables' } as const;
  const current = ((await strapi.store.get(store)) as Array<string | { name: string }> | null) ?? [];
  const names = current.map((table) => (typeof table === 'string' ? table : table.name));
  if (!names.includes(LIMITS_TABLE)) {
    await strapi.store.set({ ...store, value: [...current, { name: LIMITS_TABLE, dependsOn: [] }] });
  }
}
