import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createTestDatabase, type TestDatabase } from '../helpers/databases';
import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { newEmail } from '../helpers/users';

const ACTIONS = [
  'plugin::users-permissions.auth.logout',
  'plugin::users-permissions.auth.passwordless',
  'plugin::users-permissions.auth.passwordlessVerify',
];

async function publicPermissions(app: TestApp): Promise<string[]> {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  const rows = await app.strapi.db
    .query('plugin::users-permissions.permission')
    .findMany({ where: { role: role.id, action: { $in: ACTIONS } } });
  return rows.map((row: { action: string }) => row.action).sort();
}

const statuses = async (app: TestApp) => [
  (await app.http().post('/api/auth/passwordless').send({ identifier: newEmail() })).status,
  (await app.http().post('/api/auth/passwordless/verify').send({ identifier: newEmail(), code: '123456' })).status,
];

describe('Settings > Roles', () => {
  let database: TestDatabase;
  let app: TestApp | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });
  afterAll(async () => database?.drop());

  it('lists the passwordless routes and logout as actions of the auth controller, off for Public until granted', async () => {
    app = await startStrapi({ database, passwordless: { limits: RELAXED_LIMITS } });
    const actions = await app.strapi.plugin('users-permissions').service('users-permissions').getActions();
    const auth = actions['plugin::users-permissions'].controllers.auth;
    expect(Object.keys(auth)).toEqual(expect.arrayContaining(['passwordless', 'passwordlessVerify', 'logout']));
    expect(await publicPermissions(app)).toEqual([]);
    expect(await statuses(app)).toEqual([403, 403]);
  });

  it('grantPublic ticks them for Public on the next boot', async () => {
    app = await startStrapi({ database, passwordless: { grantPublic: true, limits: RELAXED_LIMITS } });
    expect(await publicPermissions(app)).toEqual(ACTIONS.slice().sort());
    expect(await statuses(app)).toEqual([200, 400]);
    // The admin unticks them...
    await app.strapi.db.query('plugin::users-permissions.permission').deleteMany({ where: { action: { $in: ACTIONS } } });
  });

  it('...and a later boot with grantPublic still set does not tick them again', async () => {
    app = await startStrapi({ database, passwordless: { grantPublic: true, limits: RELAXED_LIMITS } });
    expect(await publicPermissions(app)).toEqual([]);
    expect(await statuses(app)).toEqual([403, 403]);
  });
});

describe('the quick start', () => {
  // Regression: `X=` lines in .env.example became [''] lists that failed validation,
  // so `npm run develop` on a fresh clone did not start.
  it('boots with every value of .env.example (database aside) and serves the flow', async () => {
    const example = dotenv.parse(fs.readFileSync(path.join(__dirname, '../../.env.example')));
    const env = {
      // Empty = unset, as on a machine where only .env.example's values exist.
      PASSWORDLESS_EMAIL_DELIVERY: '',
      ...Object.fromEntries(Object.entries(example).filter(([key]) => !key.startsWith('DATABASE_'))),
    };
    const app = await startStrapi({ env });
    try {
      const res = await app.http().post('/api/auth/passwordless').send({ identifier: newEmail() });
      expect(res.status).toBe(200);
      expect(app.strapi.plugin('users-permissions').service('passwordless-settings').get().email.delivery).toBe('log');
    } finally {
      await app.stop();
    }
  });
});

describe('config validated at boot', () => {
  it.each([
    [{ PASSWORDLESS_EMAIL_DELIVERY: 'smtp' }, 'Invalid users-permissions.config.passwordless.email.delivery'],
    [{ PASSWORDLESS_SECRET: 'short' }, 'Invalid users-permissions.config.passwordless.secret'],
    [{ PASSWORDLESS_GRANT_PUBLIC: 'false', NODE_ENV: 'production', PASSWORDLESS_SECRET: '' }, 'Invalid users-permissions.config.passwordless.secret'],
    // Issue 10, item 9: weak settings are refused in production only.
    [{ NODE_ENV: 'production', PASSWORDLESS_SECRET: 'a'.repeat(48) }, 'Invalid users-permissions.config.passwordless.secret'],
    [
      { NODE_ENV: 'production', PASSWORDLESS_COOKIE: 'true', PASSWORDLESS_COOKIE_ORIGINS: 'http://shop.test' },
      'Invalid users-permissions.config.passwordless.cookie.origins',
    ],
  ])('Strapi refuses to start with %j', async (env, message) => {
    await expect(startStrapi({ env })).rejects.toThrow(message);
  });

  // Issue 10, item 9: whatever .env.example ships is public. Read from the file, so that a
  // placeholder put there later is covered too.
  it("Strapi refuses to start in production with .env.example's PASSWORDLESS_SECRET", async () => {
    const { PASSWORDLESS_SECRET } = dotenv.parse(fs.readFileSync(path.join(__dirname, '../../.env.example')));
    await expect(startStrapi({ env: { NODE_ENV: 'production', PASSWORDLESS_SECRET } })).rejects.toThrow(
      'Invalid users-permissions.config.passwordless.secret'
    );
  });
});
