import { startStrapi, RELAXED_LIMITS, CHALLENGE_TABLE, type TestApp } from '../helpers/strapi';
import { createUser, newEmail } from '../helpers/users';

let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({ passwordless: { grantPublic: true, limits: RELAXED_LIMITS } });
});
afterAll(async () => {
  await app?.stop();
});

const VOLATILE_HEADERS = ['date', 'x-response-time'];

function comparable(res: { status: number; text: string; headers: Record<string, string> }) {
  const headers = Object.fromEntries(Object.entries(res.headers).filter(([name]) => !VOLATILE_HEADERS.includes(name)));
  return { status: res.status, body: res.text, headers };
}

describe('POST /api/auth/passwordless', () => {
  it('answers known, unknown, blocked and third-party-provider identifiers with identical bytes and headers', async () => {
    const known = await createUser(app.strapi);
    const blocked = await createUser(app.strapi, { blocked: true });
    const google = await createUser(app.strapi, { provider: 'google' });
    const answers: Array<ReturnType<typeof comparable>> = [];
    for (const identifier of [known.email, newEmail('nobody'), blocked.email, google.email, known.username]) {
      answers.push(comparable(await app.http().post('/api/auth/passwordless').send({ identifier })));
    }
    expect(answers[0].status).toBe(200);
    expect(answers[0].body).toBe('{"ok":true}');
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);

    await app.settle();
    // By email, then by username: one account, one cooldown (the second answer is the
    // same 200, so it does not tell that the two name one account).
    expect(app.ses.to(known.email)).toHaveLength(1);
    expect(app.ses.to(blocked.email)).toHaveLength(0);
    expect(app.ses.to(google.email)).toHaveLength(0);
    const rows = await app.strapi.db.connection(CHALLENGE_TABLE).whereIn('user_id', [blocked.id, google.id]);
    expect(rows).toHaveLength(0);
  });

  // Regression (found by the fuzz test on MariaDB): utf8mb4_unicode_ci ignores zero-width
  // characters, accents and case, so the database alone would match look-alikes.
  it.each([
    ['a zero-width space appended (refused as malformed)', (email: string) => `${email}\u200b`, 400],
    ['an accent added', (email: string) => email.replace('look', 'lóok'), 200],
    ['ß for ss', (email: string) => email.replace('ss', 'ß'), 200],
  ])('finds no account for an identifier with %s, on every database', async (_label, variant, status) => {
    const user = await createUser(app.strapi, { email: newEmail('lookss') });
    const res = await app.http().post('/api/auth/passwordless').send({ identifier: variant(user.email) });
    expect(res.status).toBe(status);
    await app.settle();
    expect(app.ses.to(user.email)).toHaveLength(0);
  });

  it('a username matches exactly, not by the database collation', async () => {
    const user = await createUser(app.strapi, { username: `CaseUser${Date.now()}` });
    await app.http().post('/api/auth/passwordless').send({ identifier: user.username.toLowerCase() });
    await app.settle();
    expect(app.ses.to(user.email)).toHaveLength(0);
  });

  // Each case builds its body around the test's own user, so "no email sent" is meaningful.
  const malformed: Array<[string, (email: string) => unknown]> = [
    ['no body', () => undefined],
    ['empty object', () => ({})],
    ['identifier missing, email given', (email) => ({ email })],
    ['identifier is a number', () => ({ identifier: 42 })],
    ['identifier is null', () => ({ identifier: null })],
    ['identifier is an array', (email) => ({ identifier: [email] })],
    ['identifier is an object', () => ({ identifier: { $ne: null } })],
    ['identifier is blank', () => ({ identifier: '   ' })],
    ['identifier longer than 254', (email) => ({ identifier: `${'a'.repeat(250)}${email}` })],
    ['unknown extra key', (email) => ({ identifier: email, email: newEmail() })],
    ['__proto__ key', (email) => JSON.parse(`{"identifier":"${email}","__proto__":{"admin":true}}`)],
    ['body is an array', (email) => [{ identifier: email }]],
  ];

  it.each(malformed)('refuses %s with 400 INVALID_BODY and sends nothing', async (_label, build) => {
    const user = await createUser(app.strapi);
    const payload = build(user.email);
    const req = app.http().post('/api/auth/passwordless').set('Content-Type', 'application/json');
    const res = await (payload === undefined ? req : req.send(JSON.stringify(payload)));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      data: null,
      error: { status: 400, name: 'ValidationError', details: { code: 'INVALID_BODY' } },
    });
    await app.settle();
    expect(app.ses.to(user.email)).toHaveLength(0);
  });
});
