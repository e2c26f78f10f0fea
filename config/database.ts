import path from 'path';

export default ({ env }) => {
  // `mysql` (MySQL or MariaDB) runs on the mysql2 driver, which Strapi supports as is.
  const requested = env('DATABASE_CLIENT', 'sqlite');
  const client = requested === 'mysql' ? 'mysql2' : requested;

  const ssl = env.bool('DATABASE_SSL', false) && {
    key: env('DATABASE_SSL_KEY', undefined),
    cert: env('DATABASE_SSL_CERT', undefined),
    ca: env('DATABASE_SSL_CA', undefined),
    capath: env('DATABASE_SSL_CAPATH', undefined),
    cipher: env('DATABASE_SSL_CIPHER', undefined),
    rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
  };
  const server = (defaultPort: number) => ({
    host: env('DATABASE_HOST', 'localhost'),
    port: env.int('DATABASE_PORT', defaultPort),
    database: env('DATABASE_NAME', 'strapi'),
    user: env('DATABASE_USERNAME', 'strapi'),
    password: env('DATABASE_PASSWORD', 'strapi'),
    ssl,
  });
  const pool = { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) };

  const connections = {
    mysql2: {
      connection: { uri: env('DATABASE_URL'), ...server(3306) },
      pool,
    },
    postgres: {
      connection: {
        connectionString: env('DATABASE_URL'),
        ...server(5432),
        schema: env('DATABASE_SCHEMA', 'public'),
      },
      pool,
    },
    sqlite: {
      connection: {
        // resolve, not join: an absolute DATABASE_FILENAME (the tests pass one) stays as it is.
        filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
      pool: {
        min: 1,
        max: 1,
        // better-sqlite3 opens with a rollback journal and synchronous=FULL: every commit
        // waits for disk syncs, and a code request commits several small transactions.
        // WAL with synchronous=NORMAL stays crash-safe (a power cut may lose the last
        // commits, never corrupt) at a fraction of the cost per write.
        afterCreate: (conn, done) => {
          conn.pragma('journal_mode = WAL');
          conn.pragma('synchronous = NORMAL');
          cacheStatements(conn);
          done(null, conn);
        },
      },
    },
  };

  if (!connections[client]) {
    throw new Error(`DATABASE_CLIENT must be sqlite, postgres or mysql (got "${requested}")`);
  }
  return {
    connection: {
      client,
      ...connections[client],
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};

/**
 * knex compiles every query to SQL text and asks better-sqlite3 to prepare it anew each
 * time; preparing (SQLite parsing and planning the text) was a tenth of a code request's
 * CPU (npm run bench, node --cpu-prof). Prepared statements are made to be reused, so the
 * connection keeps the most recent ones by their text. knex only ever runs them with
 * all() or run(), never leaves one iterating, and SQLite re-prepares a statement by
 * itself when the schema changes under it.
 */
const STATEMENT_CACHE_SIZE = 500;

function cacheStatements(conn) {
  const prepare = conn.prepare.bind(conn);
  const cache = new Map();
  conn.prepare = (sql) => {
    let statement = cache.get(sql);
    if (statement) {
      // Most recently used last, so the first key is the one to evict.
      cache.delete(sql);
    } else {
      statement = prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value);
    }
    cache.set(sql, statement);
    return statement;
  };
}
