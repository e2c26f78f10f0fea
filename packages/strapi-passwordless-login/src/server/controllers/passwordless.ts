import { errors } from '@strapi/utils';
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
import { platform } from '../platform';
import type { Action } from '../platform/types';
import type { PasswordlessAction } from '../../shared/admin-api';

/** Returned by `available` when the storage was down and the 503 is already written. */
const UNAVAILABLE = Symbol('unavailable');

/** Our actions under users-permissions' `auth`, as Settings → Roles lists them. */
export const PASSWORDLESS_ACTIONS: readonly PasswordlessAction[] = ['passwordless', 'passwordlessVerify', 'logout'];

/**
 * Actions added to users-permissions' `auth` controller, so they appear in
 * Settings > Roles beside `callback` and friends. `stock` is users-permissions' own
 * controller: on Strapi 5 its logout is wrapped, not replaced.
 */
export function passwordlessActions(stock: Record<string, Action>): Record<PasswordlessAction, Action> {
  return {
    async passwordless(ctx: Context): Promise<void> {
      const { identifier, locale } = await validateRequestBody(ctx.request.body);
      const hit = await available(ctx, () => getService('passwordless').requestCode({ identifier, locale, ...resolveRequester(ctx) }));
      if (hit === UNAVAILABLE) return;
      if (hit) throw rateLimited(ctx, hit);
      // The same bytes whether or not the identifier has an account.
      ctx.body = { ok: true };
    },

    async passwordlessVerify(ctx: Context): Promise<void> {
      const body = await validateVerifyBody(ctx.request.body, { deviceId: platform().major === 5 });
      // Before the code is spent: an answer that could not be sent must not cost the code.
      // Written, not thrown: Strapi's route authorization turns a thrown 403 into a bare one.
      const refusal = platform().refreshCookieRefusal(ctx);
      if (refusal) return respondWithError(ctx, 403, 'ForbiddenError', refusal, ERROR_CODES.HTTPS_REQUIRED);
      const requester = resolveRequester(ctx);
      const result = await available(ctx, async () => {
        const outcome =
          'token' in body
            ? await getService('passwordless').verifyLink({ token: body.token, ...requester })
            : await getService('passwordless').verifyCode({ identifier: body.identifier, code: body.code, ...requester });
        return outcome.status === 'verified' ? { ...outcome, tokens: await platform().signIn(ctx, outcome.user) } : outcome;
      });
      if (result === UNAVAILABLE) return;
      if (result.status === 'limited') throw rateLimited(ctx, result.limit);
      if (result.status === 'invalid') {
        throw new errors.ValidationError('Invalid or expired code', { code: ERROR_CODES.INVALID_CODE });
      }
      // Exactly what POST /api/auth/local answers in this project.
      ctx.body = { ...result.tokens, user: await platform().sanitizeUser(ctx, result.user) };
    },

    /**
     * With JWTs only: clears the session cookie (when enabled), and with `{ everywhere: true }`
     * every JWT of the signed-in account issued until now stops working, on every device.
     * With refresh sessions (Strapi 5): users-permissions' own logout, where
     * `{ everywhere: true }` means `{ scope: 'all' }`, and signing out of all sessions also
     * stops every access token issued before, at once.
     */
    async logout(ctx: Context, next?: () => Promise<unknown>): Promise<unknown> {
      // Refresh sessions exist on Strapi 5 only, where the route is users-permissions' own.
      const refresh = platform().sessionMode() === 'refresh';
      const { everywhere, ...rest } = await validateLogoutBody(ctx.request.body, { refresh });
      // Stock clears the Secure cookie over plain HTTP with a 500, after revoking: refused first.
      const refusal = platform().refreshCookieRefusal(ctx);
      if (refusal) return respondWithError(ctx, 403, 'ForbiddenError', refusal, ERROR_CODES.HTTPS_REQUIRED);
      const all = everywhere === true || (refresh && rest.scope === 'all');
      if (all) {
        const user = ctx.state.user as { id?: number } | undefined;
        // Written here, not thrown: Strapi's authorize step turns any UnauthorizedError from
        // a handler into a bare 401, which would drop details.code.
        if (!user?.id) return respondWithError(ctx, 401, 'UnauthorizedError', 'Sign in to sign out everywhere', ERROR_CODES.NOT_SIGNED_IN);
        const userId = user.id;
        const done = await available(ctx, async () => {
          await getService('passwordless-sessions').revokeSessions(userId);
          // Stock logs and forgets a failure to end sessions; ours answers 503 instead.
          await platform().endSessions(userId);
        });
        if (done === UNAVAILABLE) return undefined;
      }
      if (refresh) {
        ctx.request.body = all ? { ...rest, scope: 'all' } : rest;
        return stock.logout(ctx, next);
      }
      writeSessionCookie(ctx, null);
      ctx.body = { ok: true };
      return undefined;
    },
  };
}

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
