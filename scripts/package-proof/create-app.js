#!/usr/bin/env node
/**
 * Child process: generates a Strapi 4 quickstart project (SQLite) with the given
 * @strapi/generate-new, the code behind `npx create-strapi-app --quickstart`, so the
 * project has exactly the files and package.json that version's users get.
 *
 *   node create-app.js <generate-new dir> <project dir> <js|ts>
 *
 * Runs generateNewApp itself (the scope create-strapi-app builds: dependencies,
 * additional dependencies, engines) with three things left out, none of which shapes
 * the project: the dependency install (the caller installs, with its overrides and
 * the package under test), starting the app, and Sentry. Telemetry is off through
 * NODE_ENV=test, which generate-new's own trackEvent honours.
 */
const path = require('node:path');
const { createRequire } = require('node:module');

const [generateNewDir, projectDir, flavour] = process.argv.slice(2);
if (!generateNewDir || !projectDir || !['js', 'ts'].includes(flavour)) {
  console.error('usage: create-app.js <generate-new dir> <project dir> <js|ts>');
  process.exit(2);
}
process.env.NODE_ENV = 'test';

const dist = path.join(generateNewDir, 'dist');
const requireFromDist = createRequire(path.join(dist, 'index.js'));

// Error reporting to Sentry's servers: a no-op stand-in, registered before index.js loads it.
stubModule(requireFromDist.resolve('@sentry/node'), {
  init() {},
  configureScope() {},
  addBreadcrumb() {},
  captureException() {},
  captureMessage() {},
  flush: async () => true,
  Severity: { Error: 'error' },
});

// generateNewApp hands its scope to generate-new.js: keep everything but the install and the run.
const generateNewPath = path.join(dist, 'generate-new.js');
const generateNew = requireFromDist(generateNewPath);
require.cache[generateNewPath].exports = (scope) =>
  generateNew({ ...scope, installDependencies: false, runQuickstartApp: false });

const { generateNewApp } = requireFromDist(path.join(dist, 'index.js'));
Promise.resolve(generateNewApp(projectDir, { quickstart: true, run: false, useNpm: true, typescript: flavour === 'ts' }))
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });

function stubModule(filename, exports) {
  require.cache[filename] = { id: filename, filename, loaded: true, exports, children: [], paths: [] };
}
