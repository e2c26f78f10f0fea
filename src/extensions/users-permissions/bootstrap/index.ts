import type { Strapi } from '../utils/strapi-types';
import { CONFIG_PATH, resolvePasswordlessConfig } from '../config/resolve-config';
import type { PasswordlessUserConfig } from '../config/types';
import { getService } from '../utils/get-service';
import { grantPublicOnce } from './grant-public';

/** Validates the config before anything else runs: a wrong value stops Strapi here. */
export function registerPasswordless({ strapi }: { strapi: Strapi }): void {
  const raw = strapi.config.get(CONFIG_PATH) as PasswordlessUserConfig | undefined;
  const isProduction = strapi.config.get('environment') === 'production' || process.env.NODE_ENV === 'production';
  strapi.config.set(CONFIG_PATH, resolvePasswordlessConfig(raw, { isProduction }));
}

export async function bootstrapPasswordless({ strapi }: { strapi: Strapi }): Promise<void> {
  await getService('passwordless-limits').init();
  if (getService('passwordless-settings').get().grantPublic) await grantPublicOnce(strapi);
}

/** Lets deliveries already under way finish before the process goes. */
export async function destroyPasswordless(): Promise<void> {
  await getService('passwordless').settled();
  await getService('passwordless-limits').close();
}
