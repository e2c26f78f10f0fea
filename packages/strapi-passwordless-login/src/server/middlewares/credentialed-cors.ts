import type { Context, Next } from 'koa';
import { getService } from '../utils/get-service';
import { isListedOrigin } from '../utils/request-origin';
import { platform } from '../platform';

/**
 * Cookie mode, and Strapi 5 refresh mode: credentialed CORS for `cookie.origins` only. Strapi's stock `strapi::cors`
 * echoes any Origin with `Access-Control-Allow-Credentials: true`, which would let any
 * page (a sibling subdomain gets the SameSite cookie too) read `/api/users/me` with the
 * visitor's session cookie. Enforced here rather than by refusing to boot so that the
 * stock `config/middlewares` keeps working: on content-API responses, preflights
 * included, the header is removed for every other origin.
 *
 * `Access-Control-Allow-Origin` stays as `strapi::cors` answered: without credentials a
 * cross-origin request carries no cookie, so other sites can still read public content
 * or call the API with their own Bearer token.
 */
export function credentialedCors(apiPrefix: string) {
  const prefix = `${apiPrefix.toLowerCase()}/`;
  return async (ctx: Context, next: Next): Promise<void> => {
    await next();
    const { cookie } = getService('passwordless-settings').get();
    // Refresh mode (Strapi 5): users-permissions' refresh cookie is a credential whatever sets it.
    const cookies = cookie.enabled || platform().sessionMode() === 'refresh';
    if (!cookies || !ctx.response.get('Access-Control-Allow-Credentials')) return;
    // As the router matches paths: case-insensitive.
    if (!ctx.path.toLowerCase().startsWith(prefix) || isListedOrigin(ctx.get('Origin'), cookie.origins)) return;
    ctx.remove('Access-Control-Allow-Credentials');
  };
}
