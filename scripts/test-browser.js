#!/usr/bin/env node
/**
 * npm run test:browser: the browser tests in Debian's Chromium against both hosts.
 *
 *   npm run test:browser                 # Strapi 4 demo, then the Strapi 5 host (refresh mode)
 *   npm run test:browser -- 5            # one host: 4 or 5
 *   npm run test:browser -- 5 storefront # and jest's file filter
 *
 * The Strapi 4 run has every file. The Strapi 5 run has what depends on the host: the admin
 * page (Strapi 5's own admin) and the storefront (refresh tokens). The template-leak oracle
 * tests the template checker alone, and the cookie session is Strapi 4's legacy cookie mode
 * (refused at boot in refresh mode), so they run once. The Next.js example is built once.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const HOSTS = {
  4: { env: { TEST_STRAPI: '4' }, files: [] },
  5: { env: { TEST_STRAPI: '5', UP_JWT_MANAGEMENT: 'refresh' }, files: ['tests/browser/(admin-page|storefront)\\.test'] },
};

function main() {
  const args = process.argv.slice(2);
  const hostArgs = args.filter((arg) => arg in HOSTS);
  const filters = args.filter((arg) => !(arg in HOSTS));
  const hosts = hostArgs.length ? hostArgs : Object.keys(HOSTS);
  if (hosts.includes('5') && !fs.existsSync(path.join(ROOT, 'strapi5/node_modules/@strapi/strapi'))) {
    console.error('test:browser: the Strapi 5 host is not installed: npm ci --prefix strapi5');
    process.exit(1);
  }
  let storefrontBuilt = process.env.BROWSER_SKIP_STOREFRONT_BUILD === '1';
  const failed = [];
  for (const host of hosts) {
    console.log(`\n=== test:browser Strapi ${host} ===`);
    const { env, files } = HOSTS[host];
    const run = spawnSync('npx', ['jest', '--runInBand', '--config', 'jest.browser.config.js', ...(filters.length ? filters : files)], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...env, ...(storefrontBuilt ? { BROWSER_SKIP_STOREFRONT_BUILD: '1' } : {}) },
    });
    storefrontBuilt = true;
    if (run.status !== 0) failed.push(host);
  }
  if (failed.length) {
    console.error(`\ntest:browser: failed on Strapi ${failed.join(' and ')}`);
    process.exit(1);
  }
}

main();
