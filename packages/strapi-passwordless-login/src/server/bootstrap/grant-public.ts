import type { Strapi } from '../utils/strapi-types';
import { ACTION_NAMES, actionUid } from '../utils/actions';
import { ROLE_UID } from '../utils/uids';

const PASSWORDLESS_ACTIONS = ACTION_NAMES.map(actionUid);
// A cookie-authenticated visitor is Authenticated, so logout is theirs to call too.
const AUTHENTICATED_ACTIONS = [actionUid('logout')];
const GRANTED_KEY = 'passwordless_public_granted';

/**
 * `grantPublic: true` ticks the passwordless routes and logout for the Public role
 * (and logout for Authenticated) once. The flag in the
 * plugin store remembers it was done, so an admin who unticks them stays in charge.
 */
export async function grantPublicOnce(strapi: Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  if (await store.get({ key: GRANTED_KEY })) return;
  await grant(strapi, 'public', PASSWORDLESS_ACTIONS);
  await grant(strapi, 'authenticated', AUTHENTICATED_ACTIONS);
  await store.set({ key: GRANTED_KEY, value: true });
}

async function grant(strapi: Strapi, roleType: string, actions: string[]): Promise<void> {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: roleType } });
  if (!role) return;
  for (const action of actions) {
    const existing = await strapi.db
      .query('plugin::users-permissions.permission')
      .findOne({ where: { action, role: role.id } });
    if (!existing) {
      await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
  }
}
