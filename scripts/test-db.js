#!/usr/bin/env node
/**
 * Runs the test suite against PostgreSQL and MariaDB/MySQL (each test app in a fresh
 * database it creates and drops), then the limit tests with counters in Redis.
 * A server that does not answer is a failure with instructions, never a skip.
 *
 *   npm run test:db                 # every target
 *   npm run test:db -- postgres     # one target: postgres | mysql | redis
 */
const { spawnSync } = require('node:child_process');
const net = require('node:net');

const TARGETS = {
  postgres: {
    label: 'PostgreSQL',
    host: process.env.TEST_PG_HOST || '127.0.0.1',
    port: 5432,
    env: { TEST_DB: 'postgres' },
    jest: [],
    howToStart:
      "start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start (trust auth for user postgres on 127.0.0.1), or: docker run -d -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:15",
  },
  mysql: {
    label: 'MariaDB/MySQL',
    host: process.env.TEST_MYSQL_HOST || '127.0.0.1',
    port: 3306,
    env: { TEST_DB: 'mysql' },
    jest: [],
    howToStart:
      'start it with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd (user root, no password), or: docker run -d -p 3306:3306 -e MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1 mariadb:10.11',
  },
  redis: {
    label: 'Redis (limit counters), with PostgreSQL',
    host: '127.0.0.1',
    port: 6379,
    also: 'postgres',
    env: { TEST_DB: 'postgres', TEST_REDIS: '1' },
    jest: ['tests/e2e/limits.test.ts', 'tests/e2e/verify-code.test.ts', 'tests/e2e/trusted-server-ceiling.test.ts', 'tests/races', 'tests/multi-instance'],
    howToStart:
      'start it with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no, or: docker run -d -p 6379:6379 redis:7',
  },
};

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 3000 });
    socket.once('connect', () => socket.end(() => resolve(true)));
    socket.once('timeout', () => socket.destroy() || resolve(false));
    socket.once('error', () => resolve(false));
  });
}

async function main() {
  const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const names = requested.length ? requested : Object.keys(TARGETS);
  for (const name of names) {
    if (!TARGETS[name]) {
      console.error(`test:db: unknown target "${name}" (postgres, mysql, redis)`);
      process.exit(2);
    }
  }
  const servers = new Set(names.flatMap((name) => [name, TARGETS[name].also].filter(Boolean)));
  for (const name of servers) {
    const { label, host, port, howToStart } = TARGETS[name];
    if (!(await reachable(host, port))) {
      console.error(`test:db: ${label} is not reachable at ${host}:${port}; ${howToStart}`);
      process.exit(1);
    }
  }
  const results = [];
  for (const name of names) {
    const target = TARGETS[name];
    console.log(`\n=== test:db ${name}: ${target.label} ===`);
    const run = spawnSync('npx', ['jest', '--runInBand', ...target.jest], {
      stdio: 'inherit',
      env: { ...process.env, ...target.env },
    });
    results.push({ name, ok: run.status === 0 });
  }
  const passed = results.filter((r) => r.ok).length;
  for (const r of results) console.log(`test:db ${r.name}: ${r.ok ? 'passed' : 'FAILED'}`);
  console.log(`test:db: ${passed} passed, ${results.length - passed} failed`);
  process.exit(passed === results.length ? 0 : 1);
}

main();
