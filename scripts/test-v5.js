#!/usr/bin/env node
/**
 * The contract suites (e2e, races, faults, the typed client, multi-instance on a server
 * database) against the Strapi 5 host (strapi5/), in the JWT modes users-permissions has:
 *
 *   npm run test:v5                        # every cell
 *   npm run test:v5 -- refresh-postgres    # one cell: refresh-sqlite | refresh-postgres | legacy-sqlite
 *
 * Refresh mode (the generator's default) runs on SQLite and PostgreSQL; legacy-support,
 * which differs only in how tokens are issued and signed out, on SQLite. The package copy
 * in strapi5/node_modules is refreshed from the build first (scripts/sync-strapi5.js).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const EVERYTHING = ['tests/e2e', 'tests/races', 'tests/client', 'tests/fuzz/bodies.test.ts'];
/**
 * Each cell runs what it proves beyond the others (CI runs all three, so the slow cells
 * stay small). Refresh mode on SQLite: everything. PostgreSQL: what Strapi 5's query engine
 * and session manager do on a server database (the SQL of our own is the same on both
 * majors and runs under npm run test:db), and two instances. Legacy mode: what depends on
 * how tokens are issued and signed out.
 */
const CELLS = {
  'refresh-sqlite': { env: { TEST_DB: 'sqlite', UP_JWT_MANAGEMENT: 'refresh' }, suites: EVERYTHING },
  'refresh-postgres': {
    env: { TEST_DB: 'postgres', UP_JWT_MANAGEMENT: 'refresh' },
    suites: [
      'tests/multi-instance',
      'tests/races',
      'tests/e2e/refresh-',
      'tests/e2e/(login|sessions|pre-hijacking|faults|admin-page)\\.test',
    ],
  },
  'legacy-sqlite': {
    env: { TEST_DB: 'sqlite', UP_JWT_MANAGEMENT: 'legacy-support' },
    suites: ['tests/client', 'tests/e2e/(login|verify-code|magic-link|sessions|pre-hijacking|sign-up|jwt-issuer|cookie-[a-z-]+)\\.test'],
  },
};

function main() {
  if (!fs.existsSync(path.join(ROOT, 'strapi5/node_modules/@strapi/strapi'))) {
    console.error('test:v5: the Strapi 5 host is not installed: npm ci --prefix strapi5');
    process.exit(1);
  }
  const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const names = requested.length ? requested : Object.keys(CELLS);
  const unknown = names.filter((name) => !CELLS[name]);
  if (unknown.length) {
    console.error(`test:v5: unknown cell ${unknown.join(', ')} (${Object.keys(CELLS).join(', ')})`);
    process.exit(2);
  }
  const results = names.map((name) => {
    console.log(`\n=== test:v5 ${name} ===`);
    const run = spawnSync('npx', ['jest', '--runInBand', ...CELLS[name].suites], {
      cwd: ROOT,
      stdio: 'inherit',
      // The body fuzzing exercises code shared with Strapi 4 (npm test runs 10,000 bodies);
      // here it proves Strapi 5's body parser in front of it, with fewer.
      env: { FUZZ_RUNS: '2500', ...process.env, TEST_STRAPI: '5', ...CELLS[name].env },
    });
    return { name, ok: run.status === 0 };
  });
  for (const r of results) console.log(`test:v5 ${r.name}: ${r.ok ? 'passed' : 'FAILED'}`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

main();
