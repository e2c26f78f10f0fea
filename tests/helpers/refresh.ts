/**
 * Strapi 5 refresh mode as a storefront meets it: the refresh cookie (or the refresh
 * token in the body), stock /auth/refresh and /auth/logout, and the access token's claims.
 */
import type { TestApp } from './strapi';
import { ask } from './flow';
import { codeFrom } from './users';

type Res = { status: number; body: any; headers: Record<string, unknown> };

export const REFRESH_COOKIE_NAME = 'strapi_up_refresh';

/** Set-Cookie lines of an answer. */
export const setCookies = (res: { headers: Record<string, unknown> }): string[] => (res.headers['set-cookie'] as string[] | undefined) ?? [];

/** `name=value` of the refresh cookie an answer sets, or undefined. */
export function refreshCookieOf(res: { headers: Record<string, unknown> }): string | undefined {
  return setCookies(res).find((line) => line.startsWith(`${REFRESH_COOKIE_NAME}=`))?.split(';')[0];
}

/** A cookie line's attributes, lower-cased and sorted, without its value and expiry. */
export function cookieAttributes(line: string | undefined): string[] {
  return (line ?? '')
    .split(';')
    .slice(1)
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part && !part.startsWith('expires='))
    .sort();
}

/** The claims of a JWT (not verified: the test reads what it was given). */
export function claimsOf(jwt: string): Record<string, any> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

/** A code for `email`, as delivered. */
export async function codeFor(app: TestApp, email: string): Promise<string> {
  const before = app.ses.to(email).length;
  const res = await ask(app, email);
  if (res.status !== 200) throw new Error(`code request answered ${res.status}: ${JSON.stringify(res.body)}`);
  await app.settle();
  const messages = app.ses.to(email);
  if (messages.length !== before + 1) throw new Error(`no new email to ${email}`);
  return codeFrom(messages[messages.length - 1]);
}

/** Signs in by code: the answer, with the access token and the session's refresh cookie (or body token). */
export async function signInSession(
  app: TestApp,
  email: string,
  { headers = {}, body = {} }: { headers?: Record<string, string>; body?: Record<string, unknown> } = {}
): Promise<{ res: Res; jwt: string; cookie?: string; refreshToken?: string }> {
  const code = await codeFor(app, email);
  const res = await app.http().post('/api/auth/passwordless/verify').set(headers).send({ identifier: email, code, ...body });
  if (res.status !== 200) throw new Error(`verify answered ${res.status}: ${JSON.stringify(res.body)}`);
  return { res, jwt: res.body.jwt, cookie: refreshCookieOf(res), refreshToken: res.body.refreshToken };
}

/** Stock POST /api/auth/refresh with the cookie or the body's refresh token. */
export function refresh(app: TestApp, { cookie, refreshToken }: { cookie?: string; refreshToken?: string }) {
  const req = app.http().post('/api/auth/refresh');
  return (cookie ? req.set('Cookie', cookie) : req).send(refreshToken ? { refreshToken } : {});
}

/** POST /api/auth/logout as the signed-in user (stock, with `everywhere` mapped). */
export function logout(app: TestApp, jwt: string | undefined, body: Record<string, unknown> = {}, cookie?: string) {
  let req = app.http().post('/api/auth/logout');
  if (jwt) req = req.set('Authorization', `Bearer ${jwt}`);
  if (cookie) req = req.set('Cookie', cookie);
  return req.send(body);
}

/** Sets a users-permissions config value for the test's duration (read per request by stock and by us). */
export function withUpConfig(app: TestApp, key: string, value: unknown): () => void {
  const path = `plugin::users-permissions.${key}`;
  const before = app.strapi.config.get(path);
  app.strapi.config.set(path, value);
  return () => app.strapi.config.set(path, before);
}
