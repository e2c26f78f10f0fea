/**
 * The admin page's state is the deployment's, not one instance's: the activity chart
 * adds every instance's counts, and a template saved through one instance is what the
 * other sends (within its 5-second cache). Runs under npm run test:db.
 */
import { startSesServer, type SesServer } from '../helpers/ses-server';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../helpers/databases';
import { startInstance, type Instance } from '../helpers/instances';
import { SES_KEY, testEnv } from '../helpers/strapi';
import { newEmail } from '../helpers/users';
import { ask } from '../helpers/flow';

let ses: SesServer;
let database: TestDatabase;
let a: Instance;
let b: Instance;
let adminAuth: string;

beforeAll(async () => {
  ses = await startSesServer({ accessKey: SES_KEY });
  database = await createTestDatabase();
  const env = testEnv(ses, database, { PASSWORDLESS_GRANT_PUBLIC: 'true', PASSWORDLESS_SIGNUP_EMAILS_PER_HOUR: '1000' });
  const boot = { passwordless: { signUp: true, limits: { ipRequest: { points: 1000, durationSeconds: 900 } } } };
  a = await startInstance(env, boot);
  b = await startInstance(env, boot);
  // The first admin, as the admin panel's registration page creates it.
  const res = await a
    .http()
    .post('/admin/register-admin')
    .send({ firstname: 'Ada', lastname: 'Admin', email: 'ada@shop.test', password: 'Passw0rd!Passw0rd' });
  expect(res.status).toBe(200);
  adminAuth = `Bearer ${res.body.data.token}`;
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await ses?.close();
  await database?.drop();
});

const stats = async (instance: Instance) =>
  (await instance.http().get('/users-permissions/passwordless/stats').set('Authorization', adminAuth)).body.hours.at(-1).requested;

describe(`admin page state on one ${TEST_DB} database, two instances`, () => {
  it('the chart counts requests served by either instance', async () => {
    const before = await stats(a);
    await ask(a, newEmail());
    await ask(b, newEmail());
    await ask(b, newEmail());
    // The request is counted when its delivery runs, after the response.
    await Promise.all([a.settle(), b.settle()]);
    // Reading the chart writes the reader's pending counts; b's own arrive by its timer
    // (10 s) or, as here, when b serves a chart.
    await stats(b);
    expect((await stats(a)) - before).toBe(3);
  });

  // Polled for up to 8 s: the other instance's cache lasts 5 s, and the deadline leaves room for a loaded machine.
  it('a template saved through one instance is what the other sends within 5 seconds', async () => {
    const put = await a
      .http()
      .put('/users-permissions/passwordless/templates')
      .set('Authorization', adminAuth)
      .send({ default: {}, locales: { fr: { subject: 'Enregistré sur A' } } });
    expect(put.status).toBe(200);
    const deadline = Date.now() + 8_000;
    let subject = '';
    while (subject !== 'Enregistré sur A' && Date.now() < deadline) {
      const email = newEmail('fr');
      await ask(b, email, {}, { locale: 'fr' });
      await b.settle();
      subject = ses.to(email)[0]?.subject ?? '';
      if (subject !== 'Enregistré sur A') await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(subject).toBe('Enregistré sur A');
  });

  it('a deny entry saved through one instance stops the other’s emails within 5 seconds', async () => {
    const email = newEmail('denied');
    const put = await a
      .http()
      .put('/users-permissions/passwordless/access')
      .set('Authorization', adminAuth)
      .send({ allow: [], deny: [email] });
    expect(put.status).toBe(200);
    // Sign-up by email: the address is admitted or not by the same lists. Asked for
    // after b's cache has surely expired, it must get nothing.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    await ask(b, email);
    await b.settle();
    expect(ses.to(email)).toHaveLength(0);
    // The control: an address not denied still gets its code through b.
    const control = newEmail('control');
    await ask(b, control);
    await b.settle();
    expect(ses.to(control)).toHaveLength(1);
  });
});
