/**
 * Strapi 5: config under `plugin::users-permissions`, `strapi.contentAPI.sanitize`,
 * `strapi.get('auth')`, stock `/auth/logout`, and users-permissions' two JWT modes:
 * `legacy-support` answers as Strapi 4 does; `refresh` signs in with a session
 * (strapi-v5/refresh-sessions).
 */
import type { Platform } from '../platform/types';
import { issueJwtFor, signInWithJwt } from '../utils/jwt-sign-in';
import { USER_UID } from '../utils/uids';
import { withKeyedSessionSecret } from './session-key';
import { accessToken, endAllSessions, refreshCookie, refreshTokenOf, refuseRevokedFamily, signInWithSession, wantsCookie } from './refresh-sessions';

type Strapi5 = {
  get(name: 'auth'): ReturnType<Platform['authContainer']>;
  contentAPI: { sanitize: { output(data: unknown, schema: unknown, options: { auth: unknown }): Promise<unknown> } };
};
const app = () => strapi as unknown as Strapi5;

export const strapiV5: Platform = {
  major: 5,
  configPath: 'plugin::users-permissions.passwordless',
  pluginConfig: (plugin, path) => strapi.config.get(path ? `plugin::${plugin}.${path}` : `plugin::${plugin}`),
  authContainer: () => app().get('auth'),
  corePackage: '@strapi/core',
  apiTokenStrategy: 'content-api-token',
  stockLogoutRoute: true,
  sessionMode: () => (strapi.config.get('plugin::users-permissions.jwtManagement') === 'refresh' ? 'refresh' : 'jwt'),

  setsRefreshCookie(ctx) {
    return this.sessionMode() === 'refresh' && wantsCookie(ctx);
  },

  /**
   * Stock /api/auth/local answers 500 here ("Cannot send secure cookie over unencrypted
   * connection"), after it has made the session; ours refuses first, and the code stays
   * unspent.
   */
  refreshCookieRefusal(ctx) {
    if (!this.setsRefreshCookie(ctx) || !refreshCookie().options.secure || ctx.secure) return null;
    return 'The refresh cookie is Secure, and this request came over plain HTTP. Call Strapi over https; behind a TLS proxy set server.proxy.koa to true (PROXY=true), or set users-permissions sessions.cookie.secure to false.';
  },

  async signIn(ctx, user) {
    return this.sessionMode() === 'refresh' ? signInWithSession(ctx, user) : signInWithJwt(ctx, user);
  },

  async reissue(ctx, user, body) {
    if (this.sessionMode() !== 'refresh') return { ...body, jwt: issueJwtFor(user) };
    const refreshToken = refreshTokenOf(ctx, body);
    return refreshToken ? { ...body, jwt: await accessToken(refreshToken, user) } : body;
  },

  async endRevokedSession(ctx, session) {
    return this.sessionMode() === 'refresh' && refuseRevokedFamily(ctx, session);
  },

  sanitizeUser: (ctx, user) => app().contentAPI.sanitize.output(user, strapi.getModel(USER_UID), { auth: ctx.state.auth }),

  async endSessions(userId) {
    if (this.sessionMode() === 'refresh') await endAllSessions(userId);
  },

  bootstrapUsersPermissions: withKeyedSessionSecret,
};
