import { createHash } from 'node:crypto';
import type { Strapi } from '../utils/strapi-types';
import { CONFIG_PATH } from '../config/resolve-config';
import type { PasswordlessConfig } from '../config/types';
import { createAccessPolicy } from '../utils/access';

/**
 * The validated config (set by register) and the HMAC key derived from it, read once.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  let key: Buffer | undefined;
  let permits: ((email: string) => boolean) | undefined;
  return {
    /** Whether the allow/deny lists admit this stored address. */
    permits(email: string): boolean {
      permits ??= createAccessPolicy(this.get().access);
      return permits(email);
    },
    get(): PasswordlessConfig {
      return strapi.config.get(CONFIG_PATH) as PasswordlessConfig;
    },
    secretKey(): Buffer {
      if (!key) {
        const { secret } = this.get();
        // Outside production a key derived from APP_KEYS keeps the quick start
        // working with no extra variable; production refuses to boot without a secret.
        key = secret
          ? Buffer.from(secret, 'utf8')
          : createHash('sha256')
              .update(`passwordless\0${(strapi.config.get('server.app.keys') as string[] | undefined)?.join(',')}`)
              .digest();
      }
      return key;
    },
  };
};
