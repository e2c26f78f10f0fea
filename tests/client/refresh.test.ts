/**
 * The typed client in Strapi 5 refresh mode (issue 19): `refreshToken` when the answer
 * carries it, `refresh()` through stock /api/auth/refresh (rotation as stock), `deviceId`,
 * and `logout({ everywhere })` ending every session and access token at once.
 */
import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createUser } from '../helpers/users';
import { me } from '../helpers/flow';
import { baseUrl, failureOf } from '../helpers/client';
import { codeFor, withUpConfig } from '../helpers/refresh';
import { describeIf, JWT_MODE } from '../helpers/host';
import { createPasswordlessClient, type FetchFunction, type PasswordlessClient } from '../../packages/strapi-passwordless-login/src/client';

describeIf(JWT_MODE === 'refresh')('the client in refresh mode', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi({ passwordless: { grantPublic: true, limits: { ...RELAXED_LIMITS, identifierCooldownSeconds: 0 } } });
  });
  afterAll(async () => app?.stop());

  /** A client whose fetch keeps cookies as a browser does (credentials: 'include'). */
  async function browserClient(): Promise<PasswordlessClient> {
    const jar = new Map<string, string>();
    const withJar: FetchFunction = async (url, init) => {
      const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
      const res = await fetch(url, { ...init, headers: { ...init.headers, ...(cookie ? { Cookie: cookie } : {}) } });
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
        if (value) jar.set(name, value);
        else jar.delete(name);
      }
      return res;
    };
    return createPasswordlessClient({ baseUrl: await baseUrl(app), credentials: 'include', fetch: withJar });
  }

  it('with the HttpOnly cookie: verifyCode gives no refreshToken, refresh() rotates through the cookie', async () => {
    const client = await browserClient();
    const user = await createUser(app.strapi);
    const signedIn = await client.verifyCode(user.email, await codeFor(app, user.email), { deviceId: 'browser-1' });
    expect(signedIn.refreshToken).toBeUndefined();
    expect(signedIn.user).toMatchObject({ id: user.id, documentId: expect.any(String) });
    const next = await client.refresh();
    expect(next.refreshToken).toBeUndefined();
    expect((await me(app, next.jwt)).body.id).toBe(user.id);
    await client.logout({ everywhere: true, jwt: next.jwt });
    for (const jwt of [signedIn.jwt, next.jwt]) expect((await me(app, jwt)).status).toBe(401);
    // The cookie went with the logout: nothing to refresh.
    expect(await failureOf(client.refresh())).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('without it: verifyCode gives the refreshToken, refresh({ refreshToken }) rotates it, and the old one is refused', async () => {
    const restore = withUpConfig(app, 'sessions.httpOnly', false);
    try {
      const client = createPasswordlessClient({ baseUrl: await baseUrl(app) });
      const user = await createUser(app.strapi);
      const { refreshToken } = await client.verifyCode(user.email, await codeFor(app, user.email));
      expect(refreshToken).toEqual(expect.any(String));
      const next = await client.refresh({ refreshToken });
      expect(next.refreshToken).toEqual(expect.any(String));
      expect(next.refreshToken).not.toBe(refreshToken);
      expect(await failureOf(client.refresh({ refreshToken }))).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
      await client.logout({ jwt: next.jwt, refreshToken: next.refreshToken });
      expect(await failureOf(client.refresh({ refreshToken: next.refreshToken }))).toMatchObject({ code: 'UNAUTHORIZED' });
    } finally {
      restore();
    }
  });
});
