/**
 * Strapi 5 in the refresh mode its generator writes (`jwtManagement: 'refresh'`, an
 * HttpOnly refresh cookie): a user signs in by emailed code, as a browser would, and
 * the session then behaves as users-permissions' own: the short access token reads
 * /api/users/me, the cookie refreshes it, and signing out everywhere ends both at once.
 */
const { CookieJar } = require('./cookie-jar');
const { call, requestCode } = require('./flow');

const REFRESH_COOKIE = 'strapi_up_refresh';

async function signInWithRefresh(url, ses) {
  const { email, code } = await requestCode(url, ses);
  const jar = new CookieJar();
  const bearer = (jwt) => ({ Authorization: `Bearer ${jwt}` });

  const verified = await step('verify', async () => {
    const body = await call(url, 'POST', '/api/auth/passwordless/verify', { body: { identifier: email, code }, jar });
    // The same answer as POST /api/auth/local: the refresh token travels in the cookie only.
    const keys = Object.keys(body).sort().join(',');
    if (keys !== 'jwt,user' || typeof body.jwt !== 'string' || body.user?.email !== email || typeof body.user?.documentId !== 'string') {
      throw new Error(`answered ${JSON.stringify(body)}, not { jwt, user } for ${email} with a documentId`);
    }
    const cookie = jar.get(REFRESH_COOKIE);
    if (!cookie) throw new Error(`set no ${REFRESH_COOKIE} cookie (cookies: ${jar.header() ?? 'none'})`);
    if (!cookie.flags.includes('httponly')) throw new Error(`set ${REFRESH_COOKIE} without HttpOnly (flags: ${cookie.flags})`);
    return body;
  });

  await step('/api/users/me with the access token', async () => {
    const me = await call(url, 'GET', '/api/users/me', { headers: bearer(verified.jwt) });
    if (me.email !== email) throw new Error(`answered ${JSON.stringify(me)} for ${email}`);
  });

  const issued = jar.get(REFRESH_COOKIE).value;
  const refreshed = await step('refresh with the cookie', async () => {
    const body = await call(url, 'POST', '/api/auth/refresh', { jar });
    if (typeof body.jwt !== 'string') throw new Error(`answered ${JSON.stringify(body)}, not { jwt }`);
    if (jar.get(REFRESH_COOKIE)?.value === issued) throw new Error(`did not rotate the ${REFRESH_COOKIE} cookie`);
    return body;
  });
  // The cookie a stolen-then-replayed browser would still hold after the sign-out below.
  const rotated = jar.snapshot();

  await step('logout everywhere', async () => {
    const body = await call(url, 'POST', '/api/auth/logout', { body: { everywhere: true }, headers: bearer(refreshed.jwt), jar });
    if (JSON.stringify(body) !== '{"ok":true}') throw new Error(`answered ${JSON.stringify(body)}, not { ok: true }`);
  });

  // Signing out everywhere ends every session at once, not when the 10-minute access tokens expire.
  await step('after logout, the first access token', () =>
    call(url, 'GET', '/api/users/me', { headers: bearer(verified.jwt), expect: [401] })
  );
  await step('after logout, the refreshed access token', () =>
    call(url, 'GET', '/api/users/me', { headers: bearer(refreshed.jwt), expect: [401] })
  );
  await step('after logout, the rotated refresh cookie', () =>
    call(url, 'POST', '/api/auth/refresh', { jar: rotated, expect: [401] })
  );
}

/** Runs one step; its failure names the step. */
async function step(name, action) {
  try {
    return await action();
  } catch (error) {
    error.message = `${name}: ${error.message}`;
    throw error;
  }
}

module.exports = { signInWithRefresh };
