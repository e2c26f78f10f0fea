/**
 * The storefront client against a real Strapi over HTTP: sign-in by code and by link,
 * logout, and the exact bodies it sends (the routes refuse unknown keys).
 */
import { JWT_MODE } from '../helpers/host';
import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createUser, newEmail } from '../helpers/users';
import { lastEmail, me } from '../helpers/flow';
import { baseUrl, clientOf, failureOf, recordingFetch } from '../helpers/client';
import { createPasswordlessClient, type PasswordlessClient } from '../../packages/strapi-passwordless-login/src/client';

const LINK_URL = 'https://shop.test/auth/link';
let app: TestApp;
let client: PasswordlessClient;

beforeAll(async () => {
  app = await startStrapi({ passwordless: { grantPublic: true, linkUrl: LINK_URL, signUp: { enabled: true }, limits: { ...RELAXED_LIMITS, identifierCooldownSeconds: 0 } } });
  client = await clientOf(app);
});
afterAll(async () => app?.stop());

/** Asks through the client and reads the email the address received. */
async function emailFor(email: string, options?: { locale?: string }) {
  await client.requestCode(email, options);
  await app.settle();
  return lastEmail(app, email);
}

describe('sign-in through the client', () => {
  it('by code: requestCode, the emailed code, verifyCode → { jwt, user } that /api/users/me accepts', async () => {
    const user = await createUser(app.strapi);
    const { code } = await emailFor(user.email);

    const result = await client.verifyCode(user.email, code!);

    expect(result.user).toMatchObject({ id: user.id, email: user.email, username: user.username, blocked: false });
    expect(result.user).not.toHaveProperty('password');
    const profile = await me(app, result.jwt);
    expect(profile.status).toBe(200);
    expect(profile.body.id).toBe(user.id);
  });

  it('by link: verifyLink with the token from the emailed link', async () => {
    const user = await createUser(app.strapi);
    const { token } = await emailFor(user.email);

    const result = await client.verifyLink(token!);

    expect(result.user.id).toBe(user.id);
    expect((await me(app, result.jwt)).status).toBe(200);
  });

  it('signs up an address with no account', async () => {
    const email = newEmail('signup');
    const { code } = await emailFor(email);
    const result = await client.verifyCode(email, code!);
    expect(result.user.email).toBe(email);
  });

  it('logout({ everywhere: true, jwt }) ends the session: the old JWT is refused by /api/users/me', async () => {
    const user = await createUser(app.strapi);
    const { code } = await emailFor(user.email);
    const { jwt } = await client.verifyCode(user.email, code!);

    await expect(client.logout({ everywhere: true, jwt })).resolves.toBeUndefined();

    expect((await me(app, jwt)).status).toBe(401);
    // The same JWT is now no credential at all: Strapi's bare 401.
    expect(await failureOf(client.logout({ everywhere: true, jwt }))).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
  });

  it('logout() without a session resolves (it only clears a cookie there may be); in refresh mode stock answers 401', async () => {
    if (JWT_MODE === 'legacy') await expect(client.logout()).resolves.toBeUndefined();
    else expect(await failureOf(client.logout())).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
  });

  it('accepts a baseUrl with a trailing slash and an apiPrefix without its leading one', async () => {
    const loose = createPasswordlessClient({ baseUrl: `${await baseUrl(app)}/`, apiPrefix: 'api/' });
    await expect(loose.requestCode(newEmail())).resolves.toBeUndefined();
  });
});

describe('what the client sends', () => {
  it('only the documented keys, whatever else the options objects hold (the server refuses unknown keys)', async () => {
    const user = await createUser(app.strapi);
    const recorder = recordingFetch();
    const recorded = await clientOf(app, { fetch: recorder.fetch });
    // A form's fields passed along by mistake: none of them may reach Strapi.
    const formFields = { csrfToken: 'x', email: 'someone@else.test', remember: 'on' };

    await recorded.requestCode(user.email, { locale: 'fr', ...formFields } as { locale: string });
    await app.settle();
    const { code } = lastEmail(app, user.email);
    const { jwt } = await recorded.verifyCode(user.email, code!, formFields as object);
    await recorded.logout({ jwt, ...formFields } as { jwt: string });
    await recorded.requestCode(user.email);
    await app.settle();
    const { token } = lastEmail(app, user.email);
    const { jwt: second } = await recorded.verifyLink(token!, formFields as object);
    await recorded.logout({ everywhere: true, jwt: second });

    // Every call succeeded, so Strapi took every body; and each held only its own keys.
    const base = await baseUrl(app);
    expect(recorder.sent.map(({ url, body }) => ({ url: url.slice(base.length), body }))).toEqual([
      { url: '/api/auth/passwordless', body: { identifier: user.email, locale: 'fr' } },
      { url: '/api/auth/passwordless/verify', body: { identifier: user.email, code } },
      { url: '/api/auth/logout', body: {} },
      { url: '/api/auth/passwordless', body: { identifier: user.email } },
      { url: '/api/auth/passwordless/verify', body: { token } },
      { url: '/api/auth/logout', body: { everywhere: true } },
    ]);
    for (const { headers } of recorder.sent) expect(headers['Content-Type']).toBe('application/json');
  });

  it('sends no Authorization without a JWT, the JWT with one, and never a forwarded-for header', async () => {
    const user = await createUser(app.strapi);
    const recorder = recordingFetch();
    const recorded = await clientOf(app, { fetch: recorder.fetch });
    await recorded.requestCode(user.email);
    await app.settle();
    const { jwt } = await recorded.verifyCode(user.email, lastEmail(app, user.email).code!);
    await recorded.logout({ jwt });

    expect(recorder.sent.map(({ headers }) => headers.Authorization)).toEqual([undefined, undefined, `Bearer ${jwt}`]);
    for (const { headers } of recorder.sent) expect(Object.keys(headers)).not.toContain('Passwordless-Forwarded-For');
  });
});
