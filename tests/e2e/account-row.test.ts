import { startStrapi, USER_UID, type TestApp } from '../helpers/strapi';
import { createUser } from '../helpers/users';
import { readAccount } from '../../packages/strapi-passwordless-login/src/server/utils/account-row';

/**
 * The account a verify answers with is read by one prepared statement and converted as
 * the query engine converts it: the result must equal `findOne` exactly, on every database
 * and both majors (null fields, booleans, dates, the session attributes, join columns).
 */
describe('the account row read on the driver', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi({ passwordless: { grantPublic: true } });
  });
  afterAll(async () => app?.stop());

  const findOne = (id: number) => app.strapi.db.query(USER_UID).findOne({ where: { id } });

  it('equals the query engine findOne for accounts in every state', async () => {
    const plain = await createUser(app.strapi);
    const blocked = await createUser(app.strapi, { blocked: true, password: 'Only-for-tests-1' });
    await app.strapi.db.connection('up_users').where('id', blocked.id).update({ confirmed: false });
    const proven = await createUser(app.strapi);
    await app.strapi.db.connection('up_users').where('id', proven.id).update({ mailbox_proven_at: Date.now(), sessions_valid_after: Date.now() + 1000, password: null });
    const registered = await app.http().post('/api/auth/local/register').send({ username: `reg${Date.now()}`, email: `reg${Date.now()}@shop.test`, password: 'Only-for-tests-1' });
    expect(registered.status).toBe(200);
    for (const id of [plain.id, blocked.id, proven.id, registered.body.user.id]) {
      const ours = await readAccount(app.strapi, id);
      expect(ours).toEqual(await findOne(id));
      expect(Object.keys(ours ?? {}).sort()).toEqual(Object.keys((await findOne(id)) ?? {}).sort());
    }
    expect(await readAccount(app.strapi, 999_999_999)).toBeNull();
  });

  it('leaves a user model with types it does not convert to the query engine', async () => {
    const meta = app.strapi.db.metadata.get(USER_UID);
    const findOneStub = jest.fn(async () => ({ id: 1, via: 'query engine' }));
    const fake = {
      db: {
        connection: app.strapi.db.connection,
        config: app.strapi.db.config,
        metadata: { get: () => ({ ...meta, attributes: { ...meta.attributes, preferences: { type: 'json' } } }) },
        query: () => ({ findOne: findOneStub }),
      },
    };
    expect(await readAccount(fake as any, 1)).toEqual({ id: 1, via: 'query engine' });
    expect(findOneStub).toHaveBeenCalledWith({ where: { id: 1 } });
  });
});
