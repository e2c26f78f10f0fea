import type { Context } from 'koa';
import { issuedAt } from './jwt';
import { withPublicRoleCache } from './public-role-cache';
import type { AuthContainer, AuthStrategy as Strategy } from '../platform/types';

/*
 * users-permissions registers its content-API strategy in its own `register`, on both
 * majors; we hand the container (platform.authContainer) a wrapped copy. The strategy's
 * answer carries the account row it has just read, so the check costs no query.
 */

/** Set by the cookie middleware when the Authorization header came from the session cookie. */
export const COOKIE_AUTH = 'passwordlessCookieAuth';
/** Set here when that cookie's token was refused: the middleware then clears the cookie. */
export const CLEAR_COOKIE = 'passwordlessClearCookie';

/**
 * Runs users-permissions' `register` with its content-API strategy wrapped: the session
 * check around the Public role cache (utils/public-role-cache) around users-permissions' own.
 */
export async function registerWithSessionCheck(auth: AuthContainer, register: () => Promise<unknown> | unknown): Promise<void> {
  const original = auth.register;
  auth.register = function registerStrategy(type, strategy) {
    const wrapped = type === 'content-api' && strategy.name === 'users-permissions' ? withSessionCheck(withPublicRoleCache(strategy)) : strategy;
    return original.call(this, type, wrapped);
  };
  try {
    await register();
  } finally {
    auth.register = original;
  }
}

/**
 * Two rules on top of users-permissions' own checks:
 * - a JWT issued before the account's `sessionsValidAfter` is refused. The account row
 *   is the one users-permissions has just read for this request, so the check costs no
 *   query;
 * - a token that came from the session cookie and is refused for any reason (bad
 *   signature, old secret, expired, revoked, deleted user) is treated as no token at
 *   all, so a stale cookie cannot turn every request into a 401 for weeks. A token sent
 *   in an Authorization header keeps Strapi's normal 401.
 */
export function withSessionCheck(strategy: Strategy): Strategy {
  return {
    ...strategy,
    async authenticate(ctx) {
      let result = await strategy.authenticate(ctx);
      const user = result?.authenticated ? result.credentials : null;
      if (user && revoked(ctx, user)) {
        ctx.state.user = undefined;
        ctx.state.session = undefined;
        result = { error: 'Invalid credentials' };
      }
      const accepted = Boolean(result?.authenticated && result.credentials);
      if (ctx.state[COOKIE_AUTH] && !accepted) {
        // Cleared only when the token itself is refused. users-permissions also answers
        // "not authenticated" when the database hiccups; a good token then stays in the
        // browser, and this one request goes on as anonymous.
        const refused = Boolean(result?.error) || !(await verifies(ctx.request.headers.authorization));
        delete ctx.request.headers.authorization;
        ctx.state[COOKIE_AUTH] = false;
        ctx.state[CLEAR_COOKIE] = refused;
        result = await strategy.authenticate(ctx);
      }
      return result;
    },
  };
}

/** Whether a Bearer header's JWT has users-permissions' signature and is unexpired (no query). */
async function verifies(authorization: string | undefined): Promise<boolean> {
  const token = authorization?.split(/\s+/)[1];
  if (!token) return false;
  try {
    // Legacy mode only (cookie mode): a JWT users-permissions signed and that has not expired.
    await strapi.plugin('users-permissions').service('jwt').verify(token);
    return true;
  } catch {
    return false;
  }
}

function revoked(ctx: Context, user: Record<string, unknown>): boolean {
  const validAfter = Number(user.sessionsValidAfter ?? 0);
  if (!validAfter) return false;
  const iat = issuedAt(ctx.request.headers.authorization);
  // JWTs carry their issue time in whole seconds; see sessionsValidAfter's rounding.
  return iat === undefined || iat * 1000 < validAfter;
}
