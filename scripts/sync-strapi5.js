#!/usr/bin/env node
/**
 * The Strapi 5 host (strapi5/) installs the package as a copy, as a project installs it
 * from the registry (install-links): one @strapi/utils, Strapi 5's. This refreshes that
 * copy from the package's build (npm run build -w strapi-passwordless-login), so the
 * Strapi 5 tests run the code in the working tree.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SOURCE = path.join(ROOT, 'packages/strapi-passwordless-login');
const TARGET = path.join(ROOT, 'strapi5/node_modules/strapi-passwordless-login');

if (!fs.existsSync(path.join(SOURCE, 'dist/server/index.js'))) {
  console.error('sync-strapi5: the package is not built: npm run build -w strapi-passwordless-login');
  process.exit(1);
}
if (!fs.existsSync(TARGET) || fs.lstatSync(TARGET).isSymbolicLink()) {
  console.error('sync-strapi5: the Strapi 5 host is not installed: npm ci --prefix strapi5');
  process.exit(1);
}
// Copied over in place, then files the build no longer has are removed: a Strapi 5
// process that is loading the copy at that moment never finds dist/ missing.
fs.cpSync(path.join(SOURCE, 'dist'), path.join(TARGET, 'dist'), { recursive: true });
removeStale(path.join(SOURCE, 'dist'), path.join(TARGET, 'dist'));
fs.copyFileSync(path.join(SOURCE, 'package.json'), path.join(TARGET, 'package.json'));

function removeStale(source, target) {
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (!fs.existsSync(from)) fs.rmSync(to, { recursive: true, force: true });
    else if (entry.isDirectory()) removeStale(from, to);
  }
}
