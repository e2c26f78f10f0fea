/**
 * Cookie mode against a hostile page (security review, issue 10, items 2 and 3):
 * login CSRF (a foreign page signs the victim in as the attacker), logout CSRF, and
 * credentialed CORS answering origins outside `cookie.origins`.
 */
import { startStrapi, RELAXED_LIMITS, CHALLENGE_TABLE, type TestApp } from '../helpers/strapi';
import { createUser, codeFrom, type CreatedUser } from '../helpers/users';

const SHOP = 'https://shop.test';
const EVIL = 'https://evil.test';
let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({
    passwordless: { grantPublic: true, limits: RELAXED_LIMITS, cookie: { enabled: true, origins: [SHOP] } },
  });
});
afterAll(async () => app?.stop());

const setCookies = (res: { headers: Record<string, unknown> }): string[] => (res.headers['set-cookie'] as string[] | undefined) ?? [];

/** A code for a fresh account: the attacker's own identifier and code in a login CSRF. */
async function freshCode(): Promise<{ user: CreatedUser; code: string }> {
  const user = await createUser(app.strapi);
  await app.http().post('/api/auth/passwordless').send({ identifier: user.email });
  await app.settle();
  return { user, code: codeFrom(app.ses.to(user.email)[0]) };
}

const challengeOf = (user: CreatedUser) =>
  app.strapi.db.connection(CHALLENGE_TABLE).where('user_id', user.id).orderBy('id', 'desc').first();

async function cookieFor(user: CreatedUser, code: string): Promise<string> {
  const res = await app.http().post('/api/auth/passwordless/verify').set('Origin', SHOP).send({ identifier: user.email, code });
  expect(res.status).toBe(200);
  return setCookies(res)[0].split(';')[0];
}

const CSRF_REFUSAL = {
  data: null,
  error: { status: 403, name: 'ForbiddenError', message: 'Cross-site request refused', details: { code: 'CSRF_ORIGIN_MISMATCH' } },
};

// Every body a cross-site <form> can send. koa-body parses urlencoded and multipart into
// fields (so the attacker's verify succeeded); text/plain stays a string, which the body
// validation refuses, but it must meet the origin check first all the same.
type Post = ReturnType<ReturnType<TestApp['http']>['post']>;
const FORM_BODIES: Array<[string, (req: Post, body: Record<string, string>) => Post]> = [
  ['application/x-www-form-urlencoded', (req, body) => req.type('form').send(body)],
  ['multipart/form-data', (req, body) => Object.entries(body).reduce((r, [k, v]) => r.field(k, v), req)],
  ['text/plain', (req, body) => req.set('Content-Type', 'text/plain').send(JSON.stringify(body))],
];
const FOREIGN: Array<[string, Record<string, string>]> = [
  ['a foreign Origin', { Origin: EVIL }],
  ['Origin null (sandboxed frame, data: URL)', { Origin: 'null' }],
  ['Origin null beside a listed Referer', { Origin: 'null', Referer: `${SHOP}/` }],
  ['a look-alike Origin', { Origin: 'https://shop.test.evil.test' }],
  ['a foreign Referer and no Origin', { Referer: `${EVIL}/page` }],
];

describe('login CSRF: a foreign page cannot sign the victim in as the attacker', () => {
  it.each(FORM_BODIES.flatMap(([type, send]) => FOREIGN.map(([label, headers]) => [type, label, send, headers] as const)))(
    'a %s verify from %s is refused with 403 CSRF_ORIGIN_MISMATCH, sets no cookie, and leaves the code usable',
    async (_type, _label, send, headers) => {
      const { user, code } = await freshCode();
      const before = await challengeOf(user);
      const res = await send(app.http().post('/api/auth/passwordless/verify').set(headers), { identifier: user.email, code });
      expect(res.status).toBe(403);
      expect(res.body).toEqual(CSRF_REFUSAL);
      expect(setCookies(res)).toEqual([]);
      const after = await challengeOf(user);
      expect({ attempts: after.attempts, consumed_at: after.consumed_at }).toEqual({ attempts: before.attempts, consumed_at: null });
      // The code was not spent: the storefront can still use it.
      expect(await cookieFor(user, code)).toMatch(/^strapi_jwt=ey/);
    }
  );

  it.each(['/API/Auth/Passwordless/Verify', '/api/auth/passwordless/verify/'])(
    'a spelling the router also matches (%s) meets the same check',
    async (path) => {
      const { user, code } = await freshCode();
      const res = await app.http().post(path).set('Origin', EVIL).type('form').send({ identifier: user.email, code });
      expect(res.status).toBe(403);
      expect(res.body).toEqual(CSRF_REFUSAL);
      expect(setCookies(res)).toEqual([]);
      expect(await cookieFor(user, code)).toMatch(/^strapi_jwt=ey/);
    }
  );

  it('a verify with neither Origin nor Referer (a server calling Strapi) gets { jwt, user } and no cookie', async () => {
    const { user, code } = await freshCode();
    const res = await app.http().post('/api/auth/passwordless/verify').send({ identifier: user.email, code });
    expect(res.status).toBe(200);
    expect(res.body.jwt).toEqual(expect.any(String));
    expect(res.body.user.id).toBe(user.id);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('a verify from the storefront (Origin, or Referer without Origin) sets the cookie', async () => {
    const first = await freshCode();
    expect(await cookieFor(first.user, first.code)).toMatch(/^strapi_jwt=ey/);
    const second = await freshCode();
    const res = await app.http()
      .post('/api/auth/passwordless/verify')
      .set('Referer', `${SHOP}/login?next=/account`)
      .send({ identifier: second.user.email, code: second.code });
    expect(res.status).toBe(200);
    expect(setCookies(res)[0]).toMatch(/^strapi_jwt=ey/);
  });
});

describe('logout CSRF: a foreign page cannot sign the victim out', () => {
  it.each(FOREIGN.flatMap(([label, headers]) => [[label, 'with', headers] as const, [label, 'without', headers] as const]))(
    'a logout from %s %s a session cookie answers 403 and touches no cookie',
    async (_label, withCookie, headers) => {
      const { user, code } = await freshCode();
      const cookie = await cookieFor(user, code);
      const req = app.http().post('/api/auth/logout').set(headers);
      const res = await (withCookie === 'with' ? req.set('Cookie', cookie) : req).type('form').send({});
      expect(res.status).toBe(403);
      expect(res.body).toEqual(CSRF_REFUSAL);
      expect(setCookies(res)).toEqual([]);
      // The victim is still signed in.
      expect((await app.http().get('/api/users/me').set('Cookie', cookie)).body.id).toBe(user.id);
    }
  );

  it('a logout from a server (Bearer JWT, no Origin) answers 200 and sets no cookie', async () => {
    const { user, code } = await freshCode();
    const login = await app.http().post('/api/auth/passwordless/verify').send({ identifier: user.email, code });
    const res = await app.http().post('/api/auth/logout').set('Authorization', `Bearer ${login.body.jwt}`).send({});
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('credentialed CORS answers the listed origins only', () => {
  const preflight = (origin: string) =>
    app.http()
      .options('/api/users/me')
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'content-type');

  it.each([
    ['a foreign origin', EVIL],
    ['a look-alike origin', 'https://shop.test.evil.test'],
    ['a sibling subdomain', 'https://blog.shop.test'],
  ])('a preflight and a GET /api/users/me from %s get no Access-Control-Allow-Credentials', async (_label, origin) => {
    const { user, code } = await freshCode();
    const cookie = await cookieFor(user, code);
    const pre = await preflight(origin);
    expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
    const me = await app.http().get('/api/users/me').set('Origin', origin).set('Cookie', cookie);
    expect(me.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('a preflight and a GET /api/users/me from the storefront get credentialed CORS for it', async () => {
    const { user, code } = await freshCode();
    const cookie = await cookieFor(user, code);
    const pre = await preflight(SHOP);
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe(SHOP);
    expect(pre.headers['access-control-allow-credentials']).toBe('true');
    const me = await app.http().get('/api/users/me').set('Origin', SHOP).set('Cookie', cookie);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.id);
    expect(me.headers['access-control-allow-origin']).toBe(SHOP);
    expect(me.headers['access-control-allow-credentials']).toBe('true');
  });
});
