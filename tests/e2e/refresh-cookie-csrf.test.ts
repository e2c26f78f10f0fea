/**
 * Strapi 5 refresh mode (issue 19): the refresh cookie our verify sets follows the rules
 * the Strapi 4 cookie follows. Only a listed storefront origin gets it; a cross-site form
 * posting the attacker's code is refused (403 CSRF_ORIGIN_MISMATCH) before the code is
 * spent; credentialed CORS answers listed origins only. Over plain HTTP in production,
 * where stock /api/auth/local answers 500, verify answers 403 HTTPS_REQUIRED and the code
 * stays unspent. And our own JWT cookie (cookie.enabled) is refused at boot in this mode.
 */
import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createUser } from '../helpers/users';
import { expectError } from '../helpers/errors';
import { describeIf, JWT_MODE } from '../helpers/host';
import { codeFor, cookieAttributes, refreshCookieOf, setCookies } from '../helpers/refresh';

const SHOP = 'https://shop.test';
const EVIL = 'https://evil.test';
const PASSWORD = 'Correct-Horse-9';

describeIf(JWT_MODE === 'refresh')('the refresh cookie against a hostile page', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi({
      passwordless: { grantPublic: true, limits: { ...RELAXED_LIMITS, identifierCooldownSeconds: 0 }, cookie: { origins: [SHOP] } },
    });
  });
  afterAll(async () => app?.stop());

  const verify = (headers: Record<string, string>) => app.http().post('/api/auth/passwordless/verify').set(headers);

  it.each([
    ['a foreign Origin, form-encoded', { Origin: EVIL }, 'form'],
    ['Origin null, multipart', { Origin: 'null' }, 'multipart'],
    ['a foreign Referer, JSON', { Referer: `${EVIL}/page` }, 'json'],
  ])('a verify from %s: 403 CSRF_ORIGIN_MISMATCH, no cookie, and the code still works from the shop', async (_label, headers, type) => {
    const user = await createUser(app.strapi);
    const code = await codeFor(app, user.email);
    const body = { identifier: user.email, code };
    let req = verify(headers);
    if (type === 'form') req = req.type('form').send(body);
    else if (type === 'multipart') req = Object.entries(body).reduce((r, [k, v]) => r.field(k, v), req);
    else req = req.send(body);
    const res = await req;
    expectError(res, 403, 'CSRF_ORIGIN_MISMATCH');
    expect(setCookies(res)).toEqual([]);
    const good = await app.http().post('/api/auth/passwordless/verify').set('Origin', SHOP).send(body);
    expect(good.status).toBe(200);
    expect(refreshCookieOf(good)).toMatch(/^strapi_up_refresh=ey/);
  });

  it('a server (neither Origin nor Referer) gets what stock gives it: { jwt, user } and the cookie', async () => {
    const user = await createUser(app.strapi);
    const res = await app.http().post('/api/auth/passwordless/verify').send({ identifier: user.email, code: await codeFor(app, user.email) });
    expect(res.status).toBe(200);
    expect(refreshCookieOf(res)).toMatch(/^strapi_up_refresh=ey/);
  });

  it.each([
    ['a foreign origin', EVIL, undefined],
    ['the storefront', SHOP, 'true'],
  ])('credentialed CORS: a preflight to /api/auth/refresh from %s (%s) gets Allow-Credentials %s', async (_label, origin, expected) => {
    const pre = await app.http()
      .options('/api/auth/refresh')
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type');
    expect(pre.headers['access-control-allow-credentials']).toBe(expected);
  });

  describe('production over plain HTTP (the cookie is Secure there)', () => {
    let environment: string | undefined;
    beforeEach(() => {
      environment = process.env.NODE_ENV;
      // Read per request by users-permissions (and by us) for the cookie's Secure default.
      process.env.NODE_ENV = 'production';
    });
    afterEach(() => {
      process.env.NODE_ENV = environment;
      app.strapi.server.app.proxy = false;
    });

    it('stock /api/auth/local answers 500; verify answers 403 HTTPS_REQUIRED and the code stays unspent', async () => {
      const user = await createUser(app.strapi, { password: PASSWORD });
      const stock = await app.http().post('/api/auth/local').send({ identifier: user.email, password: PASSWORD });
      expect(stock.status).toBe(500);
      const code = await codeFor(app, user.email);
      const res = await app.http().post('/api/auth/passwordless/verify').send({ identifier: user.email, code });
      expectError(res, 403, 'HTTPS_REQUIRED');
      // Behind a TLS proxy Strapi trusts (server.proxy.koa), the same code signs in with a Secure cookie.
      app.strapi.server.app.proxy = true;
      const behindProxy = await app.http().post('/api/auth/passwordless/verify').set('X-Forwarded-Proto', 'https').send({ identifier: user.email, code });
      expect(behindProxy.status).toBe(200);
      expect(cookieAttributes(setCookies(behindProxy)[0])).toContain('secure');
    });

    it('a sign-out everywhere over plain HTTP answers 403 HTTPS_REQUIRED before ending anything (stock: 500 after it)', async () => {
      process.env.NODE_ENV = environment;
      const user = await createUser(app.strapi);
      const code = await codeFor(app, user.email);
      const { body } = await app.http().post('/api/auth/passwordless/verify').send({ identifier: user.email, code });
      process.env.NODE_ENV = 'production';
      const res = await app.http().post('/api/auth/logout').set('Authorization', `Bearer ${body.jwt}`).send({ everywhere: true });
      expectError(res, 403, 'HTTPS_REQUIRED');
      expect((await app.http().get('/api/users/me').set('Authorization', `Bearer ${body.jwt}`)).status).toBe(200);
    });
  });
});

describeIf(JWT_MODE === 'refresh')('our JWT cookie in refresh mode', () => {
  it('cookie.enabled stops Strapi at boot, naming users-permissions sessions.httpOnly', async () => {
    await expect(startStrapi({ env: { PASSWORDLESS_COOKIE: 'true', PASSWORDLESS_COOKIE_ORIGINS: SHOP } })).rejects.toThrow(
      /cookie\.enabled: users-permissions runs in refresh mode .*sessions\.httpOnly: true/
    );
  });
});

