/**
 * The optional cookie session: HttpOnly JWT cookie set by verify, accepted by the whole
 * content API, refused for cross-site state changes, cleared by logout.
 */
import { createHmac } from 'node:crypto';
import { startStrapi, RELAXED_LIMITS, USER_UID, type TestApp } from '../helpers/strapi';
import { createUser, codeFrom, newEmail, type CreatedUser } from '../helpers/users';

const SHOP = 'https://shop.test';
let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({
    passwordless: { grantPublic: true, limits: RELAXED_LIMITS, cookie: { enabled: true, origins: [SHOP] } },
  });
});
afterAll(async () => app?.stop());

async function login(user: CreatedUser) {
  await app.http().post('/api/auth/passwordless').send({ identifier: user.email });
  await app.settle();
  // The cookie is only set for a listed origin (see cookie-csrf-cors.test.ts).
  const res = await app.http()
    .post('/api/auth/passwordless/verify')
    .set('Origin', SHOP)
    .send({ identifier: user.email, code: codeFrom(app.ses.to(user.email)[0]) });
  expect(res.status).toBe(200);
  const setCookie = (res.headers['set-cookie'] as unknown as string[])[0];
  return { res, setCookie, cookie: setCookie.split(';')[0] };
}

const logout = (cookie: string, headers: Record<string, string> = {}) =>
  app.http().post('/api/auth/logout').set('Cookie', cookie).set(headers).send({});

describe('cookie session', () => {
  it('verify sets the JWT as an HttpOnly, SameSite=Lax cookie living as long as the JWT', async () => {
    const { res, setCookie } = await login(await createUser(app.strapi));
    expect(setCookie).toMatch(new RegExp(`^strapi_jwt=${res.body.jwt.replace(/\./g, '\\.')};`));
    expect(setCookie).toMatch(/; path=\//);
    expect(setCookie).toMatch(/; samesite=lax/);
    expect(setCookie).toMatch(/; httponly/);
    const expires = Date.parse(/expires=([^;]+)/.exec(setCookie)![1]);
    expect(Math.abs(expires - Date.now() - 30 * 24 * 3600 * 1000)).toBeLessThan(60_000); // jwt.expiresIn 30d
  });

  it('the cookie alone authenticates content-API requests; an Authorization header wins over it', async () => {
    const user = await createUser(app.strapi);
    const other = await createUser(app.strapi);
    const { cookie } = await login(user);
    const { res: otherLogin } = await login(other);
    const me = await app.http().get('/api/users/me').set('Cookie', cookie);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.id);
    const withHeader = await app.http().get('/api/users/me').set('Cookie', cookie).set('Authorization', `Bearer ${otherLogin.body.jwt}`);
    expect(withHeader.body.id).toBe(other.id);
    expect((await app.http().get('/api/users/me')).status).toBe(403);
  });

  it.each([
    ['no Origin or Referer', {}],
    ['a foreign Origin', { Origin: 'https://evil.test' }],
    ['a foreign Referer', { Referer: 'https://evil.test/page' }],
    ['a look-alike Origin', { Origin: 'https://shop.test.evil.test' }],
    ['Origin null', { Origin: 'null' }],
  ])('refuses a cookie-authenticated POST with %s: 403 CSRF_ORIGIN_MISMATCH', async (_label, headers) => {
    const { cookie } = await login(await createUser(app.strapi));
    const res = await logout(cookie, headers);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      data: null,
      error: { status: 403, name: 'ForbiddenError', message: 'Cross-site request refused', details: { code: 'CSRF_ORIGIN_MISMATCH' } },
    });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it.each([
    ['its Origin', { Origin: SHOP }],
    ['its Referer', { Referer: `${SHOP}/account` }],
  ])('logout from the storefront (%s) clears the cookie', async (_label, headers) => {
    const { cookie } = await login(await createUser(app.strapi));
    const res = await logout(cookie, headers);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    const cleared = (res.headers['set-cookie'] as unknown as string[])[0];
    expect(cleared).toMatch(/^strapi_jwt=;/);
    expect(cleared).toMatch(/expires=Thu, 01 Jan 1970/);
  });

  it('a safe GET with the cookie needs no Origin', async () => {
    const { cookie } = await login(await createUser(app.strapi));
    expect((await app.http().get('/api/users/me').set('Cookie', cookie)).status).toBe(200);
  });

  it('sets one cookie and no unused <name>.sig companion: the JWT is signed already', async () => {
    const { res, cookie } = await login(await createUser(app.strapi));
    expect(setCookies(res)).toHaveLength(1);
    const out = await logout(cookie, { Origin: SHOP });
    expect(setCookies(out)).toHaveLength(1);
    expect([...setCookies(res), ...setCookies(out)].filter((line) => /^[^=]*\.sig=/.test(line))).toEqual([]);
  });
});

/** An HS256 JWT as users-permissions issues them, signed with any secret. */
function signJwt(payload: Record<string, unknown>, secret: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

const setCookies = (res: { headers: Record<string, unknown> }): string[] => (res.headers['set-cookie'] as string[] | undefined) ?? [];
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Each builds, for a fresh account, a session cookie's JWT that Strapi will refuse. */
const REFUSED_TOKENS: Array<[string, () => Promise<string>]> = [
  [
    'a bad signature',
    async () => {
      const { res } = await login(await createUser(app.strapi));
      const [head, payload, signature] = res.body.jwt.split('.');
      return `${head}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    },
  ],
  [
    'a signature by another secret (rotated JWT_SECRET)',
    async () => signJwt({ id: (await createUser(app.strapi)).id, iat: nowSeconds() }, 'a-secret-this-strapi-never-had'),
  ],
  [
    'an expired token',
    async () =>
      signJwt(
        { id: (await createUser(app.strapi)).id, iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 },
        app.strapi.config.get('plugin.users-permissions.jwtSecret')
      ),
  ],
  [
    'a deleted user',
    async () => {
      const user = await createUser(app.strapi);
      const { res } = await login(user);
      await app.strapi.db.query(USER_UID).delete({ where: { id: user.id } });
      return res.body.jwt;
    },
  ],
  [
    'a revoked session (logout everywhere)',
    async () => {
      const { res } = await login(await createUser(app.strapi));
      const everywhere = await app.http().post('/api/auth/logout').set('Authorization', `Bearer ${res.body.jwt}`).send({ everywhere: true });
      expect(everywhere.status).toBe(200);
      return res.body.jwt;
    },
  ],
];

describe('a session cookie whose token is refused: anonymous, and cleared (no lockout)', () => {
  const expectCleared = (res: { headers: Record<string, unknown> }) => {
    const lines = setCookies(res);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^strapi_jwt=;/);
    expect(lines[0]).toMatch(/expires=Thu, 01 Jan 1970/);
  };

  it.each(REFUSED_TOKENS)('%s: POST /api/auth/passwordless from the storefront answers 200 { ok: true }', async (_label, makeToken) => {
    const jwt = await makeToken();
    const res = await app.http()
      .post('/api/auth/passwordless')
      .set('Cookie', `strapi_jwt=${jwt}`)
      .set('Origin', SHOP)
      .send({ identifier: newEmail() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expectCleared(res);
  });

  it.each(REFUSED_TOKENS)('%s: GET /api/users/me answers what an anonymous request gets', async (_label, makeToken) => {
    const jwt = await makeToken();
    const anonymous = await app.http().get('/api/users/me');
    const res = await app.http().get('/api/users/me').set('Cookie', `strapi_jwt=${jwt}`);
    expect({ status: res.status, body: res.body }).toEqual({ status: anonymous.status, body: anonymous.body });
    expectCleared(res);
  });

  it.each(REFUSED_TOKENS)('%s: the same token in an Authorization header keeps Strapi\'s 401', async (_label, makeToken) => {
    const jwt = await makeToken();
    const res = await app.http().post('/api/auth/passwordless').set('Authorization', `Bearer ${jwt}`).send({ identifier: newEmail() });
    expect(res.status).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});
