/**
 * A fresh Strapi 5 project as `npx create-strapi-app@<version>` makes it (SQLite, no
 * example, no cloud login), the command the Strapi 5 docs give, with the install left
 * to the caller (its overrides and the package under test go in the same install).
 */
const fs = require('node:fs');
const path = require('node:path');
const { cleanEnv, run } = require('./processes');
const { expectSuccess } = require('./projects');

async function createStrapi5Project({ version, dir, flavour, logFile }) {
  const args = [
    '-y',
    `create-strapi-app@${version}`,
    dir,
    `--${flavour}`,
    // Every flag that would otherwise prompt (stdin is closed: a prompt ends the run with
    // exit 0 and no project) or reach outside: the Strapi Cloud login, git, the install.
    '--no-run',
    '--skip-cloud',
    '--no-example',
    '--no-git-init',
    '--use-npm',
    '--skip-db',
    '--no-install',
  ];
  const result = await run('npx', args, {
    cwd: path.dirname(dir),
    logFile,
    timeoutMs: 300_000,
    // NODE_ENV=test: the generator's own switch for its usage reports to analytics.strapi.io.
    // prefer-offline: the pinned generator and its dependencies from the cache when there.
    env: cleanEnv({ NODE_ENV: 'test', npm_config_prefer_offline: 'true' }),
  });
  expectSuccess(result, `create-strapi-app@${version} --${flavour}`);
  if (!fs.existsSync(path.join(dir, 'package.json'))) throw new Error(`create-strapi-app wrote no package.json in ${dir}`);
}

module.exports = { createStrapi5Project };
