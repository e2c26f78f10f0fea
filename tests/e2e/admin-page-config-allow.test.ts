/**
 * A config allow list is the operator's boundary: the admin page may deny more
 * addresses but never admit more (an admin with advanced-settings.update could otherwise
 * add @gmail.com to a staff-only sign-in).
 */
import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createUser } from '../helpers/users';
import { createAdmin, type TestAdmin } from '../helpers/admin';
import { expectError } from '../helpers/errors';
import { ask } from '../helpers/flow';

let app: TestApp;
let admin: TestAdmin;

beforeAll(async () => {
  app = await startStrapi({ passwordless: { grantPublic: true, limits: RELAXED_LIMITS, access: { allow: ['@staff.test'] } } });
  admin = await createAdmin(app.strapi, 'super');
});
afterAll(async () => app?.stop());

const putAccess = (body: object) =>
  app.http().put('/users-permissions/passwordless/access').set('Authorization', admin.auth).send(body);

describe('with an allow list in config', () => {
  it('refuses admin allow entries with 400 ALLOW_LIST_IN_CONFIG; deny entries are accepted', async () => {
    const res = await putAccess({ allow: ['@shop.test'], deny: [] });
    expectError(res, 400, 'ALLOW_LIST_IN_CONFIG');
    expect(res.body.error.details.entries).toEqual(['@shop.test']);
    expect((await putAccess({ allow: [], deny: ['boss@staff.test'] })).status).toBe(200);
  });

  it('an allow entry saved before the config had its list admits nobody', async () => {
    const store = app.strapi.store({ type: 'plugin', name: 'users-permissions' });
    await store.set({ key: 'passwordless-access', value: { value: { allow: ['@shop.test'], deny: [] }, updatedAt: null } });
    app.advanceClock(6_000); // past the 5-second cache
    const outsider = await createUser(app.strapi);
    await ask(app, outsider.email);
    await app.settle();
    expect(app.ses.to(outsider.email)).toHaveLength(0);
  });
});
