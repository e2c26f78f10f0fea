/**
 * Strapi 5 refresh mode (`jwtManagement: 'refresh'`): a sign-in is a users-permissions
 * session, made as stock `/api/auth/local` makes it (sendRefreshAuthResponse in its auth
 * controller): a refresh token from the session manager, with the request's `deviceId`
 * and device metadata, a 10-minute access token from it, and the refresh token in the
 * HttpOnly cookie when `sessions.httpOnly` or the request's `x-strapi-refresh-cookie:
 * httpOnly` asks for it (its name and attributes as stock sets them), else in the body.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Context } from 'koa';
import * as utils from '@strapi/utils';
import type { SessionFields } from '../services/passwordless-sessions';

const ORIGIN = 'users-permissions';
const DEFAULT_COOKIE = 'strapi_up_refresh';

interface UpSessions {
  httpOnly?: boolean;
  cookie?: { name?: string; secure?: boolean; sameSite?: 'lax' | 'strict' | 'none'; path?: string; domain?: string; maxAge?: number };
}

interface SessionManager {
  generateRefreshToken(userId: string, deviceId: string | undefined, options: { type: 'refresh'; metadata?: object }): Promise<{ token: string }>;
  generateAccessToken(refreshToken: string): Promise<{ token: string } | { error: string }>;
  invalidateRefreshToken(userId: string, deviceId?: string): Promise<void>;
}

const manager = (): SessionManager => (strapi as unknown as { sessionManager(origin: string): SessionManager }).sessionManager(ORIGIN);
const upSessions = (): UpSessions => (strapi.config.get('plugin::users-permissions.sessions') as UpSessions | undefined) ?? {};

/** Whether the answer puts the refresh token in the cookie, as stock decides it. */
export function wantsCookie(ctx: Context): boolean {
  return Boolean(upSessions().httpOnly) || ctx.request.header['x-strapi-refresh-cookie'] === 'httpOnly';
}

/** Stock's cookie options (users-permissions utils/refresh-cookie-options): Secure by default in production. */
export function refreshCookie(): { name: string; options: Record<string, unknown> } {
  const { cookie = {} } = upSessions();
  const secure = typeof cookie.secure === 'boolean' ? cookie.secure : process.env.NODE_ENV === 'production';
  return {
    name: cookie.name || DEFAULT_COOKIE,
    options: { httpOnly: true, secure, sameSite: cookie.sameSite ?? 'lax', path: cookie.path ?? '/', domain: cookie.domain, maxAge: cookie.maxAge, overwrite: true },
  };
}

/** A new session for the account; `{ jwt }` with the cookie set, or `{ jwt, refreshToken }`. */
export async function signInWithSession(ctx: Context, user: SessionFields): Promise<Record<string, unknown>> {
  const body = ctx.request.body as { deviceId?: unknown } | undefined;
  const deviceId = typeof body?.deviceId === 'string' && body.deviceId.length > 0 ? body.deviceId : undefined;
  const refresh = await manager().generateRefreshToken(String(user.id), deviceId, { type: 'refresh', metadata: metadataOf(ctx) });
  const jwt = await accessToken(refresh.token, user);
  if (wantsCookie(ctx)) {
    const { name, options } = refreshCookie();
    ctx.cookies.set(name, refresh.token, options);
    return { jwt };
  }
  return { jwt, refreshToken: refresh.token };
}

/**
 * An access token of the session `refreshToken` that the account's revocation instant
 * accepts. The session manager stamps `iat` with the current second and takes no other;
 * right after a revocation (a first proof of the mailbox, a password reset, sign-out
 * everywhere) that second is still refused, so the token is made once it has passed:
 * at most a second's wait, and only then.
 */
export async function accessToken(refreshToken: string, user: SessionFields): Promise<string> {
  const wait = Number(user.sessionsValidAfter ?? 0) - Date.now();
  if (wait > 0) await sleep(wait);
  const access = await manager().generateAccessToken(refreshToken);
  if ('error' in access) throw new utils.errors.ApplicationError('Invalid credentials');
  return access.token;
}

/** Every refresh session of the account (stock `logout { scope: 'all' }` does the same). */
export async function endAllSessions(userId: number): Promise<void> {
  await manager().invalidateRefreshToken(String(userId));
}

/** Stock's session metadata (device name from the User-Agent), where this Strapi has it. */
function metadataOf(ctx: Context): object | undefined {
  const build = (utils as unknown as { buildSessionMetadata?: (params: { userAgent?: string }) => object }).buildSessionMetadata;
  return build?.({ userAgent: ctx.request.headers['user-agent'] });
}
