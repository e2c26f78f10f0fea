/**
 * Strapi 5 refresh mode (issue 19): verify answers exactly as stock /api/auth/local does
 * in the project's mode, and what it issues is a stock session: /auth/refresh rotates it,
 * /auth/sessions lists it. Runs on the Strapi 5 host in refresh mode (npm run test:v5).
 */
import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createUser, type CreatedUser } from '../helpers/users';
import { me } from '../helpers/flow';
import { expectError } from '../helpers/errors';
import { describeIf, JWT_MODE } from '../helpers/host';
import { claimsOf, codeFor, cookieAttributes, refresh, refreshCookieOf, setCookies, signInSession, withUpConfig } from '../helpers/refresh';

const PASSWORD = 'Correct-Horse-9';

describeIf(JWT_MODE === 'refresh')('verify in refresh mode answers as /api/auth/local does', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi({ passwordless: { grantPublic: true, limits: { ...RELAXED_LIMITS, identifierCooldownSeconds: 0 } } });
  });
  afterAll(async () => app?.stop());

  /** Stock /api/auth/local for an account with a password, then ours for a proven account of the same shape. */
  async function bothAnswers(headers: Record<string, string> = {}) {
    const user = await createUser(app.strapi, { password: PASSWORD });
    const local = await app.http().post('/api/auth/local').set(headers).send({ identifier: user.email, password: PASSWORD });
    expect(local.status).toBe(200);
    const ours = (await signInSession(app, user.email, { headers })).res;
    return { local, ours, user };
  }

  it('sessions.httpOnly (the generator’s config): { jwt, user } and the refresh cookie, named and set as stock sets it', async () => {
    const { local, ours, user } = await bothAnswers();
    expect(Object.keys(ours.body).sort()).toEqual(['jwt', 'user']);
    expect(Object.keys(ours.body).sort()).toEqual(Object.keys(local.body).sort());
    expect(Object.keys(ours.body.user).sort()).toEqual(Object.keys(local.body.user).sort());
    expect(ours.body.user).toMatchObject({ id: user.id, documentId: expect.any(String), email: user.email });
    expect(ours.body.user.password).toBeUndefined();
    const names = (res: typeof ours) => setCookies(res).map((line) => line.split('=')[0]);
    expect(names(ours)).toEqual(names(local));
    expect(cookieAttributes(setCookies(ours)[0])).toEqual(cookieAttributes(setCookies(local)[0]));
    // A 10-minute access token, as stock’s.
    const lifetime = (jwt: string) => claimsOf(jwt).exp - claimsOf(jwt).iat;
    expect(lifetime(ours.body.jwt)).toBe(lifetime(local.body.jwt));
    expect(lifetime(ours.body.jwt)).toBe(600);
  });

  it('without sessions.httpOnly: { jwt, refreshToken, user } and no cookie; the header x-strapi-refresh-cookie: httpOnly asks for the cookie', async () => {
    const restore = withUpConfig(app, 'sessions.httpOnly', false);
    try {
      const body = await bothAnswers();
      expect(Object.keys(body.ours.body).sort()).toEqual(['jwt', 'refreshToken', 'user']);
      expect(Object.keys(body.ours.body).sort()).toEqual(Object.keys(body.local.body).sort());
      expect(setCookies(body.ours)).toEqual([]);
      const header = await bothAnswers({ 'x-strapi-refresh-cookie': 'httpOnly' });
      expect(Object.keys(header.ours.body).sort()).toEqual(['jwt', 'user']);
      expect(refreshCookieOf(header.ours)).toMatch(/^strapi_up_refresh=ey/);
      expect(cookieAttributes(setCookies(header.ours)[0])).toEqual(cookieAttributes(setCookies(header.local)[0]));
    } finally {
      restore();
    }
  });

  it('the refresh cookie from verify works on stock /auth/refresh; it rotates, and the old one is refused', async () => {
    const user = await createUser(app.strapi);
    const { cookie, jwt } = await signInSession(app, user.email);
    expect((await me(app, jwt)).status).toBe(200);
    const first = await refresh(app, { cookie });
    expect(first.status).toBe(200);
    expect((await me(app, first.body.jwt)).body.id).toBe(user.id);
    const rotated = refreshCookieOf(first);
    expect(rotated).toMatch(/^strapi_up_refresh=ey/);
    expect(rotated).not.toBe(cookie);
    expect((await refresh(app, { cookie })).status).toBe(401);
    expect((await refresh(app, { cookie: rotated })).status).toBe(200);
  });

  it('the refresh token in the body (no cookie) works on stock /auth/refresh too', async () => {
    const restore = withUpConfig(app, 'sessions.httpOnly', false);
    try {
      const user = await createUser(app.strapi);
      const { refreshToken } = await signInSession(app, user.email);
      const next = await refresh(app, { refreshToken });
      expect(next.status).toBe(200);
      expect(Object.keys(next.body).sort()).toEqual(['jwt', 'refreshToken']);
      expect((await refresh(app, { refreshToken })).status).toBe(401);
    } finally {
      restore();
    }
  });

  it('the deviceId names the session as stock’s does: listed by /auth/sessions as the current one', async () => {
    const user = await createUser(app.strapi);
    const { jwt } = await signInSession(app, user.email, { body: { deviceId: 'laptop-1' }, headers: { 'User-Agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15' } });
    const sessions = await app.http().get('/api/auth/sessions').set('Authorization', `Bearer ${jwt}`);
    expect(sessions.status).toBe(200);
    expect(sessions.body.data).toEqual([expect.objectContaining({ deviceId: 'laptop-1', current: true })]);
    const rows = await app.strapi.db.query('admin::session').findMany({ where: { userId: String(user.id), origin: 'users-permissions' } });
    expect(rows.map((row: { deviceId: string }) => row.deviceId)).toEqual(['laptop-1']);
  });

  it.each([
    ['a deviceId that is not a string', { deviceId: 42 }],
    ['an empty deviceId', { deviceId: '' }],
  ])('ignores %s, as stock /api/auth/local does', async (_label, extra) => {
    const user: CreatedUser = await createUser(app.strapi);
    const code = await codeFor(app, user.email);
    const res = await app.http().post('/api/auth/passwordless/verify').send({ identifier: user.email, code, ...extra });
    expect(res.status).toBe(200);
    const rows = await app.strapi.db.query('admin::session').findMany({ where: { userId: String(user.id), origin: 'users-permissions' } });
    expect(rows.map((row: { deviceId: string | null }) => row.deviceId ?? null)).toEqual([null]);
  });

  it.each([
    ['a deviceId over the column’s 255 characters', { deviceId: 'd'.repeat(256) }],
    ['an unknown key beside it', { deviceId: 'x', scope: 'all' }],
  ])('refuses %s with 400 INVALID_BODY, and the code stays unspent', async (_label, extra) => {
    const user: CreatedUser = await createUser(app.strapi);
    const code = await codeFor(app, user.email);
    const res = await app.http().post('/api/auth/passwordless/verify').send({ identifier: user.email, code, ...extra });
    expectError(res, 400, 'INVALID_BODY');
    expect((await app.http().post('/api/auth/passwordless/verify').send({ identifier: user.email, code })).status).toBe(200);
  });
});
