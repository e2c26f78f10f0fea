/**
 * A project that extends users-permissions itself may already have an `auth.logout`
 * action or a route at `/auth/logout`. Replacing it silently would break that project
 * in ways nobody sees at boot, so the extension refuses to load and says what to rename.
 */
interface Route {
  method: string;
  path: string;
}
interface Plugin {
  controllers: Record<string, unknown>;
  routes: Record<string, { routes: Route[] }>;
}

export function refuseClashes(
  plugin: Plugin,
  ours: { actions: string[]; routes: Route[]; controllers: string[]; adminRoutes: Route[] }
): void {
  const auth = plugin.controllers.auth;
  const existing = actionNames(auth);
  const actions = ours.actions.filter((name) => existing.includes(name));
  const taken = (type: string, list: Route[]) =>
    list.filter((route) => (plugin.routes[type]?.routes ?? []).some((other) => other.method === route.method && other.path === route.path));
  const routes = [...taken('content-api', ours.routes), ...taken('admin', ours.adminRoutes)];
  const controllers = ours.controllers.filter((name) => name in plugin.controllers);
  if (actions.length === 0 && routes.length === 0 && controllers.length === 0) return;
  const clashes = [
    ...actions.map((name) => `action auth.${name}`),
    ...controllers.map((name) => `controller ${name}`),
    ...routes.map((r) => `route ${r.method} ${r.path}`),
  ];
  throw new Error(
    `strapi-passwordless-login: your users-permissions extension already defines ${clashes.join(', ')}. ` +
      'The extension would replace it. Rename yours (or remove it if it was a copy of this extension), then start Strapi again.'
  );
}

/** users-permissions' own controller is an object; a project's may be a factory of one. */
function actionNames(controller: unknown): string[] {
  if (typeof controller !== 'function') return Object.keys(controller ?? {});
  try {
    return Object.keys(controller({ strapi: globalThis.strapi }) ?? {});
  } catch {
    // A factory that needs a running Strapi: its actions cannot be known before boot.
    return [];
  }
}
