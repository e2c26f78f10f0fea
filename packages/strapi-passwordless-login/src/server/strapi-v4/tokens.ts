/**
 * Strapi 4 seam for users-permissions JWTs: issuing them, and reading the issue time of
 * one users-permissions has already verified.
 */
import type { Strapi } from '../utils/strapi-types';

/**
 * A users-permissions JWT for the account. `notBeforeSeconds` is the account's first
 * valid issue time after a revocation: a login right after it would otherwise carry an
 * `iat` of the same second and be refused.
 */
export function issueUserJwt(strapi: Strapi, userId: number, { notBeforeSeconds = 0 }: { notBeforeSeconds?: number } = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = notBeforeSeconds > now ? { id: userId, iat: notBeforeSeconds } : { id: userId };
  return strapi.plugin('users-permissions').service('jwt').issue(payload);
}

/**
 * `iat` of a Bearer token, without verifying it: only called once users-permissions has
 * verified this very header. Undefined when absent or unreadable.
 */
export function issuedAt(authorization: string | undefined): number | undefined {
  const token = authorization?.split(/\s+/)[1];
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const { iat } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof iat === 'number' ? iat : undefined;
  } catch {
    return undefined;
  }
}

/** The lifetime (exp - iat) of a JWT we issued, in milliseconds. */
export function lifetimeMs(jwt: string): number | undefined {
  try {
    const { iat, exp } = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
    return typeof iat === 'number' && typeof exp === 'number' ? (exp - iat) * 1000 : undefined;
  } catch {
    return undefined;
  }
}
