/**
 * Strapi 4: JWTs only (users-permissions' `jwt` service), the optional session cookie of
 * this extension, `sanitize.contentAPI` from @strapi/utils, the container's `auth`.
 */
import { sanitize } from '@strapi/utils';
import type { Platform } from '../platform/types';
import { issueUserJwt } from '../utils/jwt';
import { writeSessionCookie } from '../utils/session-cookie';
import { USER_UID } from '../utils/uids';

const notBefore = (user: { sessionsValidAfter?: number | string | null }) => ({
  notBeforeSeconds: Math.ceil(Number(user.sessionsValidAfter ?? 0) / 1000),
});

export const strapiV4: Platform = {
  major: 4,
  configPath: 'plugin.users-permissions.passwordless',
  pluginConfig: (plugin, path) => strapi.config.get(path ? `plugin.${plugin}.${path}` : `plugin.${plugin}`),
  authContainer: (app) => (app as unknown as { container: { get(name: 'auth'): ReturnType<Platform['authContainer']> } }).container.get('auth'),
  corePackage: '@strapi/strapi',
  apiTokenStrategy: 'api-token',
  stockLogoutRoute: false,
  sessionMode: () => 'jwt',
  signInRefusal: () => null,
  setsRefreshCookie: () => false,

  async signIn(ctx, user) {
    const jwt = issueUserJwt(strapi, user.id, notBefore(user));
    writeSessionCookie(ctx, jwt);
    return { jwt };
  },

  async reissue(_ctx, user, body) {
    return { ...body, jwt: issueUserJwt(strapi, user.id, notBefore(user)) };
  },

  sanitizeUser: (ctx, user) => sanitize.contentAPI.output(user, strapi.getModel(USER_UID), { auth: ctx.state.auth }),

  endSessions: async () => undefined,

  wrapStockAuth: () => ({}),
};
