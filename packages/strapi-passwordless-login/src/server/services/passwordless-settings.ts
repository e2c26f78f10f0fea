import { createHash } from 'node:crypto';
import type { Strapi } from '../utils/strapi-types';
import { platform } from '../platform';
import type { PasswordlessConfig } from '../config/types';
import { createAccessPolicy, type AccessLists } from '../utils/access';
import { getService } from '../utils/get-service';

/**
 * The validated config (set by register), and what is derived from it once: the HMAC
 * key and the allow/deny policy (with the entries admins added in the admin page).
 */
export default ({ strapi }: { strapi: Strapi }) => {
  let key: Buffer | undefined;
  let policy: { saved: AccessLists; permits: (email: string) => boolean } | undefined;
  return {
    /** Whether the allow/deny lists (config's and the admin page's) admit this stored address. */
    async permits(email: string): Promise<boolean> {
      return (await this.accessPolicy())(email);
    },
    /**
     * The allow/deny check as of the admin-saved lists (read at most every 5 s). Callers on
     * a request path take it before knowing whether an account exists: taken only for real
     * accounts, the read would make their answer slower than an unknown identifier's.
     */
    async accessPolicy(): Promise<(email: string) => boolean> {
      const saved = (await getService('passwordless-admin-settings').current()).access.value;
      // Rebuilt only when the saved lists change (the cached object is replaced then).
      if (policy?.saved !== saved) {
        const { allow, deny } = this.get().access;
        // A config allow list is the operator's boundary: admin entries may deny more, never
        // admit more (the page refuses them; this also covers entries saved before the config changed).
        const admitted = allow.length > 0 ? allow : saved.allow;
        policy = { saved, permits: createAccessPolicy({ allow: admitted, deny: [...deny, ...saved.deny] }) };
      }
      return policy.permits;
    },
    get(): PasswordlessConfig {
      return strapi.config.get(platform().configPath) as PasswordlessConfig;
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
