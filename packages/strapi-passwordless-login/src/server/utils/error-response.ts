import type { Context } from 'koa';
import type { ErrorCode } from '../error-codes';

/**
 * Strapi's error shape, written directly: for middlewares that run outside Strapi's
 * own error middleware, where a thrown error would not be formatted.
 */
export function respondWithError(ctx: Context, status: number, name: string, message: string, code: ErrorCode): void {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details: { code } } };
}
