import { errors, sanitize } from '@strapi/utils';
import type { Context } from 'koa';
import { ERROR_CODES } from '../error-codes';
import { getService } from '../utils/get-service';
import type { LimitHit } from '../services/passwordless-limits';
import { validateLogoutBody, validateRequestBody, validateVerifyBody } from './validation/passwordless';
import { resolveRequester } from '../utils/requester';
import { writeSessionCookie } from '../utils/session-cookie';
import { describeError } from '../utils/describe-error';
import { respondUnavailable, storageIsDown } from '../utils/outage';
import { respondWithError } from '../utils/error-response';
import { USER_UID } from '../utils/uids';

/** Returned by `available` when the storage was down and the 503 is already written. */
const UNAVAILABLE = Symbol('unavailable');

/**
 * Actions added to users-permissions' `auth` controller, so they appear in
 * Settings > Roles beside `callback` and friends.
 */
export default {
  async passwordless(ctx: Context): Promise<void> {
    const { identifier, locale } = await validateRequestBody(ctx.request.body);
    const hit = await available(ctx, () => getService('passwordless').requestCode({ identifier, locale, ...resolveRequester(ctx) }));
    if (hit === UNAVAILABLE) return;
    if (hit) throw rateLimited(ctx, hit);
    // The same bytes whether or not the identifier has an account.
    ctx.body = { ok: true };
  },

  async passwordlessVerify(ctx: Context): Promise<void> {
    const body = await validateVerifyBody(ctx.request.body);
    const requester = resolveRequester(ctx);
    const result = await available(ctx, () =>
      'token' in body
        ? getService('passwordless').verifyLink({ token: body.token, ...requester })
        : getService('passwordless').verifyCode({ identifier: body.identifier, code: body.code, ...requester })
    );
    if (result === UNAVAILABLE) return;
    if (result.status === 'limited') throw rateLimited(ctx, result.limit);
    if (result.status === 'invalid') {
      throw new errors.ValidationError('Invalid or expired code', { code: ERROR_CODES.INVALID_CODE });
    }
    // Exactly what POST /api/auth/local answers.
    const userSchema = strapi.getModel(USER_UID);
    writeSessionCookie(ctx, result.jwt);
    ctx.body = { jwt: result.jwt, user: await sanitize.contentAPI.output(result.user, userSchema, { auth: ctx.state.auth }) };
  },

  /**
   * Clears the session cookie (when enabled). With `{ everywhere: true }` every JWT of
   * the signed-in account issued until now stops working, on every device.
   */
  async logout(ctx: Context): Promise<void> {
    const { everywhere } = await validateLogoutBody(ctx.request.body);
    if (everywhere) {
      const user = ctx.state.user as { id?: number } | undefined;
      // Written here, not thrown: Strapi's authorize step turns any UnauthorizedError from
      // a handler into a bare 401, which would drop details.code.
      if (!user?.id) return respondWithError(ctx, 401, 'UnauthorizedError', 'Sign in to sign out everywhere', ERROR_CODES.NOT_SIGNED_IN);
      const done = await available(ctx, () => getService('passwordless-sessions').revokeSessions(user.id as number));
      if (done === UNAVAILABLE) return;
    }
    writeSessionCookie(ctx, null);
    ctx.body = { ok: true };
  },
};

function rateLimited(ctx: Context, limit: LimitHit): errors.RateLimitError {
  // Counted for the admin chart: refusals are what a flood looks like.
  getService('passwordless-stats').record('limited');
  ctx.set('Retry-After', String(limit.retryAfterSeconds));
  return new errors.RateLimitError('Too many requests, please try again later.', {
    code: limit.code,
    retryAfter: limit.retryAfterSeconds,
  });
}

/**
 * Codes and counters live in the database (or Redis); when that storage does not
 * answer, the client gets a 503 in Strapi's error shape rather than a 500. Any other
 * failure is a bug and goes on to Strapi's error handler as one.
 */
async function available<T>(ctx: Context, work: () => Promise<T>): Promise<T | typeof UNAVAILABLE> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof errors.ApplicationError || !(await storageIsDown(strapi))) throw error;
    strapi.log.error(`[passwordless] storage unavailable: ${describeError(error)}`);
    respondUnavailable(ctx);
    return UNAVAILABLE;
  }
}
