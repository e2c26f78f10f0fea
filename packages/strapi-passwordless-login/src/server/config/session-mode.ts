import type { Strapi } from '../utils/strapi-types';
import type { PasswordlessConfig } from './types';
import { platform } from '../platform';
import { refreshCookie } from '../strapi-v5/refresh-sessions';

/**
 * Strapi 5 refresh mode (`jwtManagement: 'refresh'`): the browser session is
 * users-permissions' own HttpOnly refresh cookie, so ours (`cookie.enabled`, a 30-day JWT
 * in a cookie) would be a second, weaker session beside it: refused at boot, in
 * `register`, with the way out.
 */
export function refuseCookieInRefreshMode(config: PasswordlessConfig): void {
  if (platform().sessionMode() !== 'refresh' || !config.cookie.enabled) return;
  throw new Error(
    'Invalid users-permissions.config.passwordless.cookie.enabled: users-permissions runs in refresh mode ' +
      "(jwtManagement: 'refresh'), where the browser session is its own HttpOnly refresh cookie. Remove cookie.enabled " +
      'and set users-permissions sessions.httpOnly: true instead; cookie.origins still lists the storefront origins allowed to receive it.'
  );
}

/**
 * A production server that sets the refresh cookie Secure but trusts no TLS proxy answers
 * 500 on stock /api/auth/local for every request over plain HTTP (and our verify 403
 * HTTPS_REQUIRED): said at boot, once the server's proxy setting is known.
 */
export function warnInsecureRefreshCookie(strapi: Strapi): void {
  if (platform().sessionMode() !== 'refresh' || process.env.NODE_ENV !== 'production') return;
  const httpOnly = Boolean((platform().pluginConfig('users-permissions', 'sessions') as { httpOnly?: boolean } | undefined)?.httpOnly);
  const proxied = Boolean((strapi.server as unknown as { app?: { proxy?: boolean } }).app?.proxy);
  if (!httpOnly || !refreshCookie().options.secure || proxied) return;
  strapi.log.warn(
    '[passwordless] users-permissions sets its refresh cookie Secure in production, and Strapi trusts no TLS proxy ' +
      '(server.proxy.koa is off): over plain HTTP stock /api/auth/local answers 500 and passwordless verify 403 HTTPS_REQUIRED. ' +
      'Behind a TLS-terminating proxy set server.proxy: { koa: true } (PROXY=true); to allow plain HTTP set users-permissions sessions.cookie.secure: false.'
  );
}
