import type { Strapi } from './utils/strapi-types';
import { CONFIG_PATH, resolvePasswordlessConfig } from './config/resolve-config';
import type { PasswordlessUserConfig } from './config/types';
import { storageOutage } from './middlewares/storage-outage';
import { cookieSession } from './middlewares/cookie-session';
import { credentialedCors } from './middlewares/credentialed-cors';
import routes from './routes/content-api/passwordless';

/**
 * Validates the config in `register`, the first hook Strapi runs, so that a wrong value
 * stops Strapi before any table is touched or any request served, and every later hook,
 * service and request reads the one resolved config (written once, here).
 */
export function registerPasswordless({ strapi }: { strapi: Strapi }): void {
  const raw = strapi.config.get(CONFIG_PATH) as PasswordlessUserConfig | undefined;
  const isProduction = strapi.config.get('environment') === 'production' || process.env.NODE_ENV === 'production';
  strapi.config.set(CONFIG_PATH, resolvePasswordlessConfig(raw, { isProduction }));
  // Added before Strapi's own middlewares, so they see the final answer of our routes.
  const prefix = strapi.config.get('api.rest.prefix', '/api') as string;
  strapi.server.use(storageOutage(strapi, routes.map((route) => `${prefix}${route.path}`)));
  strapi.server.use(credentialedCors(prefix));
  strapi.server.use(cookieSession(prefix));
}
