/**
 * A Secure session cookie is named `__Host-<name>` (security review, issue 10, item 4):
 * the browser then accepts it only Secure, with Path=/ and no Domain, from this very
 * host, so a sibling subdomain cannot plant a session (cookie tossing). Behind TLS
 * termination: PROXY on, and the balancer's X-Forwarded-Proto.
 */
import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createUser, codeFrom, type CreatedUser } from '../helpers/users';

const SHOP = 'https://shop.test';
const HTTPS = { 'X-Forwarded-Proto': 'https' };
let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({
    proxy: true,
    passwordless: { grantPublic: true, limits: RELAXED_LIMITS, cookie: { enabled: true, secure: true, origins: [SHOP] } },
  });
});
afterAll(async () => app?.stop());

const setCookies = (res: { headers: Record<string, unknown> }): string[] => (res.headers['set-cookie'] as string[] | undefined) ?? [];

async function verify(user: CreatedUser, headers: Record<string, string>) {
  await app.http().post('/api/auth/passwordless').set(HTTPS).send({ identifier: user.email });
  await app.settle();
  return app.http()
    .post('/api/auth/passwordless/verify')
    .set(headers)
    .send({ identifier: user.email, code: codeFrom(app.ses.to(user.email)[0]) });
}

describe('Secure session cookie', () => {
  it('verify over HTTPS sets one __Host-strapi_jwt cookie: Secure, Path=/, no Domain, no .sig', async () => {
    const res = await verify(await createUser(app.strapi), { ...HTTPS, Origin: SHOP });
    expect(res.status).toBe(200);
    const lines = setCookies(res);
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(`__Host-strapi_jwt=${res.body.jwt};`)).toBe(true);
    expect(lines[0]).toMatch(/; path=\/;/);
    expect(lines[0]).toMatch(/; secure/);
    expect(lines[0]).toMatch(/; httponly/);
    expect(lines[0]).not.toMatch(/domain=/i);
  });

  it('the __Host- cookie authenticates; an unprefixed one planted by a sibling subdomain is ignored', async () => {
    const user = await createUser(app.strapi);
    const attacker = await createUser(app.strapi);
    const own = await verify(user, { ...HTTPS, Origin: SHOP });
    const planted = await verify(attacker, HTTPS);
    const me = await app.http().get('/api/users/me').set(HTTPS).set('Cookie', setCookies(own)[0].split(';')[0]);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.id);
    const tossed = await app.http().get('/api/users/me').set(HTTPS).set('Cookie', `strapi_jwt=${planted.body.jwt}`);
    expect(tossed.status).toBe(403);
  });

  it('logout from the storefront clears the __Host- cookie with the same attributes', async () => {
    const own = await verify(await createUser(app.strapi), { ...HTTPS, Origin: SHOP });
    const res = await app.http()
      .post('/api/auth/logout')
      .set({ ...HTTPS, Origin: SHOP })
      .set('Cookie', setCookies(own)[0].split(';')[0])
      .send({});
    expect(res.status).toBe(200);
    const lines = setCookies(res);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^__Host-strapi_jwt=; path=\/; expires=Thu, 01 Jan 1970/);
    expect(lines[0]).toMatch(/; secure/);
  });

  it('over plain HTTP the Secure cookie is skipped with a warning; the body still has the JWT', async () => {
    const res = await verify(await createUser(app.strapi), { Origin: SHOP });
    expect(res.status).toBe(200);
    expect(res.body.jwt).toEqual(expect.any(String));
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(app.logs.some(({ level, message }) => level === 'warn' && /secure session cookie not set/.test(message))).toBe(true);
  });
});
