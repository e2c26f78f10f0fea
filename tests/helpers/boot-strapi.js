/**
 * Boots the compiled project (dist/, built by tests/global-setup) in this process.
 * Plain JavaScript so that child processes (two-instance tests) can run it with node.
 * Config overrides are applied between register and bootstrap and validated by the
 * extension's own resolver, like any config.
 */
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const CONFIG_PATH = 'plugin.users-permissions.passwordless';

async function bootStrapi({ passwordless, proxy = false, pluginConfig = {}, extraRoutes, serveAdminPanel = false } = {}) {
  const createStrapi = require('@strapi/strapi');
  const { resolvePasswordlessConfig } = require(path.join(
    ROOT,
    'packages/strapi-passwordless-login/dist/server/config/resolve-config'
  ));
  const instance = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), serveAdminPanel, autoReload: false });
  instance.log.level = process.env.TEST_LOG_LEVEL || 'error';
  await instance.register();
  if (passwordless) {
    // Onto the config file's own values (not the resolved config), as if the admin had
    // written the overrides into config/plugins.ts.
    const { env } = require('@strapi/utils');
    const fileConfig = require(path.join(ROOT, 'dist/config/plugins.js')).default({ env });
    const merged = mergeDeep(fileConfig['users-permissions'].config.passwordless, passwordless);
    instance.config.set(CONFIG_PATH, resolvePasswordlessConfig(merged, { isProduction: false }));
  }
  for (const [key, value] of Object.entries(pluginConfig)) instance.config.set(key, value);
  await instance.bootstrap();
  // Routes that exist only for this process (the benchmark's no-op baseline).
  if (extraRoutes) instance.server.routes({ type: 'content-api', routes: extraRoutes });
  instance.server.app.proxy = proxy;
  await instance.server.mount();
  return instance;
}

function mergeDeep(base, extra) {
  if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) return extra;
  const out = { ...(base || {}) };
  for (const [key, value] of Object.entries(extra)) out[key] = mergeDeep(out[key], value);
  return out;
}

module.exports = { bootStrapi, ROOT };
