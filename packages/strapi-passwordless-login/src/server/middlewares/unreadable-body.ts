import type { Context, Next } from 'koa';
import { ERROR_CODES } from '../error-codes';
import { respondWithError } from '../utils/error-response';

/**
 * A body Strapi's own parser refuses before our validation sees it (broken JSON; on
 * Strapi 5 also a `__proto__` key) is answered by strapi::errors with a 400 that carries
 * no code. On our routes it gets the same answer as any other bad body: 400
 * INVALID_BODY, so a storefront switches on one code.
 */
export function unreadableBody(paths: string[]) {
  return async (ctx: Context, next: Next): Promise<void> => {
    await next();
    if (ctx.status !== 400 || ctx.method !== 'POST' || !paths.includes(ctx.path)) return;
    const details = (ctx.body as { error?: { details?: { code?: unknown } } } | undefined)?.error?.details;
    if (details?.code === undefined) respondWithError(ctx, 400, 'ValidationError', 'Invalid request body', ERROR_CODES.INVALID_BODY);
  };
}
