/**
 * The Public role cache (publicRoleCache) on two Strapi processes sharing one database:
 * an action unticked on one instance through Strapi stops on both at once; one removed by
 * SQL behind Strapi's back stops within maxAgeSeconds. Runs under npm run test:db.
 */
import { startSesServer, type SesServer } from '../helpers/ses-server';
import { createTestDatabase, type TestDatabase } from '../helpers/databases';
import { startInstance, type Instance } from '../helpers/instances';
import { SES_KEY, testEnv } from '../helpers/strapi';
import { newEmail } from '../helpers/users';

const ACTION = 'plugin::users-permissions.auth.passwordless';
const MAX_AGE_SECONDS = 3;

let ses: SesServer;
let database: TestDatabase;
let a: Instance;
let b: Instance;

beforeAll(async () => {
  ses = await startSesServer({ accessKey: SES_KEY });
  database = await createTestDatabase();
  const env = testEnv(ses, database, { PASSWORDLESS_GRANT_PUBLIC: 'true' });
  const boot = {
    proxy: true,
    passwordless: {
      publicRoleCache: { enabled: true, maxAgeSeconds: MAX_AGE_SECONDS },
      limits: { ipRequest: { points: 1000, durationSeconds: 900 }, identifierCooldownSeconds: 0 },
    },
  };
  a = await startInstance(env, boot);
  b = await startInstance(env, boot);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await ses?.close();
  await database?.drop();
});

let lastIp = 0;
/** A code request from an address of its own: 200 while Public may, 403 once it may not. */
const ask = async (instance: Instance) =>
  (await instance.http().post('/api/auth/passwordless').set('X-Forwarded-For', `198.51.100.${(lastIp = (lastIp % 250) + 1)}`).send({ identifier: newEmail('cache') })).status;

describe('Public role cache on two instances', () => {
  it('an action unticked through Strapi on one instance is refused on both at once, and ticked again at once', async () => {
    // Both have built the Public permissions.
    expect(await ask(a)).toBe(200);
    expect(await ask(b)).toBe(200);
    expect(await ask(b)).toBe(200);

    await a.setPublicPermission({ action: ACTION, enabled: false });
    expect(await ask(b)).toBe(403);
    expect(await ask(a)).toBe(403);

    await a.setPublicPermission({ action: ACTION, enabled: true });
    expect(await ask(b)).toBe(200);
    expect(await ask(a)).toBe(200);
  });

  it('an action removed by SQL behind Strapi\'s back is refused within maxAgeSeconds on every instance', async () => {
    expect(await ask(a)).toBe(200);
    expect(await ask(b)).toBe(200);
    const removed = Date.now();
    await a.setPublicPermission({ action: ACTION, enabled: false, bySql: true });
    // Each instance built its permissions at its own moment: each is polled on its own.
    const refusedAfter = async (instance: Instance) => {
      let status = await ask(instance);
      while (status === 200 && Date.now() - removed < (MAX_AGE_SECONDS + 2) * 1000) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = await ask(instance);
      }
      expect(status).toBe(403);
      return Date.now() - removed;
    };
    const [waitedA, waitedB] = await Promise.all([refusedAfter(a), refusedAfter(b)]);
    expect(waitedA).toBeLessThanOrEqual(MAX_AGE_SECONDS * 1000 + 500);
    expect(waitedB).toBeLessThanOrEqual(MAX_AGE_SECONDS * 1000 + 500);
    await a.setPublicPermission({ action: ACTION, enabled: true });
    expect(await ask(b)).toBe(200);
  });
});
