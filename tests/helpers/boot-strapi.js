/**
 * Boots the compiled project (dist/, built by tests/global-setup) in this process.
 * Plain JavaScript so that child processes (two-instance tests) can run it with node.
 * Config overrides are applied between register and bootstrap and validated by the
 * extension's own resolver, like any config.
 */
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
/** The Strapi 5 host app (npm run test:v5 boots it instead: TEST_STRAPI=5). */
const STRAPI5 = path.join(ROOT, 'strapi5');
const MAJOR = process.env.TEST_STRAPI === '5' ? 5 : 4;

async function bootStrapi(options = {}) {
  return MAJOR === 5 ? bootStrapi5(options) : bootStrapi4(options);
}

async function bootStrapi4({ passwordless, proxy = false, pluginConfig = {}, extraRoutes, extraPlugins = [], serveAdminPanel = false } = {}) {
  const createStrapi = require('@strapi/strapi');
  const instance = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), serveAdminPanel, autoReload: false });
  instance.log.level = process.env.TEST_LOG_LEVEL || 'error';
  // Installed plugins that only this process enables (the benchmark's peer, a dev
  // dependency): Strapi 4 enables the plugins among package.json's dependencies.
  if (extraPlugins.length > 0) {
    const dependencies = instance.config.get('info.dependencies', {});
    instance.config.set('info.dependencies', { ...dependencies, ...Object.fromEntries(extraPlugins.map((name) => [name, '*'])) });
  }
  await instance.register();
  if (passwordless) {
    // Onto the config file's own values (not the resolved config), as if the admin had
    // written the overrides into config/plugins.ts.
    const { env } = require('@strapi/utils');
    const fileConfig = require(path.join(ROOT, 'dist/config/plugins.js')).default({ env });
    configure(instance, 'plugin.users-permissions', fileConfig, passwordless, path.join(ROOT, 'packages/strapi-passwordless-login/dist'));
  }
  for (const [key, value] of Object.entries(pluginConfig)) instance.config.set(key, value);
  await instance.bootstrap();
  // Routes that exist only for this process (the benchmark's no-op baseline).
  if (extraRoutes) instance.server.routes({ type: 'content-api', routes: extraRoutes });
  instance.server.app.proxy = proxy;
  await instance.server.mount();
  return instance;
}

/**
 * The Strapi 5 host, with its own node_modules: Strapi 5 and the package as installed
 * there (a copy, as from the registry; scripts/sync-strapi5.js refreshes it).
 */
async function bootStrapi5({ passwordless, proxy = false, pluginConfig = {}, extraRoutes, serveAdminPanel = false } = {}) {
  const { createStrapi } = require(path.join(STRAPI5, 'node_modules/@strapi/strapi'));
  const instance = createStrapi({ appDir: STRAPI5, distDir: STRAPI5, serveAdminPanel, autoReload: false });
  instance.log.level = process.env.TEST_LOG_LEVEL || 'error';
  await instance.register();
  if (passwordless) {
    const { env } = require(path.join(STRAPI5, 'node_modules/@strapi/utils'));
    const fileConfig = require(path.join(STRAPI5, 'config/plugins.js'))({ env });
    configure(instance, 'plugin::users-permissions', fileConfig, passwordless, path.join(STRAPI5, 'node_modules/strapi-passwordless-login/dist'));
  }
  for (const [key, value] of Object.entries(pluginConfig)) instance.config.set(key.replace(/^plugin\./, 'plugin::'), value);
  await instance.bootstrap();
  if (extraRoutes) instance.server.routes({ type: 'content-api', routes: extraRoutes });
  instance.server.app.proxy = proxy;
  instance.server.mount();
  return instance;
}

/** Overrides onto the config file's passwordless block, resolved and validated by the package's own resolver. */
function configure(instance, pluginPath, fileConfig, passwordless, packageDist) {
  const { resolvePasswordlessConfig } = require(path.join(packageDist, 'server/config/resolve-config'));
  const merged = mergeDeep(fileConfig['users-permissions'].config.passwordless, passwordless);
  instance.config.set(`${pluginPath}.passwordless`, resolvePasswordlessConfig(merged, { isProduction: false }));
}

function mergeDeep(base, extra) {
  if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) return extra;
  const out = { ...(base || {}) };
  for (const [key, value] of Object.entries(extra)) out[key] = mergeDeep(out[key], value);
  return out;
}

module.exports = { bootStrapi, ROOT, STRAPI5, MAJOR };
