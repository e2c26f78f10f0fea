/**
 * The optional cookie session: HttpOnly JWT cookie set by verify, accepted by the whole
 * content API, refused for cross-site state changes, cleared by logout.
 */
import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createUser, codeFrom, type CreatedUser } from '../helpers/users';

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
  const res = await app.http()
    .post('/api/auth/passwordless/verify')
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

const setCookies = (res: { headers: Record<string, unknown> }): string[] => (res.headers['set-cookie'] as string[] | undefined) ?? [];
