/**
 * How users-permissions issues the tokens a sign-in answers, as the admin page's status
 * shows it: the same reads the platform makes (platform().sessionMode(), the plugin's
 * jwt and sessions config), so the page cannot disagree with what verify does.
 */
import type { StatusResponse } from '../../shared/admin-api';
import { platform } from '../platform';

// users-permissions' own defaults (its config.js and services/constants.js, on both majors).
const DEFAULT_EXPIRES_IN = '30d';
const DEFAULT_ACCESS_TOKEN_LIFESPAN = 10 * 60;

export function describeJwtSettings(): StatusResponse['jwt'] {
  const config = (path: string): Record<string, unknown> =>
    (platform().pluginConfig('users-permissions', path) as Record<string, unknown> | undefined) ?? {};
  if (platform().sessionMode() === 'refresh') {
    const sessions = config('sessions');
    const lifespan = Number(sessions.accessTokenLifespan);
    return {
      mode: 'refresh',
      // users-permissions reads it with `||`: 0 or unset means its default.
      accessTokenLifetime: Number.isFinite(lifespan) && lifespan > 0 ? lifespan : DEFAULT_ACCESS_TOKEN_LIFESPAN,
      refreshCookie: Boolean(sessions.httpOnly),
    };
  }
  const expiresIn = config('jwt').expiresIn;
  return {
    mode: 'legacy',
    // jsonwebtoken's notation: a number is seconds, a string as written ('30d', '12h').
    accessTokenLifetime: typeof expiresIn === 'number' || typeof expiresIn === 'string' ? expiresIn : DEFAULT_EXPIRES_IN,
    refreshCookie: false,
  };
}
