import type { Context, Next } from 'koa';
import { databaseAnswers, respondUnavailable } from '../utils/outage';
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
    if (!(await databaseAnswers(strapi))) respondUnavailable(ctx);
  };
}
