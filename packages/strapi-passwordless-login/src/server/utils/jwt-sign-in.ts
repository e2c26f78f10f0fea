/**
 * A sign-in with users-permissions JWTs only (Strapi 4, and Strapi 5's legacy-support
 * mode): a JWT its account's revocation instant accepts, and this extension's session
 * cookie when it is on.
 */
import type { Context } from 'koa';
import type { SessionFields } from '../services/passwordless-sessions';
import { issueUserJwt } from './jwt';
import { writeSessionCookie } from './session-cookie';

/** A JWT for the account whose `iat` is not before the account's revocation instant. */
export function issueJwtFor(user: SessionFields): string {
  return issueUserJwt(strapi, user.id, { notBeforeSeconds: Math.ceil(Number(user.sessionsValidAfter ?? 0) / 1000) });
}

/** `{ jwt }`, as /api/auth/local answers with JWTs, and the session cookie when enabled. */
export function signInWithJwt(ctx: Context, user: SessionFields): { jwt: string } {
  const jwt = issueJwtFor(user);
  writeSessionCookie(ctx, jwt);
  return { jwt };
}
