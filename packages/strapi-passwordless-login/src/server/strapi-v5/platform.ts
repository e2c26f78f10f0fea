/**
 * Strapi 5: config under `plugin::users-permissions`, `strapi.contentAPI.sanitize`,
 * `strapi.get('auth')`, stock `/auth/logout`, and users-permissions' two JWT modes:
 * `legacy-support` answers as Strapi 4 does; `refresh` signs in with a session
 * (strapi-v5/refresh-sessions).
 */
import type { Action, Platform } from '../platform/types';
import { issueUserJwt } from '../utils/jwt';
import { writeSessionCookie } from '../utils/session-cookie';
import { USER_UID } from '../utils/uids';
import { accessToken, endAllSessions, refreshCookie, refreshTokenOf, refuseRevokedFamily, signInWithSession, wantsCookie } from './refresh-sessions';
import { claimsOf } from '../utils/jwt';
import { getService } from '../utils/get-service';
import { reissueIfRevoked } from '../controllers/token-revocation';

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

  async reissue(ctx, user, body) {
    if (this.sessionMode() !== 'refresh') return { ...body, jwt: issueUserJwt(strapi, user.id, notBefore(user)) };
    const refreshToken = refreshTokenOf(ctx, body);
    return refreshToken ? { ...body, jwt: await accessToken(refreshToken, user) } : body;
  },

  /**
   * Stock /auth/refresh in refresh mode: a session family begun before the account's
   * revocation is refused (a rotation that raced the revocation), and a token issued in
   * the revocation's own second is issued again past it.
   */
  wrapStockAuth(stock): Record<string, Action> {
    const { refresh } = stock;
    if (!refresh) return {};
    return {
      refresh: async (ctx, next) => {
        const result = await refresh(ctx, next);
        const body = ctx.body as { jwt?: unknown } | undefined;
        if (this.sessionMode() !== 'refresh' || ctx.status !== 200 || typeof body?.jwt !== 'string') return result;
        const { userId, sessionId } = claimsOf(body.jwt) ?? {};
        const validAfter = await getService('passwordless-sessions').validAfter(Number(userId));
        if (await refuseRevokedFamily(ctx, { userId: Number(userId), sessionId: String(sessionId), validAfter })) return result;
        await reissueIfRevoked(ctx, validAfter);
        return result;
      },
    };
  },

  sanitizeUser: (ctx, user) => app().contentAPI.sanitize.output(user, strapi.getModel(USER_UID), { auth: ctx.state.auth }),

  async endSessions(userId) {
    if (this.sessionMode() === 'refresh') await endAllSessions(userId);
  },
};
