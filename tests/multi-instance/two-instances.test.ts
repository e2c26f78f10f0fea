/**
 * Two Strapi processes on one database, requests alternating between them: limits,
 * the failure budget and single use hold as if there were one instance.
 * Runs under npm run test:db (PostgreSQL, MariaDB, and PostgreSQL with Redis counters).
 */
import { randomUUID } from 'node:crypto';
import { startSesServer, type SesServer } from '../helpers/ses-server';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../helpers/databases';
import { startInstance, type Instance } from '../helpers/instances';
import { SES_KEY, testEnv } from '../helpers/strapi';
import { codeFrom, newEmail } from '../helpers/users';
import { ask, verify } from '../helpers/flow';

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
    passwordless: { limits: { ipRequest: { points: 4, durationSeconds: 900 }, ipVerify: { points: 1000, durationSeconds: 900 } } },
  };
  // One after the other, as in a rolling deploy: the first creates the schema.
  a = await startInstance(env, boot);
  b = await startInstance(env, boot);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await ses?.close();
  await database?.drop();
});

/** Each test acts from an address of its own (the load balancer's X-Forwarded-For). */
let lastIp = 0;
const from = () => ({ 'X-Forwarded-For': `198.51.100.${(lastIp += 1)}` });

async function register(): Promise<{ email: string; username: string }> {
  const email = newEmail('multi');
  const username = `m_${randomUUID().slice(0, 10)}`;
  const res = await a.http().post('/api/auth/local/register').send({ username, email, password: 'Only-for-tests-1' });
  expect(res.status).toBe(200);
  return { email, username };
}

async function settleBoth() {
  await Promise.all([a.settle(), b.settle()]);
}

describe(`two instances on one ${TEST_DB} database`, () => {
  it('a code issued through one instance verifies through the other, once', async () => {
    const ip = from();
    const user = await register();
    expect((await ask(a, user.email, ip)).status).toBe(200);
    await settleBoth();
    const code = codeFrom(ses.to(user.email)[0]);
    expect((await verify(b, user.email, code, ip)).status).toBe(200);
    expect((await verify(a, user.email, code, ip)).status).toBe(400);
  });

  it('sign-out everywhere through one instance: the other refuses the access token issued before at once', async () => {
    const ip = from();
    const user = await register();
    expect((await ask(a, user.email, ip)).status).toBe(200);
    await settleBoth();
    const signedIn = await verify(a, user.email, codeFrom(ses.to(user.email)[0]), ip);
    expect(signedIn.status).toBe(200);
    const me = (through: Instance) => through.http().get('/api/users/me').set('Authorization', `Bearer ${signedIn.body.jwt}`);
    expect((await me(a)).status).toBe(200);
    const out = await b.http().post('/api/auth/logout').set('Authorization', `Bearer ${signedIn.body.jwt}`).send({ everywhere: true });
    expect(out.status).toBe(200);
    expect((await me(a)).status).toBe(401);
    expect((await me(b)).status).toBe(401);
  });

  it('the per-identifier cooldown holds across instances', async () => {
    const user = await register();
    expect((await ask(a, user.email, from())).status).toBe(200);
    const second = await ask(b, user.email, from());
    expect(second.status).toBe(429);
    expect(second.body.error.details.code).toBe('CODE_RATE_LIMITED');
    await settleBoth();
    expect(ses.to(user.email)).toHaveLength(1);
  });

  it('the per-IP limit holds across instances', async () => {
    const ip = { 'X-Forwarded-For': '203.0.113.77' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await ask(i % 2 ? b : a, newEmail(), ip)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it('the failure budget holds across instances', async () => {
    const user = await register();
    const ip = from();
    for (let i = 0; i < 10; i += 1) expect((await verify(i % 2 ? b : a, user.email, '000000', ip)).status).toBe(400);
    for (const instance of [a, b]) {
      const res = await verify(instance, user.email, '000000', ip);
      expect(res.status).toBe(429);
      expect(res.body.error.details.code).toBe('TOO_MANY_ATTEMPTS');
    }
  });

  it('single use holds across instances: 25 + 25 concurrent correct verifies give one JWT', async () => {
    const ip = from();
    const user = await register();
    expect((await ask(b, user.email, ip)).status).toBe(200);
    await settleBoth();
    const code = codeFrom(ses.to(user.email)[0]);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => verify(i % 2 ? b : a, user.email, code, ip))
    );
    expect(answers.filter((res) => res.status === 200)).toHaveLength(1);
    // The 49 losers are failures of one identifier: once 10 are recorded the failure
    // budget answers the rest with 429, as it should.
    const losers = answers.filter((res) => res.status !== 200).map((res) => `${res.status} ${res.body.error.details.code}`);
    const expected = ['400 INVALID_CODE', '429 TOO_MANY_ATTEMPTS'];
    expect(losers.filter((outcome) => !expected.includes(outcome))).toEqual([]);
    expect(losers).toHaveLength(49);
  });
});
