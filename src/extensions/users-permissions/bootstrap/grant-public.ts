import type { Strapi } from '../utils/strapi-types';

export const PASSWORDLESS_ACTIONS = [
  'plugin::users-permissions.auth.passwordless',
  'plugin::users-permissions.auth.passwordlessVerify',
];
const GRANTED_KEY = 'passwordless_public_granted';

/**
 * `grantPublic: true` ticks both routes for the Public role once. The flag in the
 * plugin store remembers it was done, so an admin who unticks them stays in charge.
 */
export async function grantPublicOnce(strapi: Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  if (await store.get({ key: GRANTED_KEY })) return;
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) return;
  for (const action of PASSWORDLESS_ACTIONS) {
    const existing = await strapi.db
      .query('plugin::users-permissions.permission')
      .findOne({ where: { action, role: role.id } });
    if (!existing) {
      await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
  }
  await store.set({ key: GRANTED_KEY, value: true });
}
