/**
 * Server mode (issue 14): a storefront's server calls Strapi for its shoppers with a
 * trusted API token and names each shopper's address in Passwordless-Forwarded-For.
 * The token must never reach a browser, and `forwardedFor` without it is a setup mistake.
 * The Strapi here has the routes off for Public (no grantPublic): only the token opens them.
 */
import { startStrapi, type TestApp } from '../helpers/strapi';
import { createUser, newEmail } from '../helpers/users';
import { lastEmail, me } from '../helpers/flow';
import { baseUrl, clientOf, failureOf, recordingFetch } from '../helpers/client';
import { createPasswordlessClient, PasswordlessError, type PasswordlessClient } from '../../packages/strapi-passwordless-login/src/client';

const IP_REQUESTS = 2;
const SERVER_REQUESTS = 6;
let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({
    passwordless: {
      grantPublic: false,
      limits: { ipRequest: { points: IP_REQUESTS, durationSeconds: 900 }, identifierCooldownSeconds: 0 },
      // One trusted token per test, so each spends a ceiling of its own.
      trustedServers: {
        apiTokens: ['storefront-sign-in', 'storefront-shoppers', 'storefront-busy'],
        request: { points: SERVER_REQUESTS, durationSeconds: 900 },
      },
    },
  });
  // Signed-in users may log out; Public gets nothing.
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action: 'plugin::users-permissions.auth.logout', role: role.id } });
});
afterAll(async () => app?.stop());

/** A full-access Strapi API token (Settings → API Tokens) named `name`. */
async function apiToken(name: string): Promise<string> {
  const token = await app.strapi.service('admin::api-token').create({ name, description: '', type: 'full-access', lifespan: null });
  return token.accessKey;
}

/** Runs `create` where `window` and `document` exist, as in a browser bundle. */
function inBrowser<T>(create: () => T): T {
  const scope = globalThis as Record<string, unknown>;
  scope.window = scope;
  scope.document = {};
  try {
    return create();
  } finally {
    delete scope.window;
    delete scope.document;
  }
}

describe('setup mistakes are refused before anything is sent', () => {
  it('server mode in a browser: creating the client throws, so the API token is never sent', () => {
    const recorder = recordingFetch();
    const create = () => createPasswordlessClient({ baseUrl: 'http://127.0.0.1:1', fetch: recorder.fetch, server: { apiToken: 'secret-token' } });
    expect(() => inBrowser(create)).toThrow(/server/);
    expect(() => inBrowser(create)).not.toThrow(PasswordlessError);
    expect(recorder.sent).toEqual([]);
  });

  it('a plain client is fine in a browser; server mode is fine where only `window` exists (not a browser: Deno 1.x)', () => {
    expect(() => inBrowser(() => createPasswordlessClient({ baseUrl: 'http://127.0.0.1:1' }))).not.toThrow();
    const scope = globalThis as Record<string, unknown>;
    scope.window = scope;
    try {
      expect(() => createPasswordlessClient({ baseUrl: 'http://127.0.0.1:1', server: { apiToken: 't' } })).not.toThrow();
    } finally {
      delete scope.window;
    }
  });

  // Issue 18: a Web Worker or Service Worker has neither window nor document, and a script
  // there is as public as a page's.
  it.each([
    ['a dedicated or shared worker', { importScripts: () => undefined, self: {} }],
    ['a service worker', { importScripts: () => undefined, self: {}, registration: {}, clients: {} }],
    ['a React Native app', { window: {}, navigator: { product: 'ReactNative' } }],
  ])('server mode in %s: refused, nothing sent', (_label, globals) => {
    const recorder = recordingFetch();
    const scope = globalThis as Record<string, unknown>;
    Object.assign(scope, globals);
    try {
      expect(() =>
        createPasswordlessClient({ baseUrl: 'https://cms.shop.example', fetch: recorder.fetch, server: { apiToken: 'secret-token' } })
      ).toThrow(/server mode runs only on a server/);
    } finally {
      for (const name of Object.keys(globals)) delete scope[name];
    }
    expect(recorder.sent).toEqual([]);
  });

  it.each([
    ['http://cms.shop.example', true],
    ['http://10.0.0.5:1337', true],
    ['http://127.0.0.1.nip.io:1337', true],
    ['http://shop.localhost:1337', true],
    ['http://localhost@evil.example', true],
    ['ftp://cms.shop.example', true],
    ['not a url', true],
    ['https://cms.shop.example', false],
    ['http://localhost:1337', false],
    ['http://127.0.0.1:1337', false],
    ['http://127.1:1337', false],
    ['http://[::1]:1337', false],
  ])('server mode with baseUrl %s: refused %s (the API token would travel in clear)', (baseUrl, refused) => {
    const create = () => createPasswordlessClient({ baseUrl, server: { apiToken: 't' } });
    if (refused) expect(create).toThrow(/must be https/);
    else expect(create).not.toThrow();
  });

  it('plain http on another host only when asked for by name (a private network)', () => {
    expect(() => createPasswordlessClient({ baseUrl: 'http://strapi:1337', server: { apiToken: 't', allowHttp: true } })).not.toThrow();
  });

  it('server mode without a token is refused', () => {
    expect(() => createPasswordlessClient({ baseUrl: 'http://127.0.0.1:1', server: { apiToken: '' } })).toThrow(/apiToken/);
  });

  it.each([
    ['requestCode', (c: PasswordlessClient) => c.requestCode(newEmail(), { forwardedFor: '203.0.113.7' })],
    ['verifyCode', (c: PasswordlessClient) => c.verifyCode(newEmail(), '123456', { forwardedFor: '203.0.113.7' })],
    ['verifyLink', (c: PasswordlessClient) => c.verifyLink('A'.repeat(43), { forwardedFor: '203.0.113.7' })],
  ])('forwardedFor without server mode: %s rejects with a plain Error and sends nothing', async (_label, call) => {
    const recorder = recordingFetch();
    const client = createPasswordlessClient({ baseUrl: 'http://127.0.0.1:1', fetch: recorder.fetch });
    const error = await call(client).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(PasswordlessError);
    expect((error as Error).message).toMatch(/server mode/);
    expect(recorder.sent).toEqual([]);
  });

  it.each([['a list', '203.0.113.7, 10.0.0.1'], ['empty', ''], ['a line break', '203.0.113.7\r\nX-Evil: 1']])(
    'forwardedFor that is not one address (%s) is refused and nothing is sent',
    async (_label, forwardedFor) => {
      const recorder = recordingFetch();
      const client = createPasswordlessClient({ baseUrl: 'http://127.0.0.1:1', fetch: recorder.fetch, server: { apiToken: 't' } });
      await expect(client.requestCode(newEmail(), { forwardedFor })).rejects.toThrow(/one IP address/);
      expect(recorder.sent).toEqual([]);
    },
  );
});

describe('against Strapi with the routes off for Public', () => {
  it.each([
    ['requestCode', (c: PasswordlessClient) => c.requestCode(newEmail())],
    ['verifyCode', (c: PasswordlessClient) => c.verifyCode(newEmail(), '123456')],
    ['verifyLink', (c: PasswordlessClient) => c.verifyLink('A'.repeat(43))],
    ['logout', (c: PasswordlessClient) => c.logout()],
  ])('a plain client gets FORBIDDEN (403 without a code) from %s', async (_label, call) => {
    const error = await failureOf(call(await clientOf(app)));
    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('server mode signs a shopper in: the API token and the shopper’s address go with the code request and verify; logout sends the JWT, never the token', async () => {
    const token = await apiToken('storefront-sign-in');
    const recorder = recordingFetch();
    const server = await clientOf(app, { fetch: recorder.fetch, server: { apiToken: token } });
    const user = await createUser(app.strapi);

    await server.requestCode(user.email, { forwardedFor: '203.0.113.7' });
    await app.settle();
    const { jwt, user: signedIn } = await server.verifyCode(user.email, lastEmail(app, user.email).code!, { forwardedFor: '203.0.113.7' });
    expect(signedIn.id).toBe(user.id);
    expect((await me(app, jwt)).status).toBe(200);
    await server.logout({ jwt });

    expect(recorder.sent.map(({ headers }) => [headers.Authorization, headers['Passwordless-Forwarded-For']])).toEqual([
      [`Bearer ${token}`, '203.0.113.7'],
      [`Bearer ${token}`, '203.0.113.7'],
      [`Bearer ${jwt}`, undefined],
    ]);
  });

  it('each shopper counts on its own: more shoppers than one address may send pass, and one shopper is limited (IP_RATE_LIMITED)', async () => {
    const server = await clientOf(app, { server: { apiToken: await apiToken('storefront-shoppers') } });
    for (const shopper of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      await server.requestCode(newEmail(), { forwardedFor: shopper });
    }
    await server.requestCode(newEmail(), { forwardedFor: '198.51.100.1' });
    const error = await failureOf(server.requestCode(newEmail(), { forwardedFor: '198.51.100.1' }));
    expect(error).toMatchObject({ code: 'IP_RATE_LIMITED', status: 429 });
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('SERVER_RATE_LIMITED (429) past the trusted server’s own ceiling, with retryAfterSeconds', async () => {
    const server = await clientOf(app, { server: { apiToken: await apiToken('storefront-busy') } });
    for (let i = 1; i <= SERVER_REQUESTS; i += 1) await server.requestCode(newEmail(), { forwardedFor: `192.0.2.${i}` });
    const error = await failureOf(server.requestCode(newEmail(), { forwardedFor: '192.0.2.200' }));
    expect(error).toMatchObject({ code: 'SERVER_RATE_LIMITED', status: 429 });
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(900);
  });

  it('logout in server mode without a JWT sends no credentials at all (and is FORBIDDEN here, like any anonymous logout)', async () => {
    const recorder = recordingFetch();
    const server = await clientOf(app, { fetch: recorder.fetch, server: { apiToken: await apiToken('storefront-logout') } });
    expect(await failureOf(server.logout({ everywhere: true }))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(recorder.sent[0].headers.Authorization).toBeUndefined();
  });
});
