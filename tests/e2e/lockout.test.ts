/**
 * Lockout of a chosen victim: anyone who knows an address can spend its code budget.
 * The owner keeps a way in: the magic link, which an email sent during the lock says
 * is the way, and which ends the lock. Guesses stay bounded across lock windows.
 */
import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createUser } from '../helpers/users';
import { byToken, issueCode, lastEmail, ask, verify, wrongCode } from '../helpers/flow';
import { expectError } from '../helpers/errors';

const LINK_URL = 'https://shop.test/auth/link';
let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({
    passwordless: {
      grantPublic: true,
      linkUrl: LINK_URL,
      // 10 per window, at most 20 in a row across windows (the default cap is 100).
      limits: { ...RELAXED_LIMITS, identifierCooldownSeconds: 0, failureBudget: 10, maxConsecutiveFailures: 20 },
    },
  });
});
afterAll(async () => app?.stop());

async function spendBudget(email: string, failures = 10): Promise<void> {
  for (let i = 1; i <= failures; i += 1) {
    const res = await verify(app, email, wrongCode('000000', i));
    expect([400, 429]).toContain(res.status);
  }
}

/** The failure window passing, without sleeping: its counters go, the consecutive run stays. */
async function endFailureWindow(): Promise<void> {
  await app.strapi.db.connection('up_passwordless_limits').where('key', 'like', 'fail:%').delete();
}

describe('codes locked for an account', () => {
  it('a request during the lock sends an email that says so, with the link and no code; the link signs in and ends the lock', async () => {
    const user = await createUser(app.strapi);
    await spendBudget(user.email);
    expectError(await verify(app, user.email, '123456'), 429, 'TOO_MANY_ATTEMPTS');

    expect((await ask(app, user.email)).status).toBe(200);
    await app.settle();
    const email = lastEmail(app, user.email);
    expect(email.subject).toBe('Sign-in codes are paused for your account');
    expect(email.code).toBeNull();
    expect(email.text).toContain(`${LINK_URL}?token=`);

    const signedIn = await byToken(app, email.token!);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.id).toBe(user.id);
    // The lock is over: a new code works.
    const { code } = await issueCode(app, user.email);
    expect((await verify(app, user.email, code!)).status).toBe(200);
  });

  it('the attacker’s further wrong codes during the lock cannot kill the link the owner was sent', async () => {
    const user = await createUser(app.strapi);
    await spendBudget(user.email);
    expect((await ask(app, user.email)).status).toBe(200);
    await app.settle();
    const { token } = lastEmail(app, user.email);
    for (let i = 1; i <= 6; i += 1) expectError(await verify(app, user.email, wrongCode('000000', i)), 429, 'TOO_MANY_ATTEMPTS');
    expect((await byToken(app, token!)).status).toBe(200);
  });

  it('bounds consecutive failures across windows: after the cap, codes stay locked when the window ends', async () => {
    const user = await createUser(app.strapi);
    await spendBudget(user.email);
    await endFailureWindow();
    const { code } = await issueCode(app, user.email);
    expect(code).not.toBeNull(); // the window lock is over: codes again
    await spendBudget(user.email);
    await endFailureWindow();
    // 20 in a row: locked although the window ended, and the right code does not help.
    const locked = await verify(app, user.email, code!);
    expectError(locked, 429, 'TOO_MANY_ATTEMPTS');
    expect((await ask(app, user.email)).status).toBe(200);
    await app.settle();
    const email = lastEmail(app, user.email);
    expect(email.code).toBeNull();
    expect((await byToken(app, email.token!)).status).toBe(200);
  });
});

describe('without linkUrl', () => {
  it('the email during the lock says codes are paused and carries neither code nor link', async () => {
    await app.stop();
    app = await startStrapi({ passwordless: { grantPublic: true, limits: { ...RELAXED_LIMITS, identifierCooldownSeconds: 0 } } });
    const user = await createUser(app.strapi);
    await spendBudget(user.email);
    expect((await ask(app, user.email)).status).toBe(200);
    await app.settle();
    const email = lastEmail(app, user.email);
    expect(email.subject).toBe('Sign-in codes are paused for your account');
    expect(email.code).toBeNull();
    expect(email.token).toBeNull();
  });
});
