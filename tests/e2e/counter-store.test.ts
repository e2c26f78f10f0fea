import { RateLimiterMySQL, RateLimiterPostgres, RateLimiterSQLite } from 'rate-limiter-flexible';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { createDatabaseBackend, LIMITS_TABLE, type LimiterBackend, type LimiterShape } from '../../packages/strapi-passwordless-login/src/server/utils/limiter-store';
import { sqlDriver } from '../../packages/strapi-passwordless-login/src/server/utils/sql-driver';

/**
 * The database counter store: rate-limiter-flexible's semantics and row format, one
 * statement for all the counters of a decision. On MariaDB the MySQL path (no RETURNING:
 * BEGIN, upsert, SELECT, COMMIT) runs too.
 */
describe('limit counters in the database', () => {
  let app: TestApp;
  const stores: Array<[string, LimiterBackend]> = [];
  let n = 0;
  const shape = (extra: Partial<LimiterShape> = {}): LimiterShape => ({ keyPrefix: `t${(n += 1)}`, points: 3, duration: 60, ...extra });
  const rows = () => app.strapi.db.connection(LIMITS_TABLE);

  beforeAll(async () => {
    app = await startStrapi({ passwordless: { grantPublic: true } });
    const driver = await sqlDriver(app.strapi);
    stores.push([driver.dialect, await createDatabaseBackend(app.strapi)]);
    if (driver.dialect === 'mariadb') stores.push(['mysql (no RETURNING)', await createDatabaseBackend(app.strapi, { ...driver, dialect: 'mysql' })]);
  });
  afterAll(async () => app?.stop());

  const each = (name: string, test: (store: LimiterBackend) => Promise<void>) =>
    it(name, async () => {
      for (const [, store] of stores) await test(store);
    });

  each('charges several counters in one call, each counted on its own and stored as prefix:key', async (store) => {
    const [a, b] = [shape(), shape({ points: 1, duration: 0 })];
    const first = await store.charge([{ shape: a, key: 'k' }, { shape: b, key: 'k' }]);
    const second = await store.charge([{ shape: a, key: 'k' }, { shape: b, key: 'k' }]);
    expect(first.map((s) => s.consumed)).toEqual([1, 1]);
    expect(second.map((s) => s.consumed)).toEqual([2, 2]);
    // A window of 60 s, and (duration 0) none.
    expect(second[0].msBeforeNext).toBeGreaterThan(55_000);
    expect(second[0].msBeforeNext).toBeLessThanOrEqual(60_000);
    expect(second[1].msBeforeNext).toBe(-1);
    const stored = await rows().whereIn('key', [`${a.keyPrefix}:k`, `${b.keyPrefix}:k`]).orderBy('key');
    expect(stored.map((row: { points: number }) => Number(row.points))).toEqual([2, 2]);
    expect(stored[1].expire).toBeNull();
  });

  each('starts a counter again once its window has passed', async (store) => {
    const a = shape();
    await store.charge([{ shape: a, key: 'k' }], 2);
    await rows().where('key', `${a.keyPrefix}:k`).update({ expire: Date.now() - 1 });
    expect(await store.read([{ shape: a, key: 'k' }])).toEqual([null]);
    const [state] = await store.charge([{ shape: a, key: 'k' }]);
    expect(state.consumed).toBe(1);
    expect(state.msBeforeNext).toBeGreaterThan(55_000);
  });

  each('counts a charge over the points, and blocks for blockDuration from the first one over', async (store) => {
    const a = shape({ points: 2, blockDuration: 600 });
    for (let i = 1; i <= 2; i += 1) expect((await store.charge([{ shape: a, key: 'k' }]))[0].consumed).toBe(i);
    const [over] = await store.charge([{ shape: a, key: 'k' }]);
    expect(over.consumed).toBe(3);
    expect(over.msBeforeNext).toBe(600_000);
    const [row] = await rows().where('key', `${a.keyPrefix}:k`);
    expect(Number(row.expire)).toBeGreaterThan(Date.now() + 590_000);
    // Later charges stay over until the block ends; the block is not extended.
    const [again] = await store.charge([{ shape: a, key: 'k' }]);
    expect(again.consumed).toBe(4);
    expect(again.msBeforeNext).toBeLessThanOrEqual(600_000);
  });

  each('gives points back, reads live counters only, and removes', async (store) => {
    const [a, b] = [shape(), shape()];
    await store.charge([{ shape: a, key: 'k' }, { shape: b, key: 'k' }], 2);
    expect((await store.charge([{ shape: b, key: 'k' }], -1))[0].consumed).toBe(1);
    const read = await store.read([{ shape: a, key: 'k' }, { shape: b, key: 'k' }, { shape: a, key: 'nobody' }]);
    expect(read.map((s) => s?.consumed ?? null)).toEqual([2, 1, null]);
    await store.remove([{ shape: a, key: 'k' }, { shape: b, key: 'k' }]);
    expect(await store.read([{ shape: a, key: 'k' }, { shape: b, key: 'k' }])).toEqual([null, null]);
  });

  it('goes on counting a counter that the library store (releases before this one) wrote', async () => {
    const knex = app.strapi.db.connection;
    const client = String(knex.client.config.client);
    const a = shape();
    const options = { storeClient: knex, storeType: 'knex', tableName: LIMITS_TABLE, tableCreated: true, clearExpiredByTimeout: false, keyPrefix: a.keyPrefix, points: a.points, duration: a.duration };
    const connection = (app.strapi.db.config as any).connection.connection;
    const library = client.includes('sqlite')
      ? new RateLimiterSQLite(options)
      : client === 'pg' || client === 'postgres'
        ? new RateLimiterPostgres({ ...options, schemaName: connection.schema })
        : new RateLimiterMySQL({ ...options, dbName: connection.database });
    await library.consume('k', 2);
    for (const [, store] of stores) expect((await store.read([{ shape: a, key: 'k' }]))[0]?.consumed).toBe(2);
    const [state] = await stores[0][1].charge([{ shape: a, key: 'k' }]);
    expect(state.consumed).toBe(3);
    expect((await library.get('k'))?.consumedPoints).toBe(3);
  });
});
