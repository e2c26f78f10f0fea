/**
 * The typed client in Strapi 5 refresh mode (issue 19): `refreshToken` when the answer
 * carries it, `refresh()` through stock /api/auth/refresh (rotation as stock), `deviceId`,
 * and `logout({ everywhere })` ending every session and access token at once. On a server
 * (issue 20), where no cookie jar keeps Strapi's HttpOnly refresh cookie, the client hands
 * its token over as `refreshToken`.
 */
import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createUser } from '../helpers/users';
import { me } from '../helpers/flow';
import { baseUrl, failureOf, recordingFetch } from '../helpers/client';
import { codeFor, refresh, withUpConfig } from '../helpers/refresh';
import { describeIf, JWT_MODE } from '../helpers/host';
import { createPasswordlessClient, type FetchFunction, type PasswordlessClient } from '../../packages/strapi-passwordless-login/src/client';

describeIf(JWT_MODE === 'refresh')('the client in refresh mode', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi({
      passwordless: {
        grantPublic: true,
        limits: { ...RELAXED_LIMITS, identifierCooldownSeconds: 0 },
        trustedServers: { apiTokens: ['storefront'] },
      },
    });
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

  it('on a server (server mode, no cookie jar): the refresh token from the HttpOnly cookie, rotated by refresh({ refreshToken }); sign-out everywhere ends it', async () => {
    const { accessKey } = await app.strapi.service('admin::api-token').create({ name: 'storefront', description: '', type: 'full-access', lifespan: null });
    const recorder = recordingFetch();
    const server = createPasswordlessClient({ baseUrl: await baseUrl(app), fetch: recorder.fetch, server: { apiToken: accessKey } });
    const user = await createUser(app.strapi);

    const signedIn = await server.verifyCode(user.email, await codeFor(app, user.email), { forwardedFor: '203.0.113.9' });
    expect(signedIn.refreshToken).toEqual(expect.any(String));
    const next = await server.refresh({ refreshToken: signedIn.refreshToken });
    expect(next.refreshToken).toEqual(expect.any(String));
    expect(next.refreshToken).not.toBe(signedIn.refreshToken);
    expect((await refresh(app, { refreshToken: signedIn.refreshToken })).status).toBe(401);
    expect((await me(app, next.jwt)).body.id).toBe(user.id);

    await server.logout({ everywhere: true, jwt: next.jwt });
    expect((await me(app, next.jwt)).status).toBe(401);
    expect(await failureOf(server.refresh({ refreshToken: next.refreshToken }))).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    // The refresh token went in the body only, never with the API token.
    expect(recorder.sent.map(({ url, headers }) => [new URL(url).pathname, headers.Authorization !== undefined])).toEqual([
      ['/api/auth/passwordless/verify', true],
      ['/api/auth/refresh', false],
      ['/api/auth/logout', true],
      ['/api/auth/refresh', false],
    ]);
    expect(recorder.sent[1].body).toEqual({ refreshToken: signedIn.refreshToken });
  });

  it("reads the cookie by users-permissions' sessions.cookie.name (refreshCookieName)", async () => {
    const restore = withUpConfig(app, 'sessions.cookie', { ...app.strapi.config.get('plugin::users-permissions.sessions.cookie'), name: 'shop_refresh' });
    try {
      const user = await createUser(app.strapi);
      const unnamed = createPasswordlessClient({ baseUrl: await baseUrl(app) });
      expect((await unnamed.verifyCode(user.email, await codeFor(app, user.email))).refreshToken).toBeUndefined();
      const named = createPasswordlessClient({ baseUrl: await baseUrl(app), refreshCookieName: 'shop_refresh' });
      const { refreshToken } = await named.verifyCode(user.email, await codeFor(app, user.email));
      expect((await named.refresh({ refreshToken })).refreshToken).toEqual(expect.any(String));
    } finally {
      restore();
    }
  });
});
