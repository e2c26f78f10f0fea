/**
 * The package's entry: `withPasswordless(plugin)` adds passwordless login to
 * users-permissions, as an extension (`src/extensions/users-permissions/strapi-server.*`).
 * Wiring only: each piece lives in its own folder, mirroring the plugin's layout.
 */
import contentTypes from './content-types';
import { withLookupIndexes } from './content-types/user/lookup-indexes';
import { withSessionAttributes } from './content-types/user/session-attributes';
import { withMailboxProof } from './controllers/mailbox-proof';
import { registerWithSessionCheck } from './strapi-v4/content-api-auth';
import services from './services';
import passwordlessController from './controllers/passwordless';
import routes from './routes/content-api/passwordless';
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
 * users-permissions' plugin object as Strapi 4 hands it to `strapi-server`: the
 * extension reads and replaces these parts only.
 */
export interface UsersPermissionsPlugin {
  contentTypes: Record<string, { schema: any }>;
  services: Record<string, unknown>;
  controllers: Record<string, any>;
  routes: Record<string, { routes: Array<{ method: string; path: string; handler: string | unknown }> }>;
  register?: Lifecycle;
  bootstrap?: Lifecycle;
  destroy?: Lifecycle;
  [key: string]: unknown;
}

/**
 * Adds the passwordless routes, actions, services and content type to users-permissions
 * and returns the same plugin. Composes with a project's own extension:
 * `withPasswordless(yourExtension(plugin))`. A project action or route of the same
 * name stops Strapi with a message rather than being replaced.
 */
export function withPasswordless<P extends UsersPermissionsPlugin>(plugin: P): P {
  refuseClashes(plugin, {
    actions: Object.keys(passwordlessController),
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
  plugin.controllers = {
    ...plugin.controllers,
    auth:
      typeof auth === 'function'
        ? (deps: unknown) => {
            const own = auth(deps);
            return { ...own, ...withMailboxProof(own), ...passwordlessController };
          }
        : { ...auth, ...withMailboxProof(auth), ...passwordlessController },
    'passwordless-admin': adminController,
  };

  const contentApi = plugin.routes['content-api'];
  const admin = plugin.routes.admin;
  plugin.routes = {
    ...plugin.routes,
    'content-api': { ...contentApi, routes: [...contentApi.routes, ...routes] },
    admin: { ...admin, routes: [...(admin?.routes ?? []), ...adminRoutes] },
  };

  const { register, bootstrap, destroy } = plugin;
  plugin.register = async (context: Context) => {
    // users-permissions registers its JWT strategy here; it gets the revocation check.
    await registerWithSessionCheck(context.strapi, () => register?.(context));
    registerPasswordless(context);
  };
  plugin.bootstrap = async (context: Context) => {
    await bootstrap?.(context);
    await bootstrapPasswordless(context);
  };
  plugin.destroy = async (context: Context) => {
    await destroyPasswordless();
    await destroy?.(context);
  };
  return plugin;
}

export default withPasswordless;
