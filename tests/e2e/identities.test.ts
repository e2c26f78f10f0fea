/**
 * Addresses compared safely, and who may log in: look-alike spellings reach at most
 * the account they spell after normalisation, mail always goes to the stored address,
 * and outsiders of the allow/deny lists get the same 200 and no email.
 */
import { randomUUID } from 'node:crypto';
import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createUser, codeFrom } from '../helpers/users';
import { ask, verify } from '../helpers/flow';

let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({
    passwordless: {
      grantPublic: true,
      limits: RELAXED_LIMITS,
      access: { allow: ['@shop.test', 'guest@partner.test'], deny: ['banned@shop.test', '@spam.shop.test'] },
    },
  });
});
afterAll(async () => app?.stop());

const tag = () => randomUUID().slice(0, 8);

async function mailsAfter(identifier: string, users: Array<{ email: string }>) {
  const res = await ask(app, identifier);
  await app.settle();
  return { status: res.status, body: res.body, mails: users.map((user) => app.ses.to(user.email).length) };
}

describe('look-alike characters', () => {
  it.each([
    // [label, stored local part, typed local part, reaches the stored account?]
    ['Kelvin sign (U+212A) folds to k', 'kate', '\u212Aate', true],
    ['long s (U+017F) folds to s', 'sam', '\u017Fam', true],
    ['full-width letters fold to ASCII', 'ann', 'ａｎｎ', true],
    ['dotless i (U+0131) stays distinct', 'alice', 'al\u0131ce', false],
    ['capital I with dot (U+0130) stays distinct', 'ivan', '\u0130van', false],
  ])('%s', async (_label, stored, typed, reaches) => {
    const suffix = tag();
    const owner = await createUser(app.strapi, { email: `${stored}-${suffix}@shop.test` });
    const bystander = await createUser(app.strapi, { email: `other-${suffix}@shop.test` });
    const { status, body, mails } = await mailsAfter(`${typed}-${suffix}@shop.test`, [owner, bystander]);
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true });
    expect(mails).toEqual([reaches ? 1 : 0, 0]);
    if (reaches) expect(app.ses.to(owner.email)[0].to).toEqual([owner.email]);
  });

  it.each([
    ['zero-width space', '\u200b'],
    ['zero-width joiner', '\u200d'],
    ['right-to-left override', '\u202E'],
  ])('an identifier with a %s is refused as malformed and sends nothing', async (_label, char) => {
    const owner = await createUser(app.strapi, { email: `zw-${tag()}@shop.test` });
    const res = await ask(app, owner.email.replace('@', `${char}@`));
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('INVALID_BODY');
    await app.settle();
    expect(app.ses.to(owner.email)).toHaveLength(0);
  });

  it('a look-alike shares the limit bucket of the address it folds to', async () => {
    const owner = await createUser(app.strapi, { email: `kim-${tag()}@shop.test` });
    expect((await ask(app, owner.email)).status).toBe(200);
    const again = await ask(app, owner.email.replace('k', '\u212A'));
    expect(again.status).toBe(429);
  });
});

describe('allow and deny lists', () => {
  it.each([
    ['allowed domain', () => `a-${tag()}@shop.test`, true],
    ['allowed exact address', () => 'guest@partner.test', true],
    ['outside the allowlist', () => `a-${tag()}@partner.test`, false],
    ['denied address inside an allowed domain', () => 'banned@shop.test', false],
    ['denied subdomain', () => `a-${tag()}@spam.shop.test`, false],
  ])('%s: same 200, email only if admitted, verify only if admitted', async (_label, email, admitted) => {
    const user = await createUser(app.strapi, { email: email() });
    const { status, body, mails } = await mailsAfter(user.username, [user]);
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true });
    expect(mails).toEqual([admitted ? 1 : 0]);
    if (admitted) {
      const code = codeFrom(app.ses.to(user.email)[0]);
      const res = await verify(app, user.email, code);
      expect(res.status).toBe(200);
    }
  });
});
