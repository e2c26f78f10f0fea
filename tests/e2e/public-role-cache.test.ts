import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createAdmin, type TestAdmin } from '../helpers/admin';
import { newEmail } from '../helpers/users';

/**
 * publicRoleCache on one instance, driven as an admin drives it: unticking an action in
 * Settings → Roles (users-permissions' admin role API) refuses it on the next request.
 * Two instances: tests/multi-instance/public-role-cache.test.ts.
 */
describe('Public role cache: Settings → Roles takes effect on the next request', () => {
  let app: TestApp;
  let admin: TestAdmin;
  beforeAll(async () => {
    app = await startStrapi({
      passwordless: { grantPublic: true, publicRoleCache: { enabled: true, maxAgeSeconds: 300 }, limits: { ...RELAXED_LIMITS, identifierCooldownSeconds: 0 } },
    });
    admin = await createAdmin(app.strapi, 'super');
  });
  afterAll(async () => app?.stop());

  const ask = async () => (await app.http().post('/api/auth/passwordless').send({ identifier: newEmail('cache') })).status;

  /** Ticks or unticks the code request for Public through the admin API, as the Roles page saves it. */
  async function setRequestAction(enabled: boolean): Promise<void> {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const current = await app.http().get(`/users-permissions/roles/${role.id}`).set('Authorization', admin.auth);
    expect(current.status).toBe(200);
    const { name, description, permissions } = current.body.role;
    permissions['plugin::users-permissions'].controllers.auth.passwordless.enabled = enabled;
    const saved = await app.http().put(`/users-permissions/roles/${role.id}`).set('Authorization', admin.auth).send({ name, description, permissions });
    expect(saved.status).toBe(200);
  }

  it('refuses an action at once after an admin unticks it, and allows it at once after they tick it again', async () => {
    expect(await ask()).toBe(200);
    expect(await ask()).toBe(200);
    await setRequestAction(false);
    expect(await ask()).toBe(403);
    await setRequestAction(true);
    expect(await ask()).toBe(200);
  });

  it('counts a change made inside a transaction once it commits, without waiting on the transaction (SQLite: one connection)', async () => {
    expect(await ask()).toBe(200);
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const permissions = app.strapi.db.query('plugin::users-permissions.permission');
    const started = Date.now();
    await app.strapi.db.transaction(async () => {
      const found = await permissions.findOne({ where: { action: 'plugin::users-permissions.auth.passwordless', role: role.id } });
      await permissions.delete({ where: { id: found.id } });
    });
    // Awaited inside the transaction, the count would wait for the one connection it holds.
    expect(Date.now() - started).toBeLessThan(5_000);
    let status = await ask();
    for (let i = 0; status === 200 && i < 20; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await ask();
    }
    expect(status).toBe(403);
    await setRequestAction(true);
    expect(await ask()).toBe(200);
  });
});
