import { RateLimiterRedis, RateLimiterRes, RateLimiterMySQL, RateLimiterPostgres, RateLimiterSQLite } from 'rate-limiter-flexible';
import type { Strapi } from './strapi-types';
import { sqlDriver, type Row, type SqlDialect, type SqlDriver } from './sql-driver';

/** Counters for every instance live in this table of Strapi's own database. */
export const LIMITS_TABLE = 'up_passwordless_limits';

/** A kind of counter: its window and how many points it allows in it. */
export interface LimiterShape {
  keyPrefix: string;
  points: number;
  /** Seconds; 0: the counter never resets by itself. */
  duration: number;
  /** Seconds the counter stays over once a charge first takes it over. */
  blockDuration?: number;
}

/** One counter: a shape and the key within it. */
export interface CounterRef {
  shape: LimiterShape;
  key: string;
}

/** A counter after a charge or as read: points counted in its window, and when the window ends. */
export interface CounterState {
  consumed: number;
  /** Milliseconds until the counter resets; -1 when it never does. */
  msBeforeNext: number;
}

/**
 * Where counters are kept, shared by every instance: Strapi's database (one statement
 * for all the counters a decision takes) or Redis. rate-limiter-flexible's semantics on
 * both: a charge resets a counter whose window has passed, and is counted even when it
 * takes the counter over its points; the first charge over blocks for blockDuration.
 */
export interface LimiterBackend {
  /** Adds `points` (negative: gives them back) to each counter, atomically per counter; the states after, in order. */
  charge(counters: readonly CounterRef[], points?: number): Promise<CounterState[]>;
  /** The counters' current states; null for one with nothing counted in a live window. */
  read(counters: readonly CounterRef[]): Promise<Array<CounterState | null>>;
  remove(counters: readonly CounterRef[]): Promise<void>;
  /** Deletes counters whose window has passed (Redis expires its keys by itself). */
  removeExpired(): Promise<number>;
  /** Whether the store answers right now. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const storedKey = ({ shape, key }: CounterRef) => `${shape.keyPrefix}:${key}`;
const crossedOver = (shape: LimiterShape, consumed: number, points: number) => consumed > shape.points && consumed <= shape.points + points;

/**
 * The counters in Strapi's own database, in rate-limiter-flexible's table and row format
 * (counters written before this store keep counting). The library took a transaction of
 * three statements per counter (MySQL: four); here one INSERT … ON CONFLICT … RETURNING
 * charges every counter of a decision (MySQL, which has no RETURNING: BEGIN, the upsert,
 * a SELECT, COMMIT for all of them).
 */
export async function createDatabaseBackend(strapi: Strapi, driver?: SqlDriver): Promise<LimiterBackend> {
  await createLimitsTable(strapi);
  await persistLimitsTable(strapi);
  // `driver`: the tests run MySQL's path (no RETURNING) on MariaDB.
  const sql = driver ?? (await sqlDriver(strapi));
  const schema = (strapi.db.config as unknown as { connection?: { connection?: { schema?: string } } }).connection?.connection?.schema;
  // PostgreSQL: in the schema the library created it in.
  const table = sql.dialect === 'postgres' && schema ? `${sql.quote(schema)}.${sql.quote(LIMITS_TABLE)}` : sql.quote(LIMITS_TABLE);
  const key = sql.quote('key');
  const statements = new Map<string, string>();
  const statement = (name: string, count: number, build: () => string) => {
    const id = `${name}:${count}`;
    let text = statements.get(id);
    if (!text) statements.set(id, (text = build()));
    return text;
  };
  const marks = (count: number, row: string) => Array.from({ length: count }, () => row).join(', ');
  const toState = (row: Row): CounterState => {
    const expire = row.expire === null || row.expire === undefined ? null : Number(row.expire);
    return { consumed: Number(row.points), msBeforeNext: expire === null ? -1 : Math.max(expire - Date.now(), 0) };
  };
  const byKey = (rows: Row[]) => new Map(rows.map((row) => [String(row.k), row]));

  const upsert = (count: number) =>
    statement('upsert', count, () => {
      const live = `${tableColumn(sql.dialect, table, 'expire')} IS NULL OR ${tableColumn(sql.dialect, table, 'expire')} > ?`;
      const fresh = (column: string) => (sql.dialect === 'mariadb' || sql.dialect === 'mysql' ? `VALUES(${column})` : `excluded.${column}`);
      const conflict =
        sql.dialect === 'mariadb' || sql.dialect === 'mysql'
          ? // MySQL assigns left to right, each seeing the ones before: expire goes second.
            `ON DUPLICATE KEY UPDATE points = IF(${live}, points + ${fresh('points')}, ${fresh('points')}), expire = IF(${live}, expire, ${fresh('expire')})`
          : `ON CONFLICT(key) DO UPDATE SET points = CASE WHEN ${live} THEN ${tableColumn(sql.dialect, table, 'points')} + excluded.points ELSE excluded.points END, expire = CASE WHEN ${live} THEN ${tableColumn(sql.dialect, table, 'expire')} ELSE excluded.expire END`;
      const returning = sql.dialect === 'mysql' ? '' : ` RETURNING ${key} AS k, points, expire`;
      return `INSERT INTO ${table} (${key}, points, expire) VALUES ${marks(count, '(?, ?, ?)')} ${conflict}${returning}`;
    });
  const select = (count: number) => statement('select', count, () => `SELECT ${key} AS k, points, expire FROM ${table} WHERE ${key} IN (${marks(count, '?')}) AND (expire IS NULL OR expire > ?)`);
  const block = () => statement('block', 1, () => `UPDATE ${table} SET points = ?, expire = ? WHERE ${key} = ?`);
  const remove = (count: number) => statement('remove', count, () => `DELETE FROM ${table} WHERE ${key} IN (${marks(count, '?')})`);

  return {
    async charge(counters, points = 1) {
      const now = Date.now();
      const keys = counters.map(storedKey);
      const values = counters.flatMap((counter, i) => [keys[i], points, counter.shape.duration > 0 ? now + counter.shape.duration * 1000 : null]);
      // The "still live" test appears twice in the SET (points, then expire).
      const params = [...values, now, now];
      let rows: Row[];
      if (sql.dialect === 'mysql') {
        rows = await sql.withConnection(async (execute) => {
          await execute('BEGIN', []);
          try {
            await execute(upsert(counters.length), params);
            const { rows: found } = await execute(select(counters.length), [...keys, -1]);
            await execute('COMMIT', []);
            return found;
          } catch (error) {
            await execute('ROLLBACK', []).catch(() => undefined);
            throw error;
          }
        });
      } else {
        ({ rows } = await sql.execute(upsert(counters.length), params));
      }
      const found = byKey(rows);
      const states = counters.map((_, i) => {
        const row = found.get(keys[i]);
        if (!row) throw new Error(`passwordless: the counter upsert returned no row for ${counters[i].shape.keyPrefix}`);
        return toState(row);
      });
      // The first charge over the points blocks the counter (rare: a budget being spent).
      for (const [i, counter] of counters.entries()) {
        const { blockDuration = 0 } = counter.shape;
        if (blockDuration > 0 && crossedOver(counter.shape, states[i].consumed, points)) {
          await sql.execute(block(), [states[i].consumed, now + blockDuration * 1000, keys[i]]);
          states[i] = { consumed: states[i].consumed, msBeforeNext: blockDuration * 1000 };
        }
      }
      return states;
    },

    async read(counters) {
      const keys = counters.map(storedKey);
      const found = byKey((await sql.execute(select(counters.length), [...keys, Date.now()])).rows);
      return keys.map((k) => {
        const row = found.get(k);
        return row ? toState(row) : null;
      });
    },

    async remove(counters) {
      await sql.execute(remove(counters.length), counters.map(storedKey));
    },

    removeExpired: async () => Number(await strapi.db.connection(LIMITS_TABLE).where('expire', '<', Date.now()).delete()),
    ping: () => answers(() => strapi.db.connection.raw('SELECT 1')),
    close: async () => undefined,
  };
}

/** A column of the table as a conflict clause sees it (PostgreSQL needs the table named). */
function tableColumn(dialect: SqlDialect, table: string, column: string): string {
  return dialect === 'postgres' ? `${table}.${column}` : column;
}

/** Redis counters (`redis.url`), for deployments that prefer them to the database: rate-limiter-flexible's. */
export async function createRedisBackend({ url, keyPrefix }: { url: string; keyPrefix: string }): Promise<LimiterBackend> {
  // No offline queue: while Redis is down a limit check fails at once (503) instead
  // of holding the request until Redis returns.
  // Loaded only here: ioredis is an optional peer dependency, installed only by projects
  // that keep counters in Redis.
  const { default: Redis } = await import('ioredis');
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  await client.connect();
  const limiters = new Map<string, RateLimiterRedis>();
  const limiterOf = (shape: LimiterShape) => {
    let limiter = limiters.get(shape.keyPrefix);
    if (!limiter) limiters.set(shape.keyPrefix, (limiter = new RateLimiterRedis({ ...shape, keyPrefix: `${keyPrefix}:${shape.keyPrefix}`, storeClient: client })));
    return limiter;
  };
  const stateOf = (res: RateLimiterRes): CounterState => ({ consumed: res.consumedPoints, msBeforeNext: res.msBeforeNext });
  // Over the points the library rejects with the counter's state; a failing store rejects with an Error.
  const settle = (work: Promise<RateLimiterRes>) => work.then(stateOf, (rejection) => (rejection instanceof RateLimiterRes ? stateOf(rejection) : Promise.reject(rejection)));
  return {
    charge: (counters, points = 1) =>
      Promise.all(counters.map(({ shape, key }) => settle(points >= 0 ? limiterOf(shape).consume(key, points) : limiterOf(shape).reward(key, -points)))),
    read: (counters) =>
      Promise.all(counters.map(async ({ shape, key }) => {
        const res = await limiterOf(shape).get(key);
        return res ? stateOf(res) : null;
      })),
    remove: async (counters) => {
      await Promise.all(counters.map(({ shape, key }) => limiterOf(shape).delete(key)));
    },
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

/**
 * The table, as rate-limiter-flexible creates it on each dialect (its DDL, run once;
 * the counters written by earlier versions, which used the library's store, stay valid).
 */
async function createLimitsTable(strapi: Strapi): Promise<void> {
  const knex = strapi.db.connection;
  const client = String(knex.client.config.client);
  const connection = (strapi.db.config as unknown as { connection?: { connection?: Record<string, unknown> } }).connection?.connection;
  const schemaName = connection?.schema as string | undefined;
  const dbName = (connection?.database as string | undefined) ?? (await currentMySqlDatabase(strapi, client));
  const options = { storeClient: knex, storeType: 'knex', tableName: LIMITS_TABLE, keyPrefix: 'setup', points: 1, duration: 1, clearExpiredByTimeout: false };
  // None sweeps on the library's own 5-minute timer (clearExpiredByTimeout: false): that
  // timer outlives Strapi.destroy(); the cleanup cron removes expired rows instead.
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => (error ? reject(error) : resolve());
    if (client === 'better-sqlite3' || client === 'sqlite3' || client === 'sqlite') new RateLimiterSQLite(options, done);
    else if (client === 'pg' || client === 'postgres') new RateLimiterPostgres({ ...options, schemaName }, done);
    else if (client === 'mysql' || client === 'mysql2') new RateLimiterMySQL({ ...options, dbName }, done);
    else reject(new Error(`passwordless: no rate-limit store for database client "${client}"`));
  });
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
