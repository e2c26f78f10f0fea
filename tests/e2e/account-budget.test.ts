/**
 * One account, one budget: its email and its username draw on the same failure budget
 * and the same email quota. An identifier with @ names an address, never a username.
 */
import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createUser, newEmail } from '../helpers/users';
import { ask, issueCode, verify, wrongCode } from '../helpers/flow';
import { expectError } from '../helpers/errors';

let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({ passwordless: { grantPublic: true, limits: { ...RELAXED_LIMITS, failureBudget: 10 } } });
});
afterAll(async () => app?.stop());

describe('budgets per account', () => {
  it('5 wrong codes by email and 5 by username lock the account (one budget, not two)', async () => {
    const user = await createUser(app.strapi);
    for (let i = 1; i <= 5; i += 1) expectError(await verify(app, user.email, wrongCode('000000', i)), 400, 'INVALID_CODE');
    for (let i = 6; i <= 10; i += 1) expectError(await verify(app, user.username, wrongCode('000000', i)), 400, 'INVALID_CODE');
    expectError(await verify(app, user.email, '123456'), 429, 'TOO_MANY_ATTEMPTS');
    expectError(await verify(app, user.username, '123456'), 429, 'TOO_MANY_ATTEMPTS');
  });

  it('a code request by email and one by username within the cooldown send one email', async () => {
    const user = await createUser(app.strapi);
    expect((await ask(app, user.email)).status).toBe(200);
    expect((await ask(app, user.username)).status).toBe(200);
    await app.settle();
    expect(app.ses.to(user.email)).toHaveLength(1);
  });
});

describe('identifier confusion', () => {
  it('an identifier with @ matches emails only: a username spelled like an address receives nothing', async () => {
    const owner = newEmail('owner');
    const impostor = await createUser(app.strapi, { username: owner });
    expect((await ask(app, owner)).status).toBe(200);
    await app.settle();
    expect(app.ses.to(impostor.email)).toHaveLength(0);
    // The owner of the address can still sign up with it (sign-up follows "Enable sign-ups", on by default).
    expect(app.ses.to(owner)).toHaveLength(1);
  });

  it('nor can such a username sign in by a code sent to its account', async () => {
    const impostor = await createUser(app.strapi, { username: newEmail('spoof') });
    const { code } = await issueCode(app, impostor.email);
    expectError(await verify(app, impostor.username, code!), 400, 'INVALID_CODE');
  });
});
