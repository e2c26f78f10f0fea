import type { Strapi } from '../utils/strapi-types';
import { CONFIG_PATH, resolvePasswordlessConfig } from '../config/resolve-config';
import type { PasswordlessUserConfig } from '../config/types';
import { getService } from '../utils/get-service';
import { grantPublicOnce } from './grant-public';
import { storageOutage } from '../middlewares/storage-outage';
import { cookieSession } from '../middlewares/cookie-session';
import routes from '../routes/content-api/passwordless';
import { subscribeUserLifecycles } from './user-lifecycles';

/** Validates the config before anything else runs: a wrong value stops Strapi here. */
export function registerPasswordless({ strapi }: { strapi: Strapi }): void {
  const raw = strapi.config.get(CONFIG_PATH) as PasswordlessUserConfig | undefined;
  const isProduction = strapi.config.get('environment') === 'production' || process.env.NODE_ENV === 'production';
  strapi.config.set(CONFIG_PATH, resolvePasswordlessConfig(raw, { isProduction }));
  // Added before Strapi's own middlewares, so it sees the final answer of our routes.
  const prefix = strapi.config.get('api.rest.prefix', '/api') as string;
  strapi.server.use(storageOutage(strapi, routes.map((route) => `${prefix}${route.path}`)));
  strapi.server.use(cookieSession(prefix));
}

export async function bootstrapPasswordless({ strapi }: { strapi: Strapi }): Promise<void> {
  subscribeUserLifecycles(strapi);
  await getService('passwordless-limits').init();
  await getService('passwordless-challenge').prepareDecoys();
  const { grantPublic, cleanup } = getService('passwordless-settings').get();
  if (grantPublic) await grantPublicOnce(strapi);
  // Every instance runs it; the deletes are idempotent, so overlapping runs are harmless.
  strapi.cron.add({
    'passwordless-cleanup': {
      task: () => getService('passwordless').removeStale(),
      options: `*/${cleanup.intervalMinutes} * * * *`,
    },
  });
}

/** Lets deliveries already under way finish before the process goes. */
export async function destroyPasswordless(): Promise<void> {
  await getService('passwordless').settled();
  await getService('passwordless-limits').close();
}
