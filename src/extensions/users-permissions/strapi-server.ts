/**
 * Wiring only: adds passwordless login to users-permissions. Each piece lives in
 * its own folder, mirroring the plugin's layout.
 */
import contentTypes from './content-types';
import { withLookupIndexes } from './content-types/user/lookup-indexes';
import { withSessionAttributes } from './content-types/user/session-attributes';
import { withMailboxProof } from './controllers/mailbox-proof';
import { registerWithSessionCheck } from './strapi-v4/content-api-auth';
import services from './services';
import passwordlessController from './controllers/passwordless';
import routes from './routes/content-api/passwordless';
import { bootstrapPasswordless, destroyPasswordless, registerPasswordless } from './bootstrap';

type Lifecycle = (context: { strapi: any }) => unknown;

export default (plugin: any) => {
  Object.assign(plugin.contentTypes, contentTypes);
  plugin.contentTypes.user.schema = withSessionAttributes(withLookupIndexes(plugin.contentTypes.user.schema));
  Object.assign(plugin.services, services);

  const auth = plugin.controllers.auth;
  plugin.controllers.auth =
    typeof auth === 'function'
      ? (deps: unknown) => {
          const own = auth(deps);
          return { ...own, ...withMailboxProof(own), ...passwordlessController };
        }
      : { ...auth, ...withMailboxProof(auth), ...passwordlessController };

  plugin.routes['content-api'].routes.push(...routes);

  const { register, bootstrap, destroy } = plugin as Record<string, Lifecycle | undefined>;
  plugin.register = async (context: { strapi: any }) => {
    // users-permissions registers its JWT strategy here; it gets the revocation check.
    await registerWithSessionCheck(context.strapi, () => register?.(context));
    registerPasswordless(context);
  };
  plugin.bootstrap = async (context: { strapi: any }) => {
    await bootstrap?.(context);
    await bootstrapPasswordless(context);
  };
  plugin.destroy = async (context: { strapi: any }) => {
    await destroyPasswordless();
    await destroy?.(context);
  };
  return plugin;
};
