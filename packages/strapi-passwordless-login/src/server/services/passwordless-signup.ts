import { randomBytes } from 'node:crypto';
import type { NormalizedIdentifier } from '../utils/identifier';
import { getService } from '../utils/get-service';
import type { Strapi } from '../utils/strapi-types';
import { ROLE_UID, USER_UID } from '../utils/uids';

// Plain ASCII addresses only: an account can never be created under a look-alike
// spelling (dotless ı, Cyrillic а) of someone else's address.
const SIGN_UP_EMAIL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const MIN_USERNAME = 3;

/**
 * Sign-up by email: who may create an account by proving a mailbox, and creating it.
 * Nothing is written to the users table before the code is proven.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const advanced = async (): Promise<{ allow_register?: boolean; default_role?: string }> =>
    ((await strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' }).get({})) as object) ?? {};

  const usernameTaken = async (username: string) =>
    (await strapi.db.query(USER_UID).count({ where: { username } })) > 0;

  /** The address's local part, cleaned, made unique with a random suffix when taken. */
  const uniqueUsername = async (email: string): Promise<string> => {
    const base = email.slice(0, email.indexOf('@')).replace(/[^a-z0-9._-]/g, '').padEnd(MIN_USERNAME, '0');
    if (!(await usernameTaken(base))) return base;
    for (;;) {
      const candidate = `${base}-${randomBytes(3).toString('hex')}`;
      if (!(await usernameTaken(candidate))) return candidate;
    }
  };

  return {
    /** users-permissions' advanced setting "Enable sign-ups" (allow_register). */
    async allowRegister(): Promise<boolean> {
      return Boolean((await advanced()).allow_register);
    },

    /**
     * Whether addresses with no account may sign up now: `signUp.enabled`, or "Enable
     * sign-ups" when it is 'auto' (read only then: a fixed setting costs no store read).
     */
    async isOpen(): Promise<boolean> {
      const { enabled } = getService('passwordless-settings').get().signUp;
      return enabled === 'auto' ? this.allowRegister() : enabled;
    },

    /**
     * Whether this identifier may sign up: an email of plain form, admitted by the
     * allow/deny lists, held by no account of any provider, with sign-up enabled
     * (`signUp.enabled`, or users-permissions' "Enable sign-ups" when it is 'auto').
     */
    async allows(id: NormalizedIdentifier): Promise<boolean> {
      const settings = getService('passwordless-settings');
      if (!id.isEmail || !SIGN_UP_EMAIL.test(id.email) || !(await settings.permits(id.email))) return false;
      if (!(await this.isOpen())) return false;
      return (await strapi.db.query(USER_UID).count({ where: { email: id.email } })) === 0;
    },

    /**
     * The account for a just-proven address: provider local, confirmed, the default
     * role, no usable password. Called only by the verification that consumed the
     * challenge, so concurrent verifications create one account.
     */
    async createAccount(email: string): Promise<Record<string, unknown> & { id: number; email: string }> {
      const role = await strapi.db
        .query(ROLE_UID)
        .findOne({ where: { type: (await advanced()).default_role ?? 'authenticated' } });
      const created = await strapi.plugin('users-permissions').service('user').add({
        username: await uniqueUsername(email),
        email,
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: role?.id,
      });
      // Created by proving the mailbox: nobody claimed it before.
      await getService('passwordless-sessions').markProven(created.id);
      // Read back as /auth/local reads users: without relations populated.
      return strapi.db.query(USER_UID).findOne({ where: { id: created.id } });
    },
  };
};
