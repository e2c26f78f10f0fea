import { SESSION_FIELDS } from '../content-types/user/session-attributes';
import type { Strapi } from '../utils/strapi-types';
import { USER_UID } from '../utils/uids';

type Data = Record<string, unknown>;
interface UserEvent {
  action: string;
  params: { data?: Data | Data[] };
}

/**
 * The session attributes are written by the sessions service alone (straight to the
 * table, so it is not subject to this). users-permissions' own user routes pass their
 * body to the query engine as it is, so without this an account holder that an admin
 * allowed to edit users could mark a claimed address as proven or undo a revocation.
 *
 * Accounts an admin creates in the Content Manager count as proven: the admin vouches
 * for the address.
 */
export function subscribeUserLifecycles(strapi: Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: [USER_UID],
    beforeCreate: (event: UserEvent) => guard(strapi, event),
    beforeCreateMany: (event: UserEvent) => guard(strapi, event),
    beforeUpdate: (event: UserEvent) => guard(strapi, event),
    beforeUpdateMany: (event: UserEvent) => guard(strapi, event),
  } as Parameters<Strapi['db']['lifecycles']['subscribe']>[0]);
}

function guard(strapi: Strapi, event: UserEvent): void {
  const rows = Array.isArray(event.params.data) ? event.params.data : event.params.data ? [event.params.data] : [];
  const byAdmin = event.action.startsWith('beforeCreate') && requestByAdmin(strapi);
  for (const data of rows) {
    for (const field of SESSION_FIELDS) delete data[field];
    if (byAdmin) data.mailboxProvenAt = Date.now();
  }
}

/** Strapi 4: the request being served, if any, was authenticated as an admin-panel user. */
function requestByAdmin(strapi: Strapi): boolean {
  const ctx = (strapi as unknown as { requestContext?: { get(): { state?: { auth?: { strategy?: { name?: string } } } } | undefined } })
    .requestContext?.get();
  return ctx?.state?.auth?.strategy?.name === 'admin';
}
