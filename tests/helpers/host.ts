/**
 * Which Strapi the contract tests run against: the Strapi 4 demo at the top level (npm
 * test), or the Strapi 5 host in strapi5/ (npm run test:v5 sets TEST_STRAPI=5, and
 * UP_JWT_MANAGEMENT / UP_SESSIONS_HTTPONLY for its JWT mode; the generator's defaults are
 * refresh mode with the HttpOnly cookie). One suite, expectations per host where stock differs.
 */
export const STRAPI_MAJOR: 4 | 5 = process.env.TEST_STRAPI === '5' ? 5 : 4;

/** users-permissions' JWT mode: Strapi 4 has JWTs only ('legacy'). */
export const JWT_MODE: 'legacy' | 'refresh' = STRAPI_MAJOR === 5 && process.env.UP_JWT_MANAGEMENT !== 'legacy-support' ? 'refresh' : 'legacy';

/** Whether a sign-in sets users-permissions' HttpOnly refresh cookie (refresh mode with `sessions.httpOnly`). */
export const REFRESH_COOKIE = JWT_MODE === 'refresh' && process.env.UP_SESSIONS_HTTPONLY !== 'false';

/** The keys a sign-in answers, as /api/auth/local answers them on this host. */
export const SIGN_IN_KEYS = JWT_MODE === 'refresh' && !REFRESH_COOKIE ? ['jwt', 'refreshToken', 'user'] : ['jwt', 'user'];

/** `describe` for what only exists on one host or mode; the rest of the file still runs. */
export const describeIf = (condition: boolean): jest.Describe => (condition ? describe : describe.skip);
