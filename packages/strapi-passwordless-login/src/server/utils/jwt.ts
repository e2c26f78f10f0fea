/**
 * users-permissions JWTs as both majors issue them in legacy mode (`jwt` service,
 * jsonwebtoken underneath), and the claims we read from one already verified.
 */
import type { Strapi } from './strapi-types';
import { issueLikeStock } from './jwt-issuer';

/**
 * A users-permissions JWT for the account. `notBeforeSeconds` is the account's first
 * valid issue time after a revocation: a login right after it would otherwise carry an
 * `iat` of the same second and be refused.
 */
export function issueUserJwt(strapi: Strapi, userId: number, { notBeforeSeconds = 0 }: { notBeforeSeconds?: number } = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = notBeforeSeconds > now ? { id: userId, iat: notBeforeSeconds } : { id: userId };
  return issueLikeStock(strapi, payload) ?? strapi.plugin('users-permissions').service('jwt').issue(payload);
}

/** A JWT's claims, without verifying it: only for tokens users-permissions has verified or we issued. */
export function claimsOf(token: string | undefined): Record<string, unknown> | undefined {
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * `iat` of a Bearer token, without verifying it: only called once users-permissions has
 * verified this very header (in refresh mode its verify drops `iat`, so it is read here).
 * Undefined when absent or unreadable.
 */
export function issuedAt(authorization: string | undefined): number | undefined {
  const { iat } = claimsOf(authorization?.split(/\s+/)[1]) ?? {};
  return typeof iat === 'number' ? iat : undefined;
}

/** The lifetime (exp - iat) of a JWT we issued, in milliseconds. */
export function lifetimeMs(jwt: string): number | undefined {
  const { iat, exp } = claimsOf(jwt) ?? {};
  return typeof iat === 'number' && typeof exp === 'number' ? (exp - iat) * 1000 : undefined;
}
