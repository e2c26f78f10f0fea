/**
 * Strapi 5 refresh mode (issue 19): stock /auth/logout keeps its meaning (this session,
 * a deviceId, `scope: 'all'`); `{ everywhere: true }` means `scope: 'all'`; and signing
 * out of all sessions, by either spelling, a password change or reset, and a first proof
 * of the mailbox also refuse every access token issued before, at once (stock lets them
 * live out their 10 minutes).
 */
import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createUser } from '../helpers/users';
import { me } from '../helpers/flow';
import { expectError } from '../helpers/errors';
import { describeIf, JWT_MODE } from '../helpers/host';
import { logout, refresh, refreshCookieOf, signInSession } from '../helpers/refresh';

const PASSWORD = 'Correct-Horse-9';

describeIf(JWT_MODE === 'refresh')('sign-out and revocation in refresh mode', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi({ passwordless: { grantPublic: true, limits: { ...RELAXED_LIMITS, identifierCooldownSeconds: 0 } } });
  });
  afterAll(async () => app?.stop());

  const sessionRows = (userId: number) =>
    app.strapi.db.query('admin::session').count({ where: { userId: String(userId), origin: 'users-permissions' } });

  it.each([
    ['{ everywhere: true }', { everywhere: true }],
    ['stock’s { scope: "all" }', { scope: 'all' }],
  ])('%s: every session ends, the cookie is cleared, and every access token issued before is refused at once', async (_label, body) => {
    const user = await createUser(app.strapi);
    const laptop = await signInSession(app, user.email);
    const phone = await signInSession(app, user.email);
    const res = await logout(app, laptop.jwt, body, laptop.cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(refreshCookieOf(res)).toBe('strapi_up_refresh=');
    for (const session of [laptop, phone]) {
      expect((await me(app, session.jwt)).status).toBe(401);
      expect((await app.http().get(`/api/users/${user.id}`).set('Authorization', `Bearer ${session.jwt}`)).status).toBe(401);
      expect((await refresh(app, { cookie: session.cookie })).status).toBe(401);
    }
    expect(await sessionRows(user.id)).toBe(0);
    // A sign-in right after works at once.
    const again = await signInSession(app, user.email);
    expect((await me(app, again.jwt)).status).toBe(200);
    expect((await refresh(app, { cookie: again.cookie })).status).toBe(200);
  });

  it('a plain logout ends this session only, as stock: the other device keeps its session', async () => {
    const user = await createUser(app.strapi);
    const laptop = await signInSession(app, user.email);
    const phone = await signInSession(app, user.email);
    expect((await logout(app, laptop.jwt, {}, laptop.cookie)).status).toBe(200);
    expect((await refresh(app, { cookie: laptop.cookie })).status).toBe(401);
    expect((await refresh(app, { cookie: phone.cookie })).status).toBe(200);
    expect((await me(app, phone.jwt)).status).toBe(200);
  });

  it('{ deviceId } ends that device’s sessions only, as stock', async () => {
    const user = await createUser(app.strapi);
    const laptop = await signInSession(app, user.email, { body: { deviceId: 'laptop' } });
    const phone = await signInSession(app, user.email, { body: { deviceId: 'phone' } });
    expect((await logout(app, phone.jwt, { deviceId: 'laptop' })).status).toBe(200);
    expect((await refresh(app, { cookie: laptop.cookie })).status).toBe(401);
    expect((await refresh(app, { cookie: phone.cookie })).status).toBe(200);
  });

  it('{ everywhere: true } without a session answers 401 NOT_SIGNED_IN; everywhere that is not a boolean 400 INVALID_BODY', async () => {
    expectError(await logout(app, undefined, { everywhere: true }), 401, 'NOT_SIGNED_IN');
    const user = await createUser(app.strapi);
    const { jwt } = await signInSession(app, user.email);
    expectError(await logout(app, jwt, { everywhere: 'yes' }), 400, 'INVALID_BODY');
    expect((await me(app, jwt)).status).toBe(200);
  });

  it('keeps stock’s leniency on its own fields: unknown keys and a deviceId that is not a string are ignored', async () => {
    const user = await createUser(app.strapi);
    const laptop = await signInSession(app, user.email);
    const phone = await signInSession(app, user.email);
    expect((await logout(app, laptop.jwt, { deviceId: 5, extra: true }, laptop.cookie)).status).toBe(200);
    // As stock: no deviceId, so the current session (the laptop's) ends, the phone's stays.
    expect((await refresh(app, { cookie: laptop.cookie })).status).toBe(401);
    expect((await refresh(app, { cookie: phone.cookie })).status).toBe(200);
  });

  it('a session that outlived a revocation (a rotation racing it) is refused on refresh and ended; one begun after it rotates', async () => {
    const user = await createUser(app.strapi);
    const before = await signInSession(app, user.email);
    // As if a sign-out everywhere had come later and missed this session (stock's rotation
    // reads the session, then writes its successor; a delete in between misses the successor).
    const later = Date.now() + 5_000;
    await app.strapi.db.connection('up_users').where('id', user.id).update({ sessions_valid_after: later });
    const refused = await refresh(app, { cookie: before.cookie });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ status: 401, name: 'UnauthorizedError', message: 'Invalid refresh token' });
    expect(await app.strapi.db.query('admin::session').count({ where: { userId: String(user.id), status: 'active' } })).toBe(0);
    // A family begun within the revocation's second (a password change's new session) is let be.
    await app.strapi.db.connection('up_users').where('id', user.id).update({ sessions_valid_after: Date.now() + 500 });
    const after = await signInSession(app, user.email);
    expect((await refresh(app, { cookie: after.cookie })).status).toBe(200);
  });

  it('a password change ends every session as stock does, and the access tokens from before at once; the new one works', async () => {
    const user = await createUser(app.strapi);
    const laptop = await signInSession(app, user.email);
    // The first sign-in proved the mailbox and removed the claimant's password: set one again.
    await app.strapi.plugin('users-permissions').service('user').edit(user.id, { password: PASSWORD });
    const phone = await signInSession(app, user.email);
    const res = await app.http()
      .post('/api/auth/change-password')
      .set('Authorization', `Bearer ${phone.jwt}`)
      .send({ currentPassword: PASSWORD, password: 'Another-Horse-10', passwordConfirmation: 'Another-Horse-10' });
    expect(res.status).toBe(200);
    for (const session of [laptop, phone]) {
      expect((await me(app, session.jwt)).status).toBe(401);
      expect((await refresh(app, { cookie: session.cookie })).status).toBe(401);
    }
    expect((await me(app, res.body.jwt)).body.id).toBe(user.id);
    expect((await refresh(app, { refreshToken: res.body.refreshToken })).status).toBe(200);
  });

  it('a password reset does the same', async () => {
    const user = await createUser(app.strapi);
    const before = await signInSession(app, user.email);
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: user.id }, data: { resetPasswordToken: 'reset-code-1' } });
    const res = await app.http()
      .post('/api/auth/reset-password')
      .send({ code: 'reset-code-1', password: 'Another-Horse-10', passwordConfirmation: 'Another-Horse-10' });
    expect(res.status).toBe(200);
    expect((await me(app, before.jwt)).status).toBe(401);
    expect((await refresh(app, { cookie: before.cookie })).status).toBe(401);
    expect((await me(app, res.body.jwt)).body.id).toBe(user.id);
  });

  it('pre-hijacking: the squatter who registered the address loses its access token and its refresh session at the owner’s first sign-in', async () => {
    const email = `owner-${Date.now()}@shop.test`;
    const squatter = await app.http()
      .post('/api/auth/local/register')
      .send({ username: `squatter${Date.now()}`, email, password: PASSWORD });
    expect(squatter.status).toBe(200);
    const squatterCookie = refreshCookieOf(squatter);
    const squatterRefresh = squatter.body.refreshToken as string | undefined;
    expect((await me(app, squatter.body.jwt)).status).toBe(200);

    const owner = await signInSession(app, email);
    expect((await me(app, owner.jwt)).status).toBe(200);
    expect((await me(app, squatter.body.jwt)).status).toBe(401);
    expect((await refresh(app, squatterCookie ? { cookie: squatterCookie } : { refreshToken: squatterRefresh })).status).toBe(401);
    expect((await app.http().post('/api/auth/local').send({ identifier: email, password: PASSWORD })).status).toBe(400);
    expect((await refresh(app, { cookie: owner.cookie })).status).toBe(200);
  });
});
