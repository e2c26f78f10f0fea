/**
 * The magic link in the same email: one challenge, two ways to prove it, each
 * consuming both. Nothing is consumed by GET or HEAD, so link scanners burn nothing.
 */
import { startStrapi, RELAXED_LIMITS, CHALLENGE_TABLE, type TestApp } from '../helpers/strapi';
import { createUser } from '../helpers/users';
import { ask, byToken, issueCode, lastEmail, me, verify, wrongCode } from '../helpers/flow';
import { expectInvalidCode } from '../helpers/errors';

const LINK_URL = 'https://shop.test/auth/link';
let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({
    passwordless: { grantPublic: true, linkUrl: LINK_URL, limits: { ...RELAXED_LIMITS, identifierCooldownSeconds: 0 } },
  });
});
afterAll(async () => app?.stop());

describe('magic link', () => {
  it('the email links to the configured page, never one built from Host or X-Forwarded-Host', async () => {
    const user = await createUser(app.strapi);
    expect((await ask(app, user.email, { Host: 'evil.test', 'X-Forwarded-Host': 'evil.test' })).status).toBe(200);
    await app.settle();
    const { url, token } = lastEmail(app, user.email);
    expect(url).toBe(`${LINK_URL}?token=${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    const [message] = app.ses.to(user.email);
    expect(message.html).toContain(`href="${LINK_URL}?token=${token}"`);
  });

  it('POST { token } answers exactly like the code form, and then the code is dead', async () => {
    const user = await createUser(app.strapi);
    const { code, token } = await issueCode(app, user.email);
    const res = await byToken(app, token!);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['jwt', 'user']);
    expect(res.body.user).toMatchObject({ id: user.id, email: user.email, confirmed: true });
    expect((await me(app, res.body.jwt)).status).toBe(200);
    expectInvalidCode(await verify(app, user.email, code!));
    expectInvalidCode(await byToken(app, token!));
  });

  it('using the code kills the link', async () => {
    const user = await createUser(app.strapi);
    const { code, token } = await issueCode(app, user.email);
    expect((await verify(app, user.email, code!)).status).toBe(200);
    expectInvalidCode(await byToken(app, token!));
  });

  it('GET and HEAD (mail scanners) consume nothing', async () => {
    const user = await createUser(app.strapi);
    const { token } = await issueCode(app, user.email);
    for (const method of ['get', 'head'] as const) {
      const res = await app.http()[method](`/api/auth/passwordless/verify?token=${token}`);
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
    expect((await byToken(app, token!)).status).toBe(200);
  });

  it('a newer email supersedes the older link; an expired link fails', async () => {
    const user = await createUser(app.strapi);
    const first = await issueCode(app, user.email);
    const second = await issueCode(app, user.email);
    expectInvalidCode(await byToken(app, first.token!));
    app.advanceClock(10 * 60 * 1000 + 1);
    expectInvalidCode(await byToken(app, second.token!));
  });

  it('5 wrong code tries kill the link of the same challenge', async () => {
    const user = await createUser(app.strapi);
    const { code, token } = await issueCode(app, user.email);
    for (let i = 1; i <= 5; i += 1) expectInvalidCode(await verify(app, user.email, wrongCode(code!, i)));
    expectInvalidCode(await byToken(app, token!));
  });

  it('stores only an HMAC of the token', async () => {
    const user = await createUser(app.strapi);
    const { token } = await issueCode(app, user.email);
    const rows = await app.strapi.db.connection(CHALLENGE_TABLE).where('user_id', user.id);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[rows.length - 1].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['an unknown token', { token: 'A'.repeat(43) }, 'INVALID_CODE'],
    ['a short token', { token: 'abc' }, 'INVALID_BODY'],
    ['a token with an identifier beside it', { token: 'A'.repeat(43), identifier: 'a@shop.test' }, 'INVALID_BODY'],
    ['a token that is not a string', { token: ['A'.repeat(43)] }, 'INVALID_BODY'],
  ])('refuses %s with 400 %s', async (_label, body, code) => {
    const res = await app.http().post('/api/auth/passwordless/verify').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe(code);
  });

  it('50 concurrent uses of one link give one JWT', async () => {
    const user = await createUser(app.strapi);
    const { token } = await issueCode(app, user.email);
    const answers = await Promise.all(Array.from({ length: 50 }, () => byToken(app, token!)));
    expect(answers.filter((res) => res.status === 200)).toHaveLength(1);
    expect(answers.filter((res) => res.status === 400)).toHaveLength(49);
  });
});
