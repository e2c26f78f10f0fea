import { startStrapi, RELAXED_LIMITS, CHALLENGE_TABLE, type TestApp } from '../helpers/strapi';
import { createUser, newEmail } from '../helpers/users';
import { receiveCode, verify, wrongCode } from '../helpers/flow';
import { expectInvalidCode, expectLimited } from '../helpers/errors';

let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({
    passwordless: {
      grantPublic: true,
      // No cooldown here so a test can ask for a second code at once; limits have their own file.
      limits: { ...RELAXED_LIMITS, identifierCooldownSeconds: 0, identifierPerHour: 1000 },
    },
  });
});
afterAll(async () => {
  await app?.stop();
});

describe('POST /api/auth/passwordless/verify', () => {
  it('refuses a code past its expiry (clock moved, not slept)', async () => {
    const user = await createUser(app.strapi);
    const code = await receiveCode(app, user.email);
    app.advanceClock(10 * 60 * 1000 + 1);
    expectInvalidCode(await verify(app, user.email, code));
  });

  it('accepts a code just before expiry', async () => {
    const user = await createUser(app.strapi);
    const code = await receiveCode(app, user.email);
    app.advanceClock(10 * 60 * 1000 - 1000);
    expect((await verify(app, user.email, code)).status).toBe(200);
  });

  it('refuses a replayed code', async () => {
    const user = await createUser(app.strapi);
    const code = await receiveCode(app, user.email);
    expect((await verify(app, user.email, code)).status).toBe(200);
    expectInvalidCode(await verify(app, user.email, code));
  });

  it('refuses a superseded code and accepts the newer one', async () => {
    const user = await createUser(app.strapi);
    const first = await receiveCode(app, user.email);
    const second = await receiveCode(app, user.username, user.email);
    // Skipped only in the one-in-a-million case that both draws are equal.
    if (first !== second) expectInvalidCode(await verify(app, user.email, first));
    expect((await verify(app, user.email, second)).status).toBe(200);
  });

  it('kills a code after 5 wrong tries: the right code then fails, and the row says 5 attempts', async () => {
    const user = await createUser(app.strapi);
    const code = await receiveCode(app, user.email);
    for (let i = 1; i <= 5; i += 1) expectInvalidCode(await verify(app, user.email, wrongCode(code, i)));
    expectInvalidCode(await verify(app, user.email, code));
    const [row] = await app.strapi.db.connection(CHALLENGE_TABLE).where('user_id', user.id);
    expect(row.attempts).toBe(5);
    expect(row.consumed_at).toBeNull();
  });

  it('accepts the right code after 4 wrong tries', async () => {
    const user = await createUser(app.strapi);
    const code = await receiveCode(app, user.email);
    for (let i = 1; i <= 4; i += 1) expectInvalidCode(await verify(app, user.email, wrongCode(code, i)));
    expect((await verify(app, user.email, code)).status).toBe(200);
  });

  it('locks after 10 failures with 429 TOO_MANY_ATTEMPTS, and a new code does not reset the budget', async () => {
    const user = await createUser(app.strapi);
    let code = await receiveCode(app, user.email);
    for (let i = 1; i <= 5; i += 1) expectInvalidCode(await verify(app, user.email, wrongCode(code, i)));
    code = await receiveCode(app, user.email);
    for (let i = 1; i <= 5; i += 1) expectInvalidCode(await verify(app, user.email, wrongCode(code, i)));
    const locked = await verify(app, user.email, code);
    expectLimited(locked, 'TOO_MANY_ATTEMPTS');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    // The lock is the account's, whatever case or spaces, and by username too.
    expect((await verify(app, ` ${user.email.toUpperCase()} `, code)).status).toBe(429);
    expect((await verify(app, user.username, code)).status).toBe(429);
  });

  it('a new code supersedes the earlier one in the table', async () => {
    const user = await createUser(app.strapi);
    const first = await receiveCode(app, user.email);
    await receiveCode(app, user.username, user.email);
    const rows = await app.strapi.db.connection(CHALLENGE_TABLE).where('user_id', user.id).orderBy('id');
    expect(rows).toHaveLength(2);
    expect(rows[0].consumed_at).not.toBeNull();
    expect(rows[1].consumed_at).toBeNull();
    expectInvalidCode(await verify(app, user.email, first));
  });

  it('locks an identifier without an account exactly the same way', async () => {
    const nobody = newEmail('nobody');
    for (let i = 1; i <= 10; i += 1) expectInvalidCode(await verify(app, nobody, '123456'));
    const locked = await verify(app, nobody, '123456');
    expect(locked.status).toBe(429);
    expect(locked.body.error.details.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('a success resets the failure budget', async () => {
    const user = await createUser(app.strapi);
    let code = await receiveCode(app, user.email);
    for (let i = 1; i <= 4; i += 1) expectInvalidCode(await verify(app, user.email, wrongCode(code, i)));
    expect((await verify(app, user.email, code)).status).toBe(200);
    for (let round = 0; round < 2; round += 1) {
      code = await receiveCode(app, user.email);
      for (let i = 1; i <= 4; i += 1) expectInvalidCode(await verify(app, user.email, wrongCode(code, i)));
    }
    // 8 failures since the success: not locked.
    expect((await verify(app, user.email, code)).status).toBe(200);
  });

  it('refuses a blocked user with the same INVALID_CODE, even with a code issued before the block', async () => {
    const user = await createUser(app.strapi);
    const code = await receiveCode(app, user.email);
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: user.id }, data: { blocked: true } });
    expectInvalidCode(await verify(app, user.email, code));
  });

  it.each([
    ['code as a number', (email: string) => ({ identifier: email, code: 123456 })],
    ['code with letters', (email: string) => ({ identifier: email, code: '12a456' })],
    ['code too short', (email: string) => ({ identifier: email, code: '12345' })],
    ['code missing', (email: string) => ({ identifier: email })],
    ['extra key', (email: string) => ({ identifier: email, code: '123456', token: 'x' })],
  ])('refuses %s with 400 INVALID_BODY', async (_label, build) => {
    const res = await app.http().post('/api/auth/passwordless/verify').send(build(newEmail()) as object);
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('INVALID_BODY');
  });
});
