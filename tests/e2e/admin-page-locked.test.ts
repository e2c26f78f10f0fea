/**
 * Config can lock the admin page's editing (email.editableInAdmin, access.editableInAdmin
 * false): saving is refused, and what was saved before the lock no longer applies.
 */
import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createUser } from '../helpers/users';
import { createAdmin, type TestAdmin } from '../helpers/admin';
import { expectError } from '../helpers/errors';
import { ask, lastEmail } from '../helpers/flow';

let app: TestApp;
let admin: TestAdmin;

beforeAll(async () => {
  app = await startStrapi({
    passwordless: { grantPublic: true, limits: RELAXED_LIMITS, email: { editableInAdmin: false }, access: { editableInAdmin: false } },
  });
  admin = await createAdmin(app.strapi, 'super');
  // Saved while editing was still allowed (written where the page writes).
  const store = app.strapi.store({ type: 'plugin', name: 'users-permissions' });
  await store.set({ key: 'passwordless-templates', value: { value: { default: { subject: 'Saved before the lock' }, locales: {} }, updatedAt: null } });
  await store.set({ key: 'passwordless-access', value: { value: { allow: [], deny: ['@shop.test'] }, updatedAt: null } });
});
afterAll(async () => app?.stop());

describe('editing locked by config', () => {
  it('PUT templates answers 403 TEMPLATES_LOCKED, PUT access 403 ACCESS_LOCKED, even for a super admin', async () => {
    const put = (path: string, body: object) => app.http().put(`/users-permissions/passwordless/${path}`).set('Authorization', admin.auth).send(body);
    expectError(await put('templates', { default: { subject: 'New' }, locales: {} }), 403, 'TEMPLATES_LOCKED');
    expectError(await put('access', { allow: [], deny: [] }), 403, 'ACCESS_LOCKED');
  });

  it('the page is told, and what was saved before the lock is ignored by the code email and the access check', async () => {
    const get = (path: string) => app.http().get(`/users-permissions/passwordless/${path}`).set('Authorization', admin.auth);
    expect((await get('templates')).body).toMatchObject({ editable: false, saved: { default: {}, locales: {} } });
    expect((await get('access')).body).toMatchObject({ editable: false, saved: { allow: [], deny: [] } });
    expect((await get('status')).body.editable).toEqual({ templates: false, access: false });
    const user = await createUser(app.strapi);
    await ask(app, user.email);
    await app.settle();
    expect(lastEmail(app, user.email).subject).toBe('Your sign-in code');
  });
});
