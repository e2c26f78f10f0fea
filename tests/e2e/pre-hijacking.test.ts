/**
 * Account pre-hijacking (Sudhodanan & Paverd, USENIX Security 2022): anyone can
 * register someone else's address through users-permissions' /auth/local/register.
 * Once the owner proves the mailbox by code or link, nothing the claimant set up
 * before (password, JWTs) may still open the account.
 */
import { randomUUID } from 'node:crypto';
import { startStrapi, RELAXED_LIMITS, USER_UID, type TestApp } from '../helpers/strapi';
import { createUser, newEmail } from '../helpers/users';
import { byToken, issueCode, me, signIn, verify } from '../helpers/flow';
import { setAdvanced } from '../helpers/settings';

const SQUATTER_PASSWORD = 'Squatter-chose-this-1';
let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({
    passwordless: { grantPublic: true, linkUrl: 'https://shop.test/auth/link', limits: { ...RELAXED_LIMITS, identifierCooldownSeconds: 0 } },
  });
});
afterAll(async () => app?.stop());

const register = (email: string) =>
  app.http().post('/api/auth/local/register').send({ username: `sq_${randomUUID().slice(0, 12)}`, email, password: SQUATTER_PASSWORD });
const passwordLogin = (email: string, password = SQUATTER_PASSWORD) =>
  app.http().post('/api/auth/local').send({ identifier: email, password });
const row = async (email: string) => app.strapi.db.query(USER_UID).findOne({ where: { email } });

describe('account pre-hijacking', () => {
  afterEach(async () => setAdvanced(app.strapi, { email_confirmation: false }));

  it('email confirmation off: the squatter’s password and JWT stop working once the owner signs in by code', async () => {
    const victim = newEmail('victim');
    const squat = await register(victim);
    expect(squat.status).toBe(200);
    expect((await me(app, squat.body.jwt)).status).toBe(200);

    const ownerJwt = await signIn(app, victim);

    expect((await me(app, squat.body.jwt)).status).toBe(401);
    expect((await passwordLogin(victim)).status).toBe(400);
    const res = await me(app, ownerJwt);
    expect(res.status).toBe(200);
    expect(res.body.email).toBe(victim);
    const stored = await row(victim);
    expect(stored.password).toBeNull();
    expect(Number(stored.mailboxProvenAt)).toBeGreaterThan(0);
  });

  it('email confirmation on: signing in by link confirms the account without handing it to the squatter', async () => {
    await setAdvanced(app.strapi, { email_confirmation: true });
    const victim = newEmail('victim');
    expect((await register(victim)).status).toBe(200);
    expect((await row(victim)).confirmed).toBe(false);
    await app.settle();

    const { token } = await issueCode(app, victim);
    const res = await byToken(app, token!);
    expect(res.status).toBe(200);
    expect(res.body.user.confirmed).toBe(true);
    expect((await passwordLogin(victim)).status).toBe(400);
    expect((await me(app, res.body.jwt)).status).toBe(200);
  });

  it('a proven account keeps its password and its other sessions on the next code sign-in', async () => {
    const email = newEmail('owner');
    await createUser(app.strapi, { email, password: 'Owner-chose-this-1' });
    const first = await signIn(app, email); // first proof: the password set before it goes
    await app.strapi.plugin('users-permissions').service('user').edit((await row(email)).id, { password: 'Owner-chose-this-2' });
    const second = await signIn(app, email);
    expect((await me(app, first)).status).toBe(200);
    expect((await me(app, second)).status).toBe(200);
    expect((await passwordLogin(email, 'Owner-chose-this-2')).status).toBe(200);
  });

  it('confirming through the confirmation email counts as proof: the password stays', async () => {
    await setAdvanced(app.strapi, { email_confirmation: true });
    const email = newEmail('confirmed');
    expect((await register(email)).status).toBe(200);
    const { confirmationToken } = await row(email);
    expect((await app.http().get('/api/auth/email-confirmation').query({ confirmation: confirmationToken })).status).toBe(302);
    expect(Number((await row(email)).mailboxProvenAt)).toBeGreaterThan(0);
    await signIn(app, email);
    expect((await passwordLogin(email)).status).toBe(200);
  });

  it('a password reset from the mailbox proves it and ends every earlier session', async () => {
    const victim = newEmail('victim');
    const squat = await register(victim);
    expect((await app.http().post('/api/auth/forgot-password').send({ email: victim })).status).toBe(200);
    const { resetPasswordToken } = await row(victim);
    const reset = await app.http().post('/api/auth/reset-password').send({
      code: resetPasswordToken,
      password: 'Owner-chose-this-3',
      passwordConfirmation: 'Owner-chose-this-3',
    });
    expect(reset.status).toBe(200);
    expect((await me(app, squat.body.jwt)).status).toBe(401);
    expect((await me(app, reset.body.jwt)).status).toBe(200);
    // Proven now: a later code sign-in keeps the owner's new password.
    await signIn(app, victim);
    expect((await passwordLogin(victim, 'Owner-chose-this-3')).status).toBe(200);
  });

  it('an account an admin creates in the Content Manager counts as proven', async () => {
    const adminToken = await adminSession();
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    const email = newEmail('byadmin');
    const created = await app
      .http()
      .post('/content-manager/collection-types/plugin::users-permissions.user')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ username: `adm${Date.now()}`, email, password: 'Admin-set-this-1', confirmed: true, blocked: false, role: role.id });
    expect(created.status).toBe(201);
    expect(Number((await row(email)).mailboxProvenAt)).toBeGreaterThan(0);
    await signIn(app, email);
    expect((await passwordLogin(email, 'Admin-set-this-1')).status).toBe(200);
  });

  it('nobody can mark an address proven or undo a revocation through the user routes', async () => {
    const email = newEmail('self');
    await createUser(app.strapi, { email, password: SQUATTER_PASSWORD });
    const { id } = await row(email);
    await app.strapi.plugin('users-permissions').service('user').edit(id, { mailboxProvenAt: 1, sessionsValidAfter: 0 });
    await app.strapi.db.query(USER_UID).update({ where: { id }, data: { mailboxProvenAt: 1 } });
    expect((await row(email)).mailboxProvenAt).toBeNull();
  });

  it('the session attributes are never returned', async () => {
    const email = newEmail('private');
    await createUser(app.strapi, { email });
    const { code } = await issueCode(app, email);
    const res = await verify(app, email, code!);
    const profile = await me(app, res.body.jwt);
    for (const body of [res.body.user, profile.body]) {
      expect(body).not.toHaveProperty('mailboxProvenAt');
      expect(body).not.toHaveProperty('sessionsValidAfter');
      expect(body).not.toHaveProperty('password');
    }
  });
});

/** A super admin, signed in to the admin API. */
async function adminSession(): Promise<string> {
  const superAdmin = await app.strapi.admin.services.role.getSuperAdmin();
  const email = newEmail('admin');
  const password = 'Admin-password-1';
  await app.strapi.admin.services.user.create({
    email,
    firstname: 'Ada',
    lastname: 'Admin',
    password,
    isActive: true,
    roles: [superAdmin.id],
    registrationToken: null,
  });
  const res = await app.http().post('/admin/login').send({ email, password });
  expect(res.status).toBe(200);
  return res.body.data.token;
}
