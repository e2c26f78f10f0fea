/**
 * "Sign out everywhere" and the revocation instant behind it: checked on every
 * JWT-authenticated request, against the account row users-permissions reads anyway.
 */
import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createUser } from '../helpers/users';
import { me, signIn } from '../helpers/flow';
import { expectError } from '../helpers/errors';
import { JWT_MODE } from '../helpers/host';

let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({ passwordless: { grantPublic: true, limits: { ...RELAXED_LIMITS, identifierCooldownSeconds: 0 } } });
});
afterAll(async () => app?.stop());

const logout = (body: object, jwt?: string) => {
  const req = app.http().post('/api/auth/logout');
  return (jwt ? req.set('Authorization', `Bearer ${jwt}`) : req).send(body);
};

describe('POST /api/auth/logout { everywhere: true }', () => {
  it('refuses every JWT of the account issued before it, on every route; a new sign-in works at once', async () => {
    const user = await createUser(app.strapi);
    const laptop = await signIn(app, user.email);
    const phone = await signIn(app, user.email);
    const res = await logout({ everywhere: true }, laptop);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    for (const jwt of [laptop, phone]) {
      expect((await me(app, jwt)).status).toBe(401);
      expect((await app.http().get(`/api/users/${user.id}`).set('Authorization', `Bearer ${jwt}`)).status).toBe(401);
    }
    const again = await signIn(app, user.email);
    expect((await me(app, again)).status).toBe(200);
  });

  it('a stock password sign-in in the same second as the sign-out gets a token that works (not one refused for life)', async () => {
    const password = 'Correct-Horse-9';
    const user = await createUser(app.strapi);
    const jwt = await signIn(app, user.email);
    // The first sign-in removed the claimant's password: the owner sets one.
    await app.strapi.plugin('users-permissions').service('user').edit(user.id, { password });
    // JWTs carry whole seconds: sign out at the start of one, so the sign-in falls in the same.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
    expect((await logout({ everywhere: true }, jwt)).status).toBe(200);
    const local = await app.http().post('/api/auth/local').send({ identifier: user.email, password });
    expect(local.status).toBe(200);
    expect((await me(app, local.body.jwt)).status).toBe(200);
  });

  it('leaves other accounts alone', async () => {
    const [a, b] = [await createUser(app.strapi), await createUser(app.strapi)];
    const [jwtA, jwtB] = [await signIn(app, a.email), await signIn(app, b.email)];
    expect((await logout({ everywhere: true }, jwtA)).status).toBe(200);
    expect((await me(app, jwtB)).status).toBe(200);
  });

  it('a plain logout revokes nothing (it only clears the cookie, when there is one)', async () => {
    const user = await createUser(app.strapi);
    const jwt = await signIn(app, user.email);
    expect((await logout({}, jwt)).status).toBe(200);
    expect((await me(app, jwt)).status).toBe(200);
  });

  it('answers 401 NOT_SIGNED_IN without a session', async () => {
    const res = await logout({ everywhere: true });
    expectError(res, 401, 'NOT_SIGNED_IN');
  });

  it.each([
    // Strapi 5 refresh mode: users-permissions' own logout ignores unknown keys, and so do we there.
    ...(JWT_MODE === 'legacy' ? [['an unknown key', { everywhere: true, all: true }] as const] : []),
    ['everywhere as a string', { everywhere: 'yes' }] as const,
  ])('refuses %s with 400 INVALID_BODY', async (_label, body) => {
    const user = await createUser(app.strapi);
    expectError(await logout(body, await signIn(app, user.email)), 400, 'INVALID_BODY');
  });
});
