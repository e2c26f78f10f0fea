import type { Context } from 'koa';
import type { PasswordlessConfig } from '../config/types';
import { getService } from './get-service';
import { isListedOrigin, requestOrigin } from './request-origin';
import { lifetimeMs } from './jwt';

type CookieConfig = PasswordlessConfig['cookie'];

/**
 * The name the browser stores: `__Host-<name>` whenever the cookie is Secure. Browsers
 * accept a `__Host-` cookie only when it is Secure, has Path=/ and no Domain, and set
 * by this very host, so a sibling subdomain (or a plain-HTTP response) cannot plant or
 * overwrite a session here (cookie tossing). Config validation refuses `secure` with a
 * `domain` or a path other than `/` for that reason.
 */
export function sessionCookieName(cookie: CookieConfig): string {
  return cookie.secure ? `__Host-${cookie.name}` : cookie.name;
}

/**
 * The session cookie's JWT. Read and written with `signed: false`: Koa signs cookies
 * whenever app keys are set, which adds a `<name>.sig` companion cookie, and the JWT
 * carries its own signature.
 */
export function readSessionCookie(ctx: Context, cookie: CookieConfig): string | undefined {
  return ctx.cookies.get(sessionCookieName(cookie), { signed: false }) || undefined;
}

/**
 * Sets (or, with `jwt: null`, clears) the session cookie when `cookie.enabled`, and only
 * for a request from one of `cookie.origins`. The cookie middleware already refuses a
 * verify or logout from any other page (login and logout CSRF); what reaches here
 * unlisted is a server calling Strapi with neither Origin nor Referer, which gets the
 * JWT in the body and no cookie meant for some browser.
 */
export function writeSessionCookie(ctx: Context, jwt: string | null): void {
  const { cookie } = getService('passwordless-settings').get();
  if (!cookie.enabled || !isListedOrigin(requestOrigin(ctx), cookie.origins)) return;
  putSessionCookie(ctx, cookie, jwt);
}

/**
 * Clears a session cookie whose token was refused (see withSessionCheck), whatever the
 * request's origin: such a cookie can no longer sign anyone in, and clearing it is what
 * ends the lockout; a foreign page that triggers it takes nothing from the victim.
 */
export function clearRefusedSessionCookie(ctx: Context): void {
  putSessionCookie(ctx, getService('passwordless-settings').get().cookie, null);
}

/**
 * A `secure` cookie cannot travel over plain HTTP: behind a TLS-terminating load
 * balancer set PROXY=true so Strapi sees X-Forwarded-Proto. Until then the cookie is
 * skipped with a warning; the JSON answer still carries the JWT.
 */
function putSessionCookie(ctx: Context, cookie: CookieConfig, jwt: string | null): void {
  if (cookie.secure && !ctx.secure) {
    strapi.log.warn('[passwordless] secure session cookie not set over plain HTTP (set PROXY=true behind TLS)');
    return;
  }
  ctx.cookies.set(sessionCookieName(cookie), jwt, {
    httpOnly: true,
    sameSite: cookie.sameSite,
    secure: cookie.secure,
    path: cookie.path,
    domain: cookie.domain,
    // The JWT's own lifetime, so the cookie lives exactly as long as the token.
    maxAge: jwt ? cookie.maxAge ?? lifetimeMs(jwt) : undefined,
    signed: false,
    overwrite: true,
  });
}
