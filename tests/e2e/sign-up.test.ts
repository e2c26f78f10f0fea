/**
 * Sign-up by email: an address with no account gets a code; the account exists only
 * once the code is proven, and concurrent proofs create one account.
 */
import { randomUUID } from 'node:crypto';
import { startStrapi, RELAXED_LIMITS, USER_UID, type TestApp } from '../helpers/strapi';
import { createUser, newEmail } from '../helpers/users';
import { ask, byToken, issueCode, me, receiveCode, verify } from '../helpers/flow';
import { setAdvanced } from '../helpers/settings';

let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({
    passwordless: {
      grantPublic: true,
      linkUrl: 'https://shop.test/auth/link',
      limits: { ...RELAXED_LIMITS, failureBudget: 1000 },
    },
  });
});
afterAll(async () => app?.stop());

const usersWith = (email: string) => app.strapi.db.query(USER_UID).findMany({ where: { email } });

describe('sign-up by email', () => {
  it('answers a new address exactly like an existing one, and writes no user before the code is proven', async () => {
    const existing = await createUser(app.strapi);
    const email = newEmail('new');
    const [a, b] = [await ask(app, existing.email), await ask(app, email)];
    expect([b.status, b.text]).toEqual([a.status, a.text]);
    await app.settle();
    expect(app.ses.to(email)).toHaveLength(1);
    expect(await usersWith(email)).toEqual([]);
  });

  it('creates the account at verification: local, confirmed, default role, derived username, no password', async () => {
    const email = newEmail('Ada.Lovelace'.toLowerCase());
    const code = await receiveCode(app, email);
    const res = await verify(app, email, code);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['jwt', 'user']);
    expect(res.body.user).toMatchObject({ email, provider: 'local', confirmed: true, blocked: false });
    expect(res.body.user.username).toMatch(/^ada\.lovelace-/);
    const [row] = await app.strapi.db.query(USER_UID).findMany({ where: { email }, populate: ['role'] });
    expect(row.role.type).toBe('authenticated');
    expect(row.password).toBeNull();
    // No usable password: /auth/local refuses any.
    expect((await app.http().post('/api/auth/local').send({ identifier: email, password: '' })).status).toBe(400);
    expect((await me(app, res.body.jwt)).body.email).toBe(email);
  });

  it('20 concurrent verifications for a new address create exactly one account', async () => {
    const email = newEmail('new');
    const code = await receiveCode(app, email);
    const answers = await Promise.all(Array.from({ length: 20 }, () => verify(app, email, code)));
    expect(answers.filter((res) => res.status === 200)).toHaveLength(1);
    expect(await usersWith(email)).toHaveLength(1);
  });

  it('the magic link signs up too', async () => {
    const email = newEmail('new');
    const { token } = await issueCode(app, email);
    const res = await byToken(app, token!);
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(email);
    expect(await usersWith(email)).toHaveLength(1);
  });

  it('derives distinct usernames for equal local parts', async () => {
    const local = `same${randomUUID().slice(0, 4)}`;
    const names: string[] = [];
    for (const domain of ['one.test', 'two.test']) {
      const email = `${local}@${domain}`;
      const code = await receiveCode(app, email);
      names.push((await verify(app, email, code)).body.user.username);
    }
    expect(names[0]).toBe(local);
    expect(names[1]).toMatch(new RegExp(`^${local}-[0-9a-f]{6}$`));
  });

  it.each([
    ['a username', () => `someone_${randomUUID().slice(0, 6)}`],
    ['a non-ASCII (look-alike) address', () => `al\u0131ce-${randomUUID().slice(0, 6)}@signup.test`],
  ])('never signs up %s', async (_label, identifier) => {
    const value = identifier();
    expect((await ask(app, value)).status).toBe(200);
    await app.settle();
    expect(app.ses.to(value.normalize('NFKC').toLowerCase())).toHaveLength(0);
  });

  it('never creates a second account for an address held by another provider', async () => {
    const google = await createUser(app.strapi, { email: newEmail('google'), provider: 'google' });
    expect((await ask(app, google.email)).status).toBe(200);
    await app.settle();
    expect(app.ses.to(google.email)).toHaveLength(0);
  });

  it("follows users-permissions' Enable sign-ups setting ('auto')", async () => {
    await setAdvanced(app.strapi, { allow_register: false });
    try {
      const email = newEmail('new');
      expect((await ask(app, email)).status).toBe(200);
      await app.settle();
      expect(app.ses.to(email)).toHaveLength(0);
    } finally {
      await setAdvanced(app.strapi, { allow_register: true });
    }
  });

  it('a code sent while sign-ups were open does not create an account after they close', async () => {
    const email = newEmail('new');
    const code = await receiveCode(app, email);
    await setAdvanced(app.strapi, { allow_register: false });
    try {
      const res = await verify(app, email, code);
      expect(res.status).toBe(400);
      expect(res.body.error.details.code).toBe('INVALID_CODE');
      expect(await usersWith(email)).toEqual([]);
    } finally {
      await setAdvanced(app.strapi, { allow_register: true });
    }
  });
});
