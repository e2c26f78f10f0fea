import {
  RateLimiterMySQL,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterSQLite,
  type RateLimiterStoreAbstract,
  type IRateLimiterStoreOptions,
} from 'rate-limiter-flexible';
import type { Strapi } from './strapi-types';

/** Counters for every instance live in this table of Strapi's own database. */
export const LIMITS_TABLE = 'up_passwordless_limits';

export interface LimiterShape {
  keyPrefix: string;
  points: number;
  duration: number;
  blockDuration?: number;
}

/** Where counters are kept: rate-limiter-flexible's stores, shared by every instance. */
export interface LimiterBackend {
  create(shape: LimiterShape): RateLimiterStoreAbstract;
  /** Deletes counters whose window has passed (Redis expires its keys by itself). */
  removeExpired(): Promise<number>;
  /** Whether the store answers right now. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

type Options = IRateLimiterStoreOptions & { clearExpiredByTimeout: boolean };

/**
 * The SQL store for the database Strapi runs on, on Strapi's own knex pool: the
 * atomic upserts are the library's, tested on each dialect.
 */
export async function createDatabaseBackend(strapi: Strapi): Promise<LimiterBackend> {
  const knex = strapi.db.connection;
  const client = String(knex.client.config.client);
  const connection = (strapi.db.config as unknown as { connection?: { connection?: Record<string, unknown> } })
    .connection?.connection;
  const schemaName = connection?.schema as string | undefined;
  const dbName = (connection?.database as string | undefined) ?? (await currentMySqlDatabase(strapi, client));

  const construct = (options: Options, done?: (error?: Error) => void): RateLimiterStoreAbstract => {
    if (client === 'better-sqlite3' || client === 'sqlite3' || client === 'sqlite') return new RateLimiterSQLite(options, done);
    if (client === 'pg' || client === 'postgres') return new RateLimiterPostgres({ ...options, schemaName }, done);
    if (client === 'mysql' || client === 'mysql2') return new RateLimiterMySQL({ ...options, dbName }, done);
    throw new Error(`passwordless: no rate-limit store for database client "${client}"`);
  };
  const base = { storeClient: knex, storeType: 'knex', tableName: LIMITS_TABLE };

  // One limiter creates the table (once; five at a time would race on PostgreSQL's
  // catalog). None sweeps on the library's own 5-minute timer: that timer outlives
  // Strapi.destroy() and then runs on a closed pool (seen as "Unable to acquire a
  // connection" in a later Strapi of the same process); the cleanup cron, which Strapi
  // stops on destroy, removes expired rows instead (removeExpired).
  await new Promise<void>((resolve, reject) => {
    construct(
      { ...base, keyPrefix: 'sweep', points: 1, duration: 1, tableCreated: false, clearExpiredByTimeout: false },
      (error) => (error ? reject(error) : resolve())
    );
  });
  await persistLimitsTable(strapi);

  return {
    create: (shape) => construct({ ...base, ...shape, tableCreated: true, clearExpiredByTimeout: false }),
    removeExpired: async () => Number(await knex(LIMITS_TABLE).where('expire', '<', Date.now()).delete()),
    ping: () => answers(() => knex.raw('SELECT 1')),
    close: async () => undefined,
  };
}

/** Redis counters (`redis.url`), for deployments that prefer them to the database. */
export async function createRedisBackend({ url, keyPrefix }: { url: string; keyPrefix: string }): Promise<LimiterBackend> {
  // No offline queue: while Redis is down a limit check fails at once (503) instead
  // of holding the request until Redis returns.
  // Loaded only here: ioredis is an optional peer dependency, installed only by projects
  // that keep counters in Redis.
  const { default: Redis } = await import('ioredis');
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  await client.connect();
  return {
    create: (shape) => new RateLimiterRedis({ ...shape, keyPrefix: `${keyPrefix}:${shape.keyPrefix}`, storeClient: client }),
    removeExpired: async () => 0,
    ping: () => answers(() => client.ping()),
    close: async () => {
      await client.quit();
    },
  };
}

async function answers(probe: () => Promise<unknown>): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch {
    return false;
  }
}

async function currentMySqlDatabase(strapi: Strapi, client: string): Promise<string | undefined> {
  if (client !== 'mysql' && client !== 'mysql2') return undefined;
  // Configured through DATABASE_URL alone: ask the server which database it is in.
  const [rows] = await strapi.db.connection.raw('SELECT DATABASE() AS name');
  return rows[0]?.name;
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
