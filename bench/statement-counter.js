/**
 * Counts the SQL statements the Strapi process sends, at the driver: knex's `query`
 * event misses the rate limiter's store (it takes a raw connection from the pool) and
 * anything else that talks to the driver directly. Loaded before Strapi, in the
 * benchmark's child process only.
 *
 * - better-sqlite3: every execution of a prepared statement (run, get, all, iterate;
 *   a transaction() function runs its BEGIN and COMMIT through run) and exec().
 * - pg: every Client#query (a pool hands out Clients).
 * - mysql2: every Connection#query and #execute (BEGIN and COMMIT included).
 */
const path = require('node:path');

let count = 0;
/** BENCH_SQL_TRACE=1 keeps the text of each statement too (countStatements prints the last request's). */
const tracing = process.env.BENCH_SQL_TRACE === '1';
let trace = [];
const textOf = (self, args) => {
  const first = args[0];
  if (typeof self?.source === 'string') return self.source;
  if (typeof first === 'string') return first;
  return first?.text ?? first?.sql ?? String(first);
};

/** Loads the driver the way knex will (from the app's node_modules), if installed. */
function driver(appDir, name) {
  try {
    return require(require.resolve(name, { paths: [appDir] }));
  } catch {
    return null;
  }
}

function wrap(target, method, weight = 1) {
  const original = target?.[method];
  if (typeof original !== 'function' || original.__counted) return;
  target[method] = function counted(...args) {
    count += weight;
    if (tracing) trace.push(`${method}: ${textOf(this, args).replace(/\s+/g, ' ').slice(0, 160)}`);
    return original.apply(this, args);
  };
  target[method].__counted = true;
}

function install(appDir) {
  const sqlite = driver(appDir, 'better-sqlite3');
  if (sqlite) {
    const probe = new sqlite(':memory:');
    const statement = Object.getPrototypeOf(probe.prepare('SELECT 1'));
    probe.close();
    for (const method of ['run', 'get', 'all', 'iterate']) wrap(statement, method);
    wrap(sqlite.prototype, 'exec');
  }
  const pg = driver(appDir, 'pg');
  if (pg) wrap(pg.Client.prototype, 'query');
  const mysql = driver(appDir, 'mysql2');
  if (mysql) {
    const Connection = require(path.join(path.dirname(require.resolve('mysql2', { paths: [appDir] })), 'lib/base/connection.js'));
    const proto = (Connection.BaseConnection ?? Connection).prototype;
    wrap(proto, 'query');
    wrap(proto, 'execute');
  }
}

module.exports = {
  install,
  read: () => count,
  /** The statements traced since the last call (BENCH_SQL_TRACE=1), then forgets them. */
  takeTrace: () => {
    const taken = trace;
    trace = [];
    return taken;
  },
};
