/**
 * The deployment-wide cap on emails to addresses with no account: with sign-up on,
 * anyone could otherwise make the server mail arbitrary addresses and burn the SES
 * sending reputation, since per-IP limits alone do not stop a botnet.
 */
import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createUser, newEmail } from '../helpers/users';
import { ask } from '../helpers/flow';

let app: TestApp;
const events: Array<{ userId: number | null }> = [];

beforeAll(async () => {
  app = await startStrapi({
    passwordless: { grantPublic: true, limits: RELAXED_LIMITS },
    env: { PASSWORDLESS_SIGNUP_EMAILS_PER_HOUR: '2' },
  });
  app.strapi.eventHub.on('passwordless.signup_capped', (payload: { userId: number | null }) => {
    events.push(payload);
  });
});
afterAll(async () => app?.stop());

describe('signUp.emailsPerHour', () => {
  it('above the cap: the same 200 {"ok":true}, no email, a warning and an audit event; existing accounts still get theirs', async () => {
    const addresses = Array.from({ length: 4 }, () => newEmail('new'));
    const answers: Array<{ status: number; text: string }> = [];
    for (const address of addresses) answers.push(await ask(app, address));
    for (const res of answers) expect([res.status, res.text]).toEqual([200, '{"ok":true}']);
    await app.settle();
    // Which two go out depends on the deliveries' random start (email.startJitterMs).
    expect(addresses.map((address) => app.ses.to(address).length).sort()).toEqual([0, 0, 1, 1]);
    expect(events).toEqual([expect.objectContaining({ userId: null }), expect.objectContaining({ userId: null })]);
    expect(app.logs.filter((log) => log.level === 'warn' && log.message.includes('signUp.emailsPerHour'))).toHaveLength(2);
    expect(app.logs.some((log) => addresses.some((address) => log.message.includes(address)))).toBe(false);

    const existing = await createUser(app.strapi);
    expect((await ask(app, existing.email)).status).toBe(200);
    await app.settle();
    expect(app.ses.to(existing.email)).toHaveLength(1);
  });

  it('is read from PASSWORDLESS_SIGNUP_EMAILS_PER_HOUR by this project’s config (default 200)', async () => {
    const { signUp } = app.strapi.plugin('users-permissions').service('passwordless-settings').get();
    expect(signUp).toEqual({ enabled: 'auto', emailsPerHour: 2 });
  });
});
