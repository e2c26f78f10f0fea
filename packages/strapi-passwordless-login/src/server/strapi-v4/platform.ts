/**
 * Strapi 4: JWTs only (users-permissions' `jwt` service), the optional session cookie of
 * this extension, `sanitize.contentAPI` from @strapi/utils, the container's `auth`.
 */
import { sanitize } from '@strapi/utils';
import type { Platform } from '../platform/types';
import { issueJwtFor, signInWithJwt } from '../utils/jwt-sign-in';
import { USER_UID } from '../utils/uids';

export const strapiV4: Platform = {
  major: 4,
  configPath: 'plugin.users-permissions.passwordless',
  pluginConfig: (plugin, path) => strapi.config.get(path ? `plugin.${plugin}.${path}` : `plugin.${plugin}`),
  authContainer: (app) => (app as unknown as { container: { get(name: 'auth'): ReturnType<Platform['authContainer']> } }).container.get('auth'),
  corePackage: '@strapi/strapi',
  apiTokenStrategy: 'api-token',
  stockLogoutRoute: false,
  sessionMode: () => 'jwt',
  refreshCookieRefusal: () => null,
  setsRefreshCookie: () => false,

  signIn: async (ctx, user) => signInWithJwt(ctx, user),

  reissue: async (_ctx, user, body) => ({ ...body, jwt: issueJwtFor(user) }),

  sanitizeUser: (ctx, user) => sanitize.contentAPI.output(user, strapi.getModel(USER_UID), { auth: ctx.state.auth }),

  endSessions: async () => undefined,

  endRevokedSession: async () => false,

  bootstrapUsersPermissions: async (run) => {
    await run();
  },
};
