import { startStrapi, type TestApp } from '../helpers/strapi';
import { withLookupIndexes } from '../../packages/strapi-passwordless-login/src/server/content-types/user/lookup-indexes';

let app: TestApp;
beforeAll(async () => {
  app = await startStrapi({ passwordless: { grantPublic: true } });
});
afterAll(async () => app?.stop());

interface InspectedIndex {
  name: string;
  columns: string[];
}

describe('indexes on the users table', () => {
  it('exist on email and username, so identifier lookups never read the whole table', async () => {
    const inspector = (app.strapi.db as any).dialect.schemaInspector;
    const indexes: InspectedIndex[] = await inspector.getIndexes('up_users');
    const byName = Object.fromEntries(indexes.map((index) => [index.name, index.columns]));
    expect(byName.up_users_email_idx).toEqual(['email']);
    expect(byName.up_users_username_idx).toEqual(['username']);
  });

  it('are added next to indexes an admin already declared on the user schema', () => {
    const own = { name: 'up_users_phone_idx', columns: ['phone'] };
    const schema = withLookupIndexes({ collectionName: 'up_users', indexes: [own] });
    expect(schema.indexes.map((index) => index.name)).toEqual(['up_users_phone_idx', 'up_users_email_idx', 'up_users_username_idx']);
    expect(withLookupIndexes(schema).indexes).toHaveLength(3);
  });
});
