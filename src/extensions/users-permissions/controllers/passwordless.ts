import { errors, sanitize } from '@strapi/utils';
import type { Context } from 'koa';
import { ERROR_CODES } from '../error-codes';
import { getService } from '../utils/get-service';
import type { LimitHit } from '../services/passwordless-limits';
import { validateRequestBody, validateVerifyBody } from './validation/passwordless';
import { resolveClientIp } from '../utils/client-ip';
import { writeSessionCookie } from './session-cookie';

/**
 * Actions added to users-permissions' `auth` controller, so they appear in
 * Settings > Roles beside `callback` and friends.
 */
export default {
  async passwordless(ctx: Context): Promise<void> {
    const { identifier, locale } = await validateRequestBody(ctx.request.body);
    const hit = await available(() => getService('passwordless').requestCode({ identifier, locale, ip: clientIp(ctx) }));
    if (hit) throw rateLimited(ctx, hit);
    // The same bytes whether or not the identifier has an account.
    ctx.body = { ok: true };
  },

  async passwordlessVerify(ctx: Context): Promise<void> {
    const body = await validateVerifyBody(ctx.request.body);
    const ip = clientIp(ctx);
    const result = await available(() =>
      'token' in body
        ? getService('passwordless').verifyLink({ token: body.token, ip })
        : getService('passwordless').verifyCode({ identifier: body.identifier, code: body.code, ip })
    );
    if (result.status === 'limited') throw rateLimited(ctx, result.limit);
    if (result.status === 'invalid') {
      throw new errors.ValidationError('Invalid or expired code', { code: ERROR_CODES.INVALID_CODE });
    }
    // Exactly what POST /api/auth/local answers.
    const userSchema = strapi.getModel('plugin::users-permissions.user');
    const jwt = strapi.plugin('users-permissions').service('jwt').issue({ id: result.user.id });
    writeSessionCookie(ctx, jwt);
    ctx.body = { jwt, user: await sanitize.contentAPI.output(result.user, userSchema, { auth: ctx.state.auth }) };
  },

  /** Clears the session cookie (when enabled). The JWT itself stays valid until it expires. */
  async logout(ctx: Context): Promise<void> {
    writeSessionCookie(ctx, null);
    ctx.body = { ok: true };
  },
};

function clientIp(ctx: Context): string {
  return (
    resolveClientIp({
      proxy: ctx.app.proxy,
      trustedHops: getService('passwordless-settings').get().limits.trustedProxyHops,
      forwardedFor: ctx.get('X-Forwarded-For') || undefined,
      remoteAddress: ctx.req.socket.remoteAddress,
    }) ?? ''
  );
}

function rateLimited(ctx: Context, limit: LimitHit): errors.RateLimitError {
  ctx.set('Retry-After', String(limit.retryAfterSeconds));
  return new errors.RateLimitError('Too many requests, please try again later.', {
    code: limit.code,
    retryAfter: limit.retryAfterSeconds,
  });
}

/**
 * Codes and counters live in the database; when it does not answer, the client
 * gets a 503 in Strapi's error shape rather than a 500.
 */
async function available<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof errors.ApplicationError) throw error;
    strapi.log.error(`[passwordless] storage unavailable: ${(error as Error)?.stack ?? String(error)}`);
    throw Object.assign(new errors.ApplicationError('Service temporarily unavailable', { code: ERROR_CODES.SERVICE_UNAVAILABLE }), {
      status: 503,
    });
  }
}
