/**
 * The package's entry: `withPasswordless(plugin)` adds passwordless login to
 * users-permissions, as an extension (`src/extensions/users-permissions/strapi-server.*`).
 * Wiring only: each piece lives in its own folder, mirroring the plugin's layout.
 */
import contentTypes from './content-types';
import { withLookupIndexes } from './content-types/user/lookup-indexes';
import { withSessionAttributes } from './content-types/user/session-attributes';
import { withMailboxProof } from './controllers/mailbox-proof';
import { registerWithSessionCheck } from './utils/session-check';
import services from './services';
import { PASSWORDLESS_ACTIONS, passwordlessActions } from './controllers/passwordless';
import { withRevocation } from './controllers/token-revocation';
import { ownRoutes } from './routes/content-api/passwordless';
import { choosePlatform } from './platform';
import type { Action } from './platform/types';
import adminRoutes from './routes/admin/passwordless';
import adminController from './controllers/passwordless-admin';
import { registerPasswordless } from './register';
import { bootstrapPasswordless } from './bootstrap';
import { destroyPasswordless } from './destroy';
import { refuseClashes } from './utils/clashes';

export type { PasswordlessConfig, PasswordlessUserConfig, EmailTemplates, RateWindow } from './config/types';
export { ERROR_CODES, type ErrorCode } from './error-codes';

type Context = { strapi: any };
type Lifecycle = (context: Context) => unknown;

/**
 * users-permissions' plugin object as Strapi hands it to `strapi-server`: the extension
 * reads and replaces these parts only. On Strapi 5 `controllers.auth` is a factory and
 * `routes['content-api']` a function with a `routes` property.
 */
export interface UsersPermissionsPlugin {
  contentTypes: Record<string, { schema: any }>;
  services: Record<string, unknown>;
  controllers: Record<string, any>;
  routes: Record<string, any>;
  register?: Lifecycle;
  bootstrap?: Lifecycle;
  destroy?: Lifecycle;
  [key: string]: unknown;
}

type Route = { method: string; path: string; handler: string | unknown };
type Actions = Record<string, Action>;

/**
 * Adds the passwordless routes, actions, services and content type to users-permissions
 * and returns the same plugin. Composes with a project's own extension:
 * `withPasswordless(yourExtension(plugin))`. A project action or route of the same
 * name stops Strapi with a message rather than being replaced.
 */
export function withPasswordless<P extends UsersPermissionsPlugin>(plugin: P): P {
  const platform = choosePlatform(strapi);
  const routes = ownRoutes(platform);
  refuseClashes(plugin, {
    // Strapi 5 has its own logout action, which ours wraps.
    actions: PASSWORDLESS_ACTIONS.filter((name) => !(platform.stockLogoutRoute && name === 'logout')),
    routes,
    controllers: ['passwordless-admin'],
    adminRoutes,
  });
  // New objects rather than edits of users-permissions' own: Strapi hands every boot in a
  // process the same nested objects, and a second boot (tests, reloads) would otherwise
  // find this extension already applied.
  const { user } = plugin.contentTypes;
  plugin.contentTypes = {
    ...plugin.contentTypes,
    ...contentTypes,
    user: { ...user, schema: withSessionAttributes(withLookupIndexes(user.schema)) },
  };
  plugin.services = { ...plugin.services, ...services };

  const auth = plugin.controllers.auth;
  const extend = (own: Actions): Actions => ({ ...own, ...withRevocation(own), ...withMailboxProof(own), ...passwordlessActions(own) });
  plugin.controllers = {
    ...plugin.controllers,
    // Strapi 5 builds controllers from factories: wrapping the factory is the only way in.
    auth: typeof auth === 'function' ? (deps: unknown) => extend(auth(deps)) : extend(auth),
    'passwordless-admin': adminController,
  };

  const admin = plugin.routes.admin;
  plugin.routes = {
    ...plugin.routes,
    'content-api': withRoutes(plugin.routes['content-api'], routes),
    admin: { ...admin, routes: [...(admin?.routes ?? []), ...adminRoutes] },
  };

  const { register, bootstrap, destroy } = plugin;
  plugin.register = async (context: Context) => {
    // users-permissions registers its JWT strategy here; it gets the revocation check.
    await registerWithSessionCheck(platform.authContainer(context.strapi), () => register?.(context));
    registerPasswordless(context);
  };
  plugin.bootstrap = async (context: Context) => {
    await platform.bootstrapUsersPermissions(() => bootstrap?.(context));
    await bootstrapPasswordless(context);
  };
  plugin.destroy = async (context: Context) => {
    await destroyPasswordless();
    await destroy?.(context);
  };
  return plugin;
}

/**
 * users-permissions' content-API routes with ours after them: an object on Strapi 4, a
 * function called at route registration on Strapi 5 (its `routes` property read by
 * other extensions and by the clash check).
 */
function withRoutes(contentApi: any, extra: Route[]): unknown {
  if (typeof contentApi !== 'function') return { ...contentApi, routes: [...contentApi.routes, ...extra] };
  const factory = (...args: unknown[]) => {
    const base = contentApi(...args);
    return { ...base, routes: [...base.routes, ...extra] };
  };
  Object.defineProperty(factory, 'routes', { get: () => [...contentApi.routes, ...extra], enumerable: true });
  return factory;
}

export default withPasswordless;
