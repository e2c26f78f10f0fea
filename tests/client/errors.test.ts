/**
 * Every refusal the routes can give, as the client throws it: one PasswordlessError with
 * the server's `details.code` (or the client's own code), the status, and Retry-After
 * as `retryAfterSeconds`. Against a real Strapi; each test has its own identity and its
 * own client address (X-Forwarded-For, with `proxy: true`), so per-IP counters are its own.
 */
import http from 'node:http';
import net from 'node:net';
import { JWT_MODE } from '../helpers/host';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { createUser, newEmail } from '../helpers/users';
import { lastEmail, wrongCode } from '../helpers/flow';
import { baseUrl, failureOf, freshIp } from '../helpers/client';
import {
  createPasswordlessClient,
  PasswordlessError,
  type FetchFunction,
  type PasswordlessClient,
} from '../../packages/strapi-passwordless-login/src/client';

const SHOP = 'https://shop.test';
const FAILURE_BUDGET = 3;
const IP_REQUESTS = 3;
let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({
    proxy: true,
    passwordless: {
      grantPublic: true,
      // Cooldown at its default (60 s); small per-IP and per-account budgets.
      limits: {
        ipRequest: { points: IP_REQUESTS, durationSeconds: 900 },
        ipVerify: { points: 50, durationSeconds: 900 },
        failureBudget: FAILURE_BUDGET,
        lockSeconds: 900,
      },
      // Our JWT cookie where there is one; in Strapi 5 refresh mode users-permissions' refresh cookie.
      cookie: { enabled: JWT_MODE === 'legacy', origins: [SHOP] },
    },
  });
});
afterAll(async () => app?.stop());

/** Node's fetch with these headers added to every request. */
const fetchWith =
  (headers: Record<string, string>): FetchFunction =>
  (url, init) =>
    fetch(url, { ...init, headers: { ...init.headers, ...headers } });

/** A shopper's client: an address of its own. */
async function shopper(): Promise<PasswordlessClient> {
  return createPasswordlessClient({ baseUrl: await baseUrl(app), fetch: fetchWith({ 'X-Forwarded-For': freshIp() }) });
}

/** Asks for a code through `client` and returns what arrived. */
async function receive(client: PasswordlessClient, email: string) {
  await client.requestCode(email);
  await app.settle();
  return lastEmail(app, email);
}


/** A second code for one address within the cooldown: CODE_RATE_LIMITED with a wait of at most the cooldown. */
async function expectCooldown(client: ReturnType<typeof createPasswordlessClient>): Promise<void> {
  const email = newEmail();
  await client.requestCode(email);
  const error = await failureOf(client.requestCode(email));
  expect(error).toMatchObject({ code: 'CODE_RATE_LIMITED', status: 429 });
  expect(error.retryAfterSeconds).toBeGreaterThan(0);
  expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
}

describe('server codes through the client', () => {
  it.each([
    ['an identifier with a zero-width space', (c: PasswordlessClient) => c.requestCode(`a\u200b${newEmail()}`)],
    ['locale "not a locale!"', (c: PasswordlessClient) => c.requestCode(newEmail(), { locale: 'not a locale!' })],
    ['a code that is not digits', (c: PasswordlessClient) => c.verifyCode(newEmail(), '12345a')],
    ['a link token of the wrong shape', (c: PasswordlessClient) => c.verifyLink('not/a/token')],
  ])('INVALID_BODY (400) for %s', async (_label, call) => {
    const error = await failureOf(call(await shopper()));
    expect(error).toBeInstanceOf(PasswordlessError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'PasswordlessError', code: 'INVALID_BODY', status: 400 });
    expect(error.retryAfterSeconds).toBeUndefined();
    expect(error.details).toMatchObject({ code: 'INVALID_BODY' });
  });

  it('INVALID_CODE (400) for a wrong code; the right one still signs in', async () => {
    const client = await shopper();
    const user = await createUser(app.strapi);
    const { code } = await receive(client, user.email);
    expect(await failureOf(client.verifyCode(user.email, wrongCode(code!)))).toMatchObject({ code: 'INVALID_CODE', status: 400 });
    expect((await client.verifyCode(user.email, code!)).user.id).toBe(user.id);
  });

  it('INVALID_CODE (400) for a link token nobody was sent', async () => {
    const error = await failureOf((await shopper()).verifyLink('A'.repeat(43)));
    expect(error).toMatchObject({ code: 'INVALID_CODE', status: 400 });
  });

  it('TOO_MANY_ATTEMPTS (429) once the account’s failure budget is spent, with retryAfterSeconds', async () => {
    const client = await shopper();
    const user = await createUser(app.strapi);
    const { code } = await receive(client, user.email);
    for (let i = 1; i <= FAILURE_BUDGET; i += 1) {
      expect(await failureOf(client.verifyCode(user.email, wrongCode(code!, i)))).toMatchObject({ code: 'INVALID_CODE' });
    }
    const error = await failureOf(client.verifyCode(user.email, code!));
    expect(error).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', status: 429 });
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(900);
  });

  it('CODE_RATE_LIMITED (429) for a second code within the cooldown, with retryAfterSeconds', async () => {
    const client = await shopper();
    await expectCooldown(client);
  });

  it('retryAfterSeconds from the body when the Retry-After header is hidden (a browser, cross-origin, reads no unexposed header)', async () => {
    const ip = freshIp();
    const client = createPasswordlessClient({
      baseUrl: await baseUrl(app),
      fetch: async (url, init) => {
        const res = await fetch(url, { ...init, headers: { ...init.headers, 'X-Forwarded-For': ip } });
        const headers = new Headers(res.headers);
        headers.delete('Retry-After');
        return new Response(await res.text(), { status: res.status, statusText: res.statusText, headers });
      },
    });
    await expectCooldown(client);
  });

  it('IP_RATE_LIMITED (429) past the per-IP budget, with retryAfterSeconds', async () => {
    const client = await shopper();
    for (let i = 0; i < IP_REQUESTS; i += 1) await client.requestCode(newEmail());
    const error = await failureOf(client.requestCode(newEmail()));
    expect(error).toMatchObject({ code: 'IP_RATE_LIMITED', status: 429 });
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(900);
  });

  it('NOT_SIGNED_IN (401) for logout({ everywhere: true }) without a session', async () => {
    const error = await failureOf((await shopper()).logout({ everywhere: true }));
    expect(error).toMatchObject({ code: 'NOT_SIGNED_IN', status: 401 });
  });

  it('CSRF_ORIGIN_MISMATCH (403) for a logout from a foreign origin with the session cookie; from the shop it works', async () => {
    const ip = freshIp();
    const cookies: string[] = [];
    // What a browser does on the shop's page: send its Origin, keep the Set-Cookie.
    const fromShop = createPasswordlessClient({
      baseUrl: await baseUrl(app),
      credentials: 'include',
      fetch: async (url, init) => {
        const res = await fetch(url, { ...init, headers: { ...init.headers, Origin: SHOP, 'X-Forwarded-For': ip } });
        cookies.push(...res.headers.getSetCookie().map((line) => line.split(';')[0]));
        return res;
      },
    });
    const user = await createUser(app.strapi);
    const { code } = await receive(fromShop, user.email);
    const { jwt } = await fromShop.verifyCode(user.email, code!);
    const [cookie] = cookies;
    expect(cookie).toMatch(JWT_MODE === 'legacy' ? /^strapi_jwt=./ : /^strapi_up_refresh=./);
    // The cookie authenticates on its own in cookie mode; a refresh cookie does not, so the page sends its access token.
    const session = JWT_MODE === 'legacy' ? {} : { jwt };

    const fromElsewhere = createPasswordlessClient({
      baseUrl: await baseUrl(app),
      credentials: 'include',
      fetch: fetchWith({ Origin: 'https://evil.test', Cookie: cookie, 'X-Forwarded-For': ip }),
    });
    expect(await failureOf(fromElsewhere.logout({ everywhere: true, ...session }))).toMatchObject({ code: 'CSRF_ORIGIN_MISMATCH', status: 403 });

    const back = createPasswordlessClient({ baseUrl: await baseUrl(app), fetch: fetchWith({ Origin: SHOP, Cookie: cookie, 'X-Forwarded-For': ip }) });
    await expect(back.logout({ everywhere: true, ...session })).resolves.toBeUndefined();
  });
});

describe('client codes', () => {
  it('UNAUTHORIZED (401 without a code) for a JWT Strapi refuses', async () => {
    const error = await failureOf((await shopper()).logout({ jwt: 'not-a-jwt' }));
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
  });

  it('UNEXPECTED_RESPONSE for a wrong apiPrefix (Strapi answers 405, not in the API’s shape)', async () => {
    const client = createPasswordlessClient({ baseUrl: await baseUrl(app), apiPrefix: '/not-the-api' });
    expect(await failureOf(client.requestCode(newEmail()))).toMatchObject({ code: 'UNEXPECTED_RESPONSE', status: 405 });
  });

  it('UNEXPECTED_RESPONSE for a 200 that is not JSON (a baseUrl pointing at some web page)', async () => {
    const page = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>shop</html>'));
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    try {
      const client = createPasswordlessClient({ baseUrl: `http://127.0.0.1:${(page.address() as net.AddressInfo).port}` });
      expect(await failureOf(client.verifyCode(newEmail(), '123456'))).toMatchObject({ code: 'UNEXPECTED_RESPONSE', status: 200 });
    } finally {
      await new Promise((resolve) => page.close(resolve));
    }
  });

  it('NETWORK_ERROR (status 0) when nothing listens, with the fetch failure as cause', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const client = createPasswordlessClient({ baseUrl: `http://127.0.0.1:${port}` });
    const error = await failureOf(client.requestCode(newEmail()));
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
    // Node's fetch rejects with TypeError('fetch failed'), from another realm than jest's.
    expect((error as { cause?: unknown }).cause).toMatchObject({ name: 'TypeError' });
  });
});

// Last in the file: the database goes away and comes back.
describe('database unavailable', () => {
  it('SERVICE_UNAVAILABLE (503) from requestCode and verifyCode, with retryAfterSeconds', async () => {
    const client = await shopper();
    const email = newEmail();
    await app.strapi.db.connection.destroy();
    try {
      for (const call of [() => client.requestCode(email), () => client.verifyCode(email, '123456')]) {
        const error = await failureOf(call());
        expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
        expect(error.retryAfterSeconds).toBeGreaterThan(0);
      }
    } finally {
      app.strapi.db.connection.initialize();
    }
    await app.settle();
    await expect(client.requestCode(email)).resolves.toBeUndefined();
  });
});
