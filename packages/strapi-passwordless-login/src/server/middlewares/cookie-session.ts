import type { Context, Next } from 'koa';
import { ERROR_CODES } from '../error-codes';
import { getService } from '../utils/get-service';
import { respondWithError } from '../utils/error-response';
import { CLEAR_COOKIE, COOKIE_AUTH } from '../strapi-v4/content-api-auth';
import { readSessionCookie, writeSessionCookie } from '../utils/session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The session cookie as content-API credentials: when a request carries the cookie and
 * no Authorization header, the cookie's JWT becomes the header users-permissions reads,
 * so every content-API route authenticates it as usual.
 *
 * CSRF: browsers attach cookies to cross-site requests, and SameSite=Lax still lets
 * top-level POST navigations through in some browsers. A state-changing request that
 * would be authenticated by the cookie must therefore name an allowed origin in Origin
 * (or, failing that, Referer); otherwise it is refused before any route runs.
 */
export function cookieSession(apiPrefix: string) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const { cookie } = getService('passwordless-settings').get();
    if (!cookie.enabled || !ctx.path.startsWith(`${apiPrefix}/`) || ctx.get('Authorization')) return next();
    const jwt = readSessionCookie(ctx, cookie);
    if (!jwt) return next();
    if (!SAFE_METHODS.has(ctx.method) && !cookie.origins.includes(requestOrigin(ctx) ?? '')) {
      respondWithError(ctx, 403, 'ForbiddenError', 'Cross-site request refused', ERROR_CODES.CSRF_ORIGIN_MISMATCH);
      return;
    }
    ctx.request.headers.authorization = `Bearer ${jwt}`;
    ctx.state[COOKIE_AUTH] = true;
    await next();
    // The cookie's token was refused (see withSessionCheck): the request went on as
    // anonymous, and the browser forgets the cookie.
    if (ctx.state[CLEAR_COOKIE]) writeSessionCookie(ctx, null);
  };
}

function requestOrigin(ctx: Context): string | undefined {
  const origin = ctx.get('Origin');
  if (origin && origin !== 'null') return origin;
  try {
    return new URL(ctx.get('Referer')).origin;
  } catch {
    return undefined;
  }
}
