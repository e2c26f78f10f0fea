import type { Context, Next } from 'koa';
import { ERROR_CODES } from '../error-codes';
import { getService } from '../utils/get-service';
import { respondWithError } from '../utils/error-response';
import { CLEAR_COOKIE, COOKIE_AUTH } from '../utils/session-check';
import { platform } from '../platform';
import { clearRefusedSessionCookie, readSessionCookie } from '../utils/session-cookie';
import { isListedOrigin, requestOrigin } from '../utils/request-origin';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The routes whose answer sets or clears the session cookie. */
const SESSION_ROUTES = ['/auth/passwordless/verify', '/auth/logout'];

/**
 * The session cookie as content-API credentials: when a request carries the cookie and
 * no Authorization header, the cookie's JWT becomes the header users-permissions reads,
 * so every content-API route authenticates it as usual.
 *
 * CSRF, refused before any route runs (a 403 in Strapi's error shape), whenever a verify
 * sets a cookie: ours, or users-permissions' refresh cookie in Strapi 5 refresh mode
 * (`sessions.httpOnly` or `x-strapi-refresh-cookie: httpOnly`):
 * - login and logout CSRF: a verify or logout sent by a page outside `cookie.origins`
 *   (or by `Origin: null`), with or without a cookie. A cross-site form can post the
 *   attacker's own code (urlencoded and multipart bodies parse like JSON), which would
 *   sign the victim in as the attacker; refused here, the code is not even spent. A
 *   request with neither Origin nor Referer is a server, not a page: it goes on and gets
 *   no cookie (see writeSessionCookie).
 * - any other state-changing request that the cookie would authenticate must name a
 *   listed origin: SameSite=Lax still lets top-level POST navigations through in some
 *   browsers.
 * Both rules live here, rather than the first in a route policy: this middleware runs
 * first on every request, before the body is read and before users-permissions
 * authenticates, and it already knows the API prefix. The paths are compared as Strapi's
 * router matches them (case-insensitive, optional trailing slash), so a spelling such as
 * /API/Auth/Logout/ cannot slip past.
 */
export function cookieSession(apiPrefix: string) {
  const prefix = apiPrefix.toLowerCase();
  const sessionRoutes = new Set(SESSION_ROUTES.map((route) => `${prefix}${route}`));
  return async (ctx: Context, next: Next): Promise<void> => {
    const { cookie } = getService('passwordless-settings').get();
    const path = ctx.path.toLowerCase();
    if (!path.startsWith(`${prefix}/`)) return next();
    // Either cookie: ours (legacy JWTs), or users-permissions' refresh cookie (Strapi 5).
    const refreshCookie = platform().setsRefreshCookie(ctx);
    if (!cookie.enabled && !refreshCookie) return next();
    const stateChanging = !SAFE_METHODS.has(ctx.method);
    const origin = requestOrigin(ctx);
    const fromListedOrigin = isListedOrigin(origin, cookie.origins);
    if (stateChanging && origin !== undefined && !fromListedOrigin && sessionRoutes.has(path.replace(/\/$/, ''))) {
      return refuseCrossSite(ctx);
    }
    if (!cookie.enabled || ctx.get('Authorization')) return next();
    const jwt = readSessionCookie(ctx, cookie);
    if (!jwt) return next();
    if (stateChanging && !fromListedOrigin) return refuseCrossSite(ctx);
    ctx.request.headers.authorization = `Bearer ${jwt}`;
    ctx.state[COOKIE_AUTH] = true;
    await next();
    // The cookie's token was refused (see withSessionCheck): the request went on as
    // anonymous, and the browser forgets the cookie.
    if (ctx.state[CLEAR_COOKIE]) clearRefusedSessionCookie(ctx);
  };
}

function refuseCrossSite(ctx: Context): void {
  respondWithError(ctx, 403, 'ForbiddenError', 'Cross-site request refused', ERROR_CODES.CSRF_ORIGIN_MISMATCH);
}
