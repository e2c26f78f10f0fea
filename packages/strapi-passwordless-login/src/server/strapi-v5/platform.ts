/**
 * Strapi 5: config under `plugin::users-permissions`, `strapi.contentAPI.sanitize`,
 * `strapi.get('auth')`, stock `/auth/logout`, and users-permissions' two JWT modes:
 * `legacy-support` answers as Strapi 4 does; `refresh` signs in with a session
 * (strapi-v5/refresh-sessions).
 */
import type { Platform } from '../platform/types';
import { issueUserJwt } from '../utils/jwt';
import { writeSessionCookie } from '../utils/session-cookie';
import { USER_UID } from '../utils/uids';
import { accessToken, endAllSessions, refreshCookie, signInWithSession, wantsCookie } from './refresh-sessions';

type Strapi5 = {
  get(name: 'auth'): ReturnType<Platform['authContainer']>;
  contentAPI: { sanitize: { output(data: unknown, schema: unknown, options: { auth: unknown }): Promise<unknown> } };
};
const app = () => strapi as unknown as Strapi5;

const notBefore = (user: { sessionsValidAfter?: number | string | null }) => ({
  notBeforeSeconds: Math.ceil(Number(user.sessionsValidAfter ?? 0) / 1000),
});

export const strapiV5: Platform = {
  major: 5,
  configPath: 'plugin::users-permissions.passwordless',
  pluginConfig: (plugin, path) => strapi.config.get(path ? `plugin::${plugin}.${path}` : `plugin::${plugin}`),
  authContainer: () => app().get('auth'),
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
  signInRefusal(ctx) {
    if (!this.setsRefreshCookie(ctx) || !refreshCookie().options.secure || ctx.secure) return null;
    return 'The refresh cookie is Secure, and this request came over plain HTTP. Call Strapi over https; behind a TLS proxy set server.proxy.koa to true (PROXY=true), or set users-permissions sessions.cookie.secure to false.';
  },

  async signIn(ctx, user) {
    if (this.sessionMode() === 'refresh') return signInWithSession(ctx, user);
    const jwt = issueUserJwt(strapi, user.id, notBefore(user));
    writeSessionCookie(ctx, jwt);
    return { jwt };
  },

  async reissue(_ctx, user, body) {
    if (this.sessionMode() !== 'refresh') return { ...body, jwt: issueUserJwt(strapi, user.id, notBefore(user)) };
    const refreshToken = typeof body.refreshToken === 'string' ? body.refreshToken : null;
    return refreshToken ? { ...body, jwt: await accessToken(refreshToken, user) } : body;
  },

  sanitizeUser: (ctx, user) => app().contentAPI.sanitize.output(user, strapi.getModel(USER_UID), { auth: ctx.state.auth }),

  async endSessions(userId) {
    if (this.sessionMode() === 'refresh') await endAllSessions(userId);
  },
};
