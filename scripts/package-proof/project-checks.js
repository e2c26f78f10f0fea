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
 * The package must throw Strapi's own error classes: Strapi's error middleware maps
 * them to 4xx by instanceof, so a second copy of @strapi/utils turns every error
 * thrown with the other copy's classes into a 500 (seen with a peerDependency on
 * @strapi/utils that npm met with the newest 4.x, leaving Strapi's pinned one nested).
 */
function checkSharedStrapiUtils(dir) {
  const loadedBy = (packageName) => {
    const from = path.join(dir, 'node_modules', packageName);
    const file = fs.realpathSync(require.resolve('@strapi/utils', { paths: [from] }));
    const marker = path.join(path.sep, '@strapi', 'utils', path.sep);
    const root = path.join(file.slice(0, file.lastIndexOf(marker)), '@strapi', 'utils');
    return { root, version: readJson(path.join(root, 'package.json'))?.version };
  };
  const strapis = loadedBy('@strapi/strapi');
  const ours = loadedBy('strapi-passwordless-login');
  if (strapis.root !== ours.root) {
    throw new Error(
      `two copies of @strapi/utils: strapi-passwordless-login loads ${ours.version} (${path.relative(dir, ours.root)}), ` +
        `@strapi/strapi loads ${strapis.version} (${path.relative(dir, strapis.root)}); Strapi then answers 500 ` +
        'instead of 4xx for errors thrown with the other copy, from the package and from users-permissions alike'
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

module.exports = { checkInitWrote, checkSharedStrapiUtils, snapshotFiles, diffSnapshots };
