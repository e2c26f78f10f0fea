import type { Strapi } from '../utils/strapi-types';
import { countPermissionsChange } from '../utils/public-role-cache';
import { ROLE_UID } from '../utils/uids';

const PERMISSION_UID = 'plugin::users-permissions.permission';
const AFTER_WRITES = ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'] as const;

/**
 * Every write to users-permissions' roles and permissions through the query engine (what
 * Settings → Roles, the role API and users-permissions' own boot sync use) counts as a
 * change, on whichever instance makes it, before the write returns: the Public role cache
 * of every instance then builds the permissions again on its next request
 * (utils/public-role-cache). Counted whether or not this instance caches, so that
 * instances which do are told.
 */
export function subscribePermissionLifecycles(strapi: Strapi): void {
  const changed = () => countPermissionsChange(strapi);
  strapi.db.lifecycles.subscribe({
    models: [PERMISSION_UID, ROLE_UID],
    ...Object.fromEntries(AFTER_WRITES.map((name) => [name, changed])),
  } as Parameters<Strapi['db']['lifecycles']['subscribe']>[0]);
}
