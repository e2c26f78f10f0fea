import type { Strapi } from './utils/strapi-types';
import { resolvePasswordlessConfig } from './config/resolve-config';
import { platform } from './platform';
import type { PasswordlessUserConfig } from './config/types';
import { storageOutage } from './middlewares/storage-outage';
import { cookieSession } from './middlewares/cookie-session';
import { credentialedCors } from './middlewares/credentialed-cors';
import { unreadableBody } from './middlewares/unreadable-body';
import { ownRoutes } from './routes/content-api/passwordless';
import { refuseCookieInRefreshMode } from './config/session-mode';

/**
 * Validates the config in `register`, the first hook Strapi runs, so that a wrong value
 * stops Strapi before any table is touched or any request served, and every later hook,
 * service and request reads the one resolved config (written once, here).
 */
export function registerPasswordless({ strapi }: { strapi: Strapi }): void {
  const { configPath } = platform();
  const raw = strapi.config.get(configPath) as PasswordlessUserConfig | undefined;
  const isProduction = strapi.config.get('environment') === 'production' || process.env.NODE_ENV === 'production';
  const config = resolvePasswordlessConfig(raw, { isProduction });
  refuseCookieInRefreshMode(config);
  strapi.config.set(configPath, config);
  // Added before Strapi's own middlewares, so they see the final answer of our routes.
  const prefix = strapi.config.get('api.rest.prefix', '/api') as string;
  const paths = ownRoutes(platform()).map((route) => `${prefix}${route.path}`);
  strapi.server.use(storageOutage(strapi, paths));
  strapi.server.use(unreadableBody(paths));
  strapi.server.use(credentialedCors(prefix));
  strapi.server.use(cookieSession(prefix));
}
