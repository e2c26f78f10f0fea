#!/usr/bin/env node
/**
 * The Strapi 5 host's admin panel (strapi5/build), as `strapi build` makes it in a project
 * of its own. Strapi 5's CLI looks for a tsconfig.json from the project folder upwards and
 * here finds the repository's (the Strapi 4 demo's), so `strapi build` in strapi5/ takes the
 * host for a TypeScript project and exits 1 after "Compiling TS". This calls the same
 * build function with the JavaScript project's context: Vite, minified, no tsconfig.
 */
const path = require('node:path');

const HOST = path.resolve(__dirname, '../strapi5');
const { build } = require(path.join(HOST, 'node_modules/@strapi/strapi/dist/src/node/build.js'));
const { createLogger } = require(path.join(HOST, 'node_modules/@strapi/strapi/dist/src/cli/utils/logger.js'));

process.env.NODE_ENV ??= 'production';
build({
  cwd: HOST,
  logger: createLogger({ debug: false, silent: false, timestamp: false }),
  tsconfig: undefined,
  bundler: 'vite',
  minify: true,
  sourcemap: false,
  stats: false,
}).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
