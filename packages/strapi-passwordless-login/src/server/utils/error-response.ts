import type { Context } from 'koa';
import type { AdminErrorCode, ErrorCode } from '../error-codes';

/**
 * Strapi's error shape, written directly: for middlewares that run outside Strapi's
 * own error middleware, where a thrown error would not be formatted, and for 401/403
 * from handlers, which Strapi's route authorization turns into bare errors without details.
 */
export function respondWithError(ctx: Context, status: number, name: string, message: string, code: ErrorCode | AdminErrorCode): void {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details: { code } } };
}
