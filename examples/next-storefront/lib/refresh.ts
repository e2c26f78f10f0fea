import 'server-only';
import type { JWT } from 'next-auth/jwt';
import { PasswordlessError, type RefreshResult } from 'strapi-passwordless-login/client';
import { passwordless } from './strapi';

/**
 * Strapi 5 refresh mode: the access token lives 10 minutes (`sessions.accessTokenLifespan`)
 * and the refresh token keeps the session. Refreshed a minute before it expires (a quarter
 * of its life when that is shorter), so that it is still valid when Strapi reads it after
 * a slow render or with the two clocks a little apart.
 */
const EARLY_SECONDS = 60;

/**
 * Rotations under way or just done, by the refresh token they spend. Two requests of one
 * browser often carry the same cookie at once (two tabs, a page and its prefetches): stock
 * rotation answers the first and refuses the second (401), and whichever Set-Cookie the
 * browser takes last wins, so the loser could sign the shopper out. Here the second waits
 * for the first and gets the same new tokens, for as long as a browser may still send the
 * old cookie. This holds per storefront process: behind several instances, two requests
 * racing on two of them can still end that session (the shopper signs in again). That is
 * rare (only within the early window, the same second, different instances) and fails
 * closed; keeping a token Strapi refused would not be.
 */
const rotations = new Map<string, { result: Promise<RefreshResult>; until: number }>();
const REUSE_MS = 30_000;

function rotate(refreshToken: string): Promise<RefreshResult> {
  const now = Date.now();
  for (const [spent, rotation] of rotations) if (rotation.until < now) rotations.delete(spent);
  const current = rotations.get(refreshToken);
  if (current) return current.result;
  const result = passwordless.refresh({ refreshToken });
  rotations.set(refreshToken, { result, until: now + REUSE_MS });
  // A failure is not kept: the next request asks Strapi again.
  result.catch(() => rotations.delete(refreshToken));
  return result;
}

/** Whether the access token expires within the early window (claims as Strapi wrote them, not verified: they came to this server only). */
function isDue(jwt: string): boolean {
  let claims: { iat?: unknown; exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return true;
  }
  if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') return true;
  const early = Math.min(EARLY_SECONDS, (claims.exp - claims.iat) / 4);
  return Date.now() / 1000 >= claims.exp - early;
}

/**
 * The session token with a Strapi access token that is not about to expire: refreshed
 * through /api/auth/refresh when due (the refresh token rotates, as stock). Strapi 4 and
 * legacy mode give no refresh token: nothing to do, the JWT lives 30 days. A refused
 * refresh (the session was signed out, expired or rotated elsewhere) ends the session
 * here too: the tokens are dropped and `error` says why.
 */
export async function keepStrapiSessionFresh(token: JWT): Promise<JWT> {
  if (!token.strapiJwt || !token.strapiRefreshToken || !isDue(token.strapiJwt)) return token;
  try {
    const { jwt, refreshToken } = await rotate(token.strapiRefreshToken);
    return { ...token, strapiJwt: jwt, strapiRefreshToken: refreshToken };
  } catch (error) {
    if (error instanceof PasswordlessError && error.code === 'UNAUTHORIZED') {
      const { strapiJwt: _jwt, strapiRefreshToken: _refresh, ...rest } = token;
      return { ...rest, error: 'SessionEnded' };
    }
    // Strapi unreachable or failing: keep the session, the next request tries again.
    console.error('Strapi session refresh failed', error);
    return token;
  }
}
