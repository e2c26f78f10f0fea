import { startStrapi, RELAXED_LIMITS, CHALLENGE_TABLE, TEST_SECRET, type TestApp } from '../helpers/strapi';
import { createUser, codeFrom, findUser, newEmail } from '../helpers/users';
import { ask, me, verify } from '../helpers/flow';
import { REFRESH_COOKIE, SIGN_IN_KEYS } from '../helpers/host';

const cookieNames = (res: { headers: Record<string, unknown> }) =>
  ((res.headers['set-cookie'] as string[] | undefined) ?? []).map((line) => line.split('=')[0]).sort();

let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({ passwordless: { grantPublic: true, limits: RELAXED_LIMITS } });
});
afterAll(async () => {
  await app?.stop();
});

describe('code login, end to end', () => {
  it('emails a code to the stored address and exchanges it for { jwt, user } that works on /users/me', async () => {
    const user = await createUser(app.strapi);
    const res = await ask(app, user.email);
    await app.settle();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });

    const [message] = app.ses.to(user.email);
    expect(message.from).toBe('no-reply@shop.test');
    const code = codeFrom(message);
    expect(code).toMatch(/^\d{6}$/);
    // No linkUrl configured: the email carries the code only.
    expect(`${message.text}${message.html}`).not.toMatch(/token=|href=/);

    const login = await verify(app, user.email, code);
    expect(login.status).toBe(200);
    // The cookie session is off by default: no cookie appears, but users-permissions' own
    // refresh cookie where the project runs Strapi 5 refresh mode with sessions.httpOnly.
    expect(cookieNames(login)).toEqual(REFRESH_COOKIE ? ['strapi_up_refresh', 'strapi_up_refresh.sig'] : []);
    expect(Object.keys(login.body).sort()).toEqual(SIGN_IN_KEYS);
    expect(login.body.user).toMatchObject({ id: user.id, email: user.email, username: user.username, confirmed: true });
    expect(login.body.user.password).toBeUndefined();

    const profile = await me(app, login.body.jwt);
    expect(profile.status).toBe(200);
    expect(profile.body.id).toBe(user.id);
    expect((await findUser(app.strapi, user.id)).confirmed).toBe(true);
  });

  it('answers like /api/auth/local: same keys, same cookies, same keys in user, same sanitisation', async () => {
    const password = 'Correct-Horse-9';
    const user = await createUser(app.strapi, { password });
    const local = await app.http().post('/api/auth/local').send({ identifier: user.email, password });
    await ask(app, user.username);
    await app.settle();
    const login = await verify(app, user.username, codeFrom(app.ses.to(user.email)[0]));
    expect(login.status).toBe(200);
    expect(Object.keys(login.body).sort()).toEqual(Object.keys(local.body).sort());
    expect(cookieNames(login)).toEqual(cookieNames(local));
    expect(Object.keys(login.body.user).sort()).toEqual(Object.keys(local.body.user).sort());
  });

  it('reads its config without deprecation warnings (Strapi 5 warns on every "plugin." read)', () => {
    expect(app.logs.filter((line) => /deprecated/i.test(line.message))).toEqual([]);
  });

  it('stores only an HMAC: the plaintext code is nowhere in the challenge table', async () => {
    const user = await createUser(app.strapi);
    await ask(app, user.email);
    await app.settle();
    const code = codeFrom(app.ses.to(user.email)[0]);
    const rows = await app.strapi.db.connection(CHALLENGE_TABLE).where('user_id', user.id);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(rows[0].code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(TEST_SECRET).not.toContain(code);
  });

  it('sends to the stored address when the identifier is typed with other case and spaces', async () => {
    const user = await createUser(app.strapi, { email: newEmail('mixed') });
    await ask(app, `  ${user.email.toUpperCase()}  `);
    await app.settle();
    const messages = app.ses.messages.filter((m) => m.to.some((to) => to.toLowerCase() === user.email));
    expect(messages).toHaveLength(1);
    expect(messages[0].to).toEqual([user.email]);
  });
});
