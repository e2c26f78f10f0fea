import { createHash } from 'node:crypto';
import type { Strapi } from '../utils/strapi-types';
import { CONFIG_PATH } from '../config/resolve-config';
import type { PasswordlessConfig } from '../config/types';
import { createAccessPolicy } from '../utils/access';

/**
 * The validated config (set by register), and what is derived from it once: the HMAC
 * key and the allow/deny policy.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  let key: Buffer | undefined;
  let policy: ((email: string) => boolean) | undefined;
  return {
    /** Whether the allow/deny lists admit this stored address. */
    permits(email: string): boolean {
      policy ??= createAccessPolicy(this.get().access);
      return policy(email);
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
