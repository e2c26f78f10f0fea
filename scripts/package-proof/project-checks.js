/**
 * What a proof asserts about a project's files and its installed dependencies.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { readJson } = require('./projects');

/** The three things init writes, as init writes them. */
function checkInitWrote(dir, language) {
  const read = (file) => {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) throw new Error(`init did not write ${file}`);
    return fs.readFileSync(full, 'utf8');
  };
  const expectations = [
    [`src/extensions/users-permissions/strapi-server.${language}`, /withPasswordless\(plugin\)/],
    [`config/plugins.${language}`, /passwordless: \{/],
    ['.env', /^PASSWORDLESS_SECRET=.{32,}$/m],
    ['.env', /^PASSWORDLESS_EMAIL_DELIVERY=log$/m],
  ];
  for (const [file, pattern] of expectations) {
    if (!pattern.test(read(file))) throw new Error(`after init, ${file} does not match ${pattern}`);
  }
}

/**
 * Strapi 5: init puts its block inside the generator's users-permissions config, which
 * keeps refresh mode, and writes src/admin/app with the Strapi 5 admin entry (the Strapi
 * 4 one would not build there), leaving the generator's app.example alone.
 */
function checkInitKeptStrapi5Config(dir, language) {
  const plugins = fs.readFileSync(path.join(dir, `config/plugins.${language}`), 'utf8');
  if (!/jwtManagement: 'refresh'/.test(plugins)) throw new Error(`after init, config/plugins.${language} lost jwtManagement: 'refresh'`);
  const app = path.join(dir, 'src/admin', language === 'ts' ? 'app.tsx' : 'app.js');
  if (!fs.existsSync(app)) throw new Error(`init wrote no ${path.relative(dir, app)} in a Strapi 5 project`);
  if (!fs.readFileSync(app, 'utf8').includes("from 'strapi-passwordless-login/admin/strapi5'")) {
    throw new Error(`after init, ${path.relative(dir, app)} does not import strapi-passwordless-login/admin/strapi5`);
  }
}

/**
 * The package must throw Strapi's own error classes: Strapi's error middleware maps
 * them to 4xx by instanceof, so a second copy of @strapi/utils turns every error
 * thrown with the other copy's classes into a 500 (seen with a peerDependency on
 * @strapi/utils that npm met with the newest 4.x, leaving Strapi's pinned one nested;
 * and in any fresh 5.50.2 project, where users-permissions' own errors were 500s too).
 * The middleware is in @strapi/strapi on Strapi 4, in @strapi/core on Strapi 5.
 */
function checkSharedStrapiUtils(dir) {
  const loadedBy = (packageName) => {
    const from = path.join(dir, 'node_modules', packageName);
    const file = fs.realpathSync(require.resolve('@strapi/utils', { paths: [from] }));
    const marker = path.join(path.sep, '@strapi', 'utils', path.sep);
    const root = path.join(file.slice(0, file.lastIndexOf(marker)), '@strapi', 'utils');
    return { packageName, root, version: readJson(path.join(root, 'package.json'))?.version };
  };
  const core = fs.existsSync(path.join(dir, 'node_modules/@strapi/core')) ? '@strapi/core' : '@strapi/strapi';
  const middleware = loadedBy(core);
  for (const thrower of [loadedBy('strapi-passwordless-login'), loadedBy('@strapi/plugin-users-permissions')]) {
    if (thrower.root === middleware.root) continue;
    throw new Error(
      `two copies of @strapi/utils: ${thrower.packageName} loads ${thrower.version} (${path.relative(dir, thrower.root)}), ` +
        `${core} (Strapi's error middleware) loads ${middleware.version} (${path.relative(dir, middleware.root)}); ` +
        `Strapi then answers 500 instead of 4xx for the errors ${thrower.packageName} throws`
    );
  }
}

/** Path → content hash of every project file but node_modules and .git. */
function snapshotFiles(dir) {
  const files = new Map();
  const walk = (relative) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const name = path.join(relative, entry.name);
      if (entry.isDirectory()) {
        if (name !== 'node_modules' && name !== '.git') walk(name);
      } else if (entry.isFile()) {
        files.set(name, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, name))).digest('hex'));
      }
    }
  };
  walk('');
  return files;
}

/** Files added, removed or changed between two snapshots. */
function diffSnapshots(before, after) {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

module.exports = { checkInitWrote, checkInitKeptStrapi5Config, checkSharedStrapiUtils, snapshotFiles, diffSnapshots };
