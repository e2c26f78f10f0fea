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
// users-permissions' default maxRefreshTokenLifespan (30 days), in seconds.
const DEFAULT_MAX_REFRESH_LIFESPAN = 30 * 24 * 3600;
// A revocation instant further ahead than this (clocks of two instances apart) is not waited for.
const MAX_WAIT_MS = 2_000;

interface UpSessions {
  httpOnly?: boolean;
  maxRefreshTokenLifespan?: number;
  cookie?: { name?: string; secure?: boolean; sameSite?: 'lax' | 'strict' | 'none'; path?: string; domain?: string; maxAge?: number };
}

interface SessionManager {
  generateRefreshToken(userId: string, deviceId: string | undefined, options: { type: 'refresh'; metadata?: object }): Promise<{ token: string }>;
  generateAccessToken(refreshToken: string): Promise<{ token: string } | { error: string }>;
  invalidateRefreshToken(userId: string, deviceId?: string): Promise<void>;
  revokeSessionById(userId: string, sessionId: string): Promise<boolean>;
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
  if (wait > 0) await sleep(Math.min(wait, MAX_WAIT_MS));
  const access = await manager().generateAccessToken(refreshToken);
  if ('error' in access) throw new utils.errors.ApplicationError('Invalid credentials');
  return access.token;
}

/** The refresh token an answer carries: in its body, or in the cookie it sets. */
export function refreshTokenOf(ctx: Context, body: Record<string, unknown>): string | null {
  if (typeof body.refreshToken === 'string') return body.refreshToken;
  const { name } = refreshCookie();
  const set = ctx.response.headers['set-cookie'];
  const line = (Array.isArray(set) ? set : set ? [String(set)] : []).find((cookie) => cookie.startsWith(`${name}=`));
  const value = line?.slice(name.length + 1).split(';')[0];
  return value || null;
}

/**
 * A refresh that rotated a session whose family began before the account's revocation:
 * stock's rotation reads the session, then writes its successor, so a rotation racing a
 * sign-out everywhere (or a first proof of the mailbox) can leave a live successor behind.
 * Its family start is the original sign-in's (kept across rotations); a family begun
 * before the revocation's second is refused and ended here, as stock refuses a revoked
 * token (401 "Invalid refresh token"). A family begun within that second is let be: a
 * password change's new session is made then.
 */
export async function refuseRevokedFamily(ctx: Context, { userId, sessionId, validAfter }: { userId: number; sessionId: string; validAfter: number }): Promise<boolean> {
  if (!validAfter) return false;
  const session = (await strapi.db.query('admin::session').findOne({ where: { sessionId } })) as
    | { metadata?: { loginAt?: string } | null; absoluteExpiresAt?: string | Date | null }
    | null;
  if (!session || familyStart(session) >= validAfter - 1000) return false;
  await manager().revokeSessionById(String(userId), sessionId);
  if (wantsCookie(ctx)) {
    const { name, options } = refreshCookie();
    const { maxAge: _maxAge, ...cleared } = options;
    ctx.cookies.set(name, '', { ...cleared, expires: new Date(0) });
  }
  ctx.status = 401;
  ctx.body = { data: null, error: { status: 401, name: 'UnauthorizedError', message: 'Invalid refresh token', details: {} } };
  return true;
}

/** When the session's family began: the first sign-in's loginAt, else its absolute expiry less the family's lifespan. */
function familyStart(session: { metadata?: { loginAt?: string } | null; absoluteExpiresAt?: string | Date | null }): number {
  const loginAt = Date.parse(session.metadata?.loginAt ?? '');
  if (Number.isFinite(loginAt)) return loginAt;
  const lifespan = upSessions().maxRefreshTokenLifespan ?? DEFAULT_MAX_REFRESH_LIFESPAN;
  return new Date(session.absoluteExpiresAt ?? 0).getTime() - lifespan * 1000;
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
