import type { Context, Next } from 'koa';
import { ERROR_CODES } from '../error-codes';
import { respondWithError } from '../utils/error-response';
import type { Strapi } from '../utils/strapi-types';

/**
 * users-permissions answers 401 "Missing or invalid credentials" when it cannot read
 * a role's permissions, which is what a database outage looks like before our
 * controller runs. For our two routes, a 401 is checked against the database: if it
 * does not answer, the client gets the truth, a 503 in Strapi's error shape.
 * Only the (rare) 401 pays for the probe.
 */
export function storageOutage(strapi: Strapi, paths: string[]) {
  return async (ctx: Context, next: Next): Promise<void> => {
    await next();
    if (ctx.status !== 401 || ctx.method !== 'POST' || !paths.includes(ctx.path)) return;
    if (await databaseAnswers(strapi)) return;
    respondWithError(ctx, 503, 'ServiceUnavailableError', 'Service temporarily unavailable', ERROR_CODES.SERVICE_UNAVAILABLE);
  };
}

async function databaseAnswers(strapi: Strapi): Promise<boolean> {
  try {
    await strapi.db.connection.raw('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
