import type { Context } from 'koa';
import { ERROR_CODES } from '../error-codes';
import { respondWithError } from './error-response';
import { getService } from './get-service';
import type { Strapi } from './strapi-types';

/**
 * Whether codes and counters cannot be reached right now: the database, or Redis when
 * counters live there. Only then is a failure an outage (503); anything else is a bug
 * and stays a 500.
 */
export async function storageIsDown(strapi: Strapi): Promise<boolean> {
  const [database, counters] = await Promise.all([databaseAnswers(strapi), getService('passwordless-limits').ping()]);
  return !database || !counters;
}

export async function databaseAnswers(strapi: Strapi): Promise<boolean> {
  try {
    await strapi.db.connection.raw('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/** The one 503 body, for the controller and the middleware alike. */
export function respondUnavailable(ctx: Context): void {
  ctx.set('Retry-After', '5');
  respondWithError(ctx, 503, 'ServiceUnavailableError', 'Service temporarily unavailable', ERROR_CODES.SERVICE_UNAVAILABLE);
}
