import type { Context } from 'koa';
import { getService } from '../utils/get-service';

/**
 * Sets (or, with `jwt: null`, clears) the session cookie when `cookie.enabled`.
 * A `secure` cookie cannot travel over plain HTTP: behind a TLS-terminating load
 * balancer set PROXY=true so Strapi sees X-Forwarded-Proto. Until then the cookie is
 * skipped with a warning; the JSON answer still carries the JWT.
 */
export function writeSessionCookie(ctx: Context, jwt: string | null): void {
  const { cookie } = getService('passwordless-settings').get();
  if (!cookie.enabled) return;
  if (cookie.secure && !ctx.secure) {
    strapi.log.warn('[passwordless] secure session cookie not set over plain HTTP (set PROXY=true behind TLS)');
    return;
  }
  ctx.cookies.set(cookie.name, jwt, {
    httpOnly: true,
    sameSite: cookie.sameSite,
    secure: cookie.secure,
    path: cookie.path,
    domain: cookie.domain,
    maxAge: jwt ? cookie.maxAge ?? jwtLifetimeMs(jwt) : undefined,
    overwrite: true,
  });
}

/** The JWT's own lifetime (exp - iat), so the cookie lives exactly as long as the token. */
function jwtLifetimeMs(jwt: string): number | undefined {
  try {
    const { iat, exp } = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
    return typeof iat === 'number' && typeof exp === 'number' ? (exp - iat) * 1000 : undefined;
  } catch {
    return undefined;
  }
}
